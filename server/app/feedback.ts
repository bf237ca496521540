import type { FeedbackStats } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { addDays, businessDate } from '../domain/time.js';
import { liveTicket } from './live-ticket.js';
import type { Office } from './office.js';

export interface FeedbackInput {
  grade: number;
  comment?: string | undefined;
}

/** A statistics request may span at most this many days, so one query stays small. */
export const FEEDBACK_STATS_MAX_DAYS = 366;

/**
 * Stores a visitor's grade once per ticket, only after the visit was finished.
 * Kept anonymous: the row names the service, counter, day and language, never
 * the staff member, the visitor or the ticket; the ticket only records that it
 * has answered.
 */
export async function giveFeedback(office: Office, ticketId: string, input: FeedbackInput): Promise<void> {
  const comment = input.comment?.trim() || null;
  await office.command(async (tx, now) => {
    const t = await liveTicket(tx, ticketId, now);
    if (t.status !== 'done') throw new AppError('FEEDBACK_NOT_YET');
    if (!(await tx.tickets.markAnswered(t.id))) throw new AppError('FEEDBACK_ALREADY_GIVEN');
    await tx.feedback.insert({
      serviceId: t.serviceId,
      counterId: t.counterId,
      businessDate: t.businessDate,
      language: t.language,
      grade: input.grade,
      comment,
      createdAt: now,
    });
    // No event: the feedback row is the record, and nothing on any screen changes.
    return { result: undefined, events: [] };
  });
}

export async function feedbackGiven(office: Office, ticketId: string): Promise<boolean> {
  const now = office.now();
  return office.store.read(office.siteId, async (r) => r.tickets.answered((await liveTicket(r, ticketId, now)).id));
}

/** Mean grade and count per service and office day; both dates default to today. */
export async function feedbackStats(office: Office, from?: string, to?: string): Promise<FeedbackStats> {
  const now = office.now();
  return office.store.read(office.siteId, async (r) => {
    const today = businessDate(now, (await r.catalog.settings()).timeZone);
    const first = from ?? to ?? today;
    const last = to ?? from ?? today;
    if (!isCalendarDate(first) || !isCalendarDate(last)) throw new AppError('INVALID_INPUT', 'from and to must be dates (YYYY-MM-DD).');
    if (first > last) throw new AppError('INVALID_INPUT', 'from must not be after to.');
    if (addDays(first, FEEDBACK_STATS_MAX_DAYS) <= last) {
      throw new AppError('INVALID_INPUT', `Ask for at most ${FEEDBACK_STATS_MAX_DAYS} days at once.`);
    }
    return { from: first, to: last, days: await r.feedback.stats(first, last) };
  });
}

function isCalendarDate(s: string): boolean {
  try {
    return addDays(s, 0) === s;
  } catch {
    return false;
  }
}
