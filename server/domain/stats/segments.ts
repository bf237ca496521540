import type { TicketChannel } from '../../../common/model.js';
import type { StatsChannel } from '../../../common/stats-schemas.js';
import type { LoggedEvent } from '../events.js';
import type { SegmentFact } from './facts.js';
import { localHour } from './local-hour.js';

/**
 * #16: the definitions, in one place. A ticket's logged events (oldest first)
 * fold into its segments: one per service it waited for. The issue or
 * check-in opens segment 0; every transfer ends the current segment
 * (`transferred`) and opens the next one for the service it was sent to;
 * #17's "finish and next service" (`ticket.next_service`) ends it `served`
 * and opens the next one for the visit's next service likewise.
 *
 * - joined: the issue; the transfer or the next service (also when it kept or
 *   credited the visitor's place in line: the new queue's wait starts then); for a checked-in
 *   appointment the later of the check-in and its due time (slot start − the
 *   early grace of the check-in settings).
 * - wait = first call of the segment − joined (0 when a ticket was called
 *   before it became due). Recalls do not count as first calls.
 * - call-to-start = start of serving − the last call or recall before it.
 * - service time = finish (or the transfer, or the next service) − the last start of serving;
 *   null when it was never started.
 * - appointments (segment 0 of a checked-in ticket): visitor lateness =
 *   check-in − slot start (negative when early), office delay = first call −
 *   slot start.
 * - outcome: served (finished), no_show, cancelled (by the visitor),
 *   expired (still open when the office day ended), transferred, or open.
 * - channel: kiosk and api → walk_in, checkin → appointment, staff → staff.
 * - businessDate is the ticket's office day; hour and weekday are local to
 *   the office, of the moment the segment joined its queue.
 */

export interface FoldContext {
  timeZone: string;
  /** Check-in settings: an appointment becomes due this many minutes before its slot. */
  earlyGraceMinutes: number;
  /** The slot start of an appointment (`appointment.created`), null when the log does not know it. */
  slotStart(appointmentId: string): number | null;
}

/** A ticket's facts so far, and what the next events need that the facts do not show. */
export interface TicketFacts {
  segments: SegmentFact[];
  /** The last call or recall of the current segment (call-to-start is measured from it). */
  lastCallAt: number | null;
}

const MINUTE_MS = 60_000;

export const STATS_CHANNEL: Readonly<Record<TicketChannel, StatsChannel>> = {
  kiosk: 'walk_in',
  api: 'walk_in',
  checkin: 'appointment',
  staff: 'staff',
};

/** All segments of one ticket from all of its events. */
export function segmentFacts(events: readonly LoggedEvent[], ctx: FoldContext): SegmentFact[] {
  return foldTicket(null, events, ctx)?.segments ?? [];
}

/**
 * Continues a ticket's facts with its next events (`prev` null: from its
 * first event). Events of other tickets or of no ticket are ignored; so is
 * anything before the ticket's issue or check-in. Null while nothing is known.
 */
export function foldTicket(prev: TicketFacts | null, events: readonly LoggedEvent[], ctx: FoldContext): TicketFacts | null {
  let state: TicketFacts | null = prev ? { segments: prev.segments.map((s) => ({ ...s })), lastCallAt: prev.lastCallAt } : null;
  for (const e of events) {
    if (e.ticketId === null) continue;
    if (e.type === 'ticket.issued' || e.type === 'ticket.checked_in') {
      if (state) continue;
      state = { segments: [opened(e, ctx)], lastCallAt: null };
      continue;
    }
    if (!state || state.segments[0]?.ticketId !== e.ticketId) continue;
    const seg = state.segments[state.segments.length - 1] as SegmentFact;
    if (seg.outcome !== 'open') continue;
    switch (e.type) {
      case 'ticket.called':
        if (seg.firstCalledAt === null) {
          seg.firstCalledAt = e.at;
          seg.counterId = e.counterId;
          seg.waitMs = Math.max(0, e.at - seg.joinedAt);
          const slot = seg.appointmentId === null ? null : ctx.slotStart(seg.appointmentId);
          if (slot !== null && seg.segment === 0) seg.officeDelayMs = e.at - slot;
        }
        state.lastCallAt = e.at;
        break;
      case 'ticket.recalled':
        state.lastCallAt = e.at;
        break;
      case 'ticket.started':
        seg.startedAt = e.at;
        seg.callToStartMs = state.lastCallAt === null ? null : e.at - state.lastCallAt;
        break;
      case 'ticket.finished':
        end(seg, 'served', e.at);
        break;
      case 'ticket.no_show':
        end(seg, 'no_show', e.at);
        break;
      case 'ticket.cancelled':
        end(seg, 'cancelled', e.at);
        break;
      case 'ticket.expired':
        end(seg, 'expired', e.at);
        break;
      case 'ticket.transferred':
      case 'ticket.next_service': {
        // #17: "finish and next service" ends the segment served (its service time to now) and opens the next one.
        end(seg, e.type === 'ticket.next_service' ? 'served' : 'transferred', e.at);
        const local = localHour(e.at, ctx.timeZone);
        state.segments.push({
          ...blank(seg),
          segment: seg.segment + 1,
          serviceId: e.data.toServiceId,
          joinedAt: e.at,
          hour: local.hour,
          weekday: local.weekday,
        });
        state.lastCallAt = null;
        break;
      }
      default:
        break;
    }
  }
  return state;
}

function end(seg: SegmentFact, outcome: SegmentFact['outcome'], at: number): void {
  seg.outcome = outcome;
  seg.endedAt = at;
  const measured = outcome === 'served' || outcome === 'transferred';
  seg.serviceMs = measured && seg.startedAt !== null ? at - seg.startedAt : null;
}

type TicketFields = Pick<
  SegmentFact,
  'ticketId' | 'businessDate' | 'hour' | 'weekday' | 'number' | 'serviceId' | 'channel' | 'language' | 'priorityClass' | 'joinedAt'
>;

/** A segment's ticket fields, with nothing of its own measured yet. */
function blank(from: TicketFields): SegmentFact {
  return {
    ticketId: from.ticketId,
    segment: 0,
    businessDate: from.businessDate,
    hour: from.hour,
    weekday: from.weekday,
    number: from.number,
    serviceId: from.serviceId,
    channel: from.channel,
    language: from.language,
    priorityClass: from.priorityClass,
    joinedAt: from.joinedAt,
    firstCalledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: null,
    outcome: 'open',
    waitMs: null,
    serviceMs: null,
    callToStartMs: null,
    appointmentId: null,
    latenessMs: null,
    officeDelayMs: null,
  };
}

function opened(e: Extract<LoggedEvent, { type: 'ticket.issued' | 'ticket.checked_in' }>, ctx: FoldContext): SegmentFact {
  const appointmentId = e.type === 'ticket.checked_in' ? e.data.appointmentId : null;
  const slot = appointmentId === null ? null : ctx.slotStart(appointmentId);
  const joinedAt = slot === null ? e.at : Math.max(e.at, slot - ctx.earlyGraceMinutes * MINUTE_MS);
  const local = localHour(joinedAt, ctx.timeZone);
  return {
    ...blank({
      ticketId: e.ticketId as string,
      businessDate: e.data.businessDate,
      number: e.data.number,
      serviceId: e.serviceId ?? '',
      channel: STATS_CHANNEL[e.data.channel],
      language: e.data.language,
      priorityClass: e.data.priorityClass,
      joinedAt,
      hour: local.hour,
      weekday: local.weekday,
    }),
    appointmentId,
    latenessMs: slot === null ? null : e.at - slot,
  };
}
