import type { SessionUser } from '../../../common/dto.js';
import { AppError } from '../../../common/errors.js';
import type { StatsQuery } from '../../../common/stats-schemas.js';
import { counterStatsEnabled, waitTargetMinutes } from '../../domain/settings.js';
import type { AppointmentFact, FactQuery, RefusalFact, SegmentFigures } from '../../domain/stats/facts.js';
import type { KeyOrder } from '../../domain/stats/group-keys.js';
import type { FeedbackFact } from '../../domain/stats/summary.js';
import { addDays } from '../../domain/time.js';
import { allow } from '../access.js';
import type { Office } from '../office.js';
import type { StatsReader } from '../../store/store.js';
import { statsProjection } from './projection.js';

/** A statistics request spans at most this many days (a year and a bit: a monthly report beside last year's). */
export const STATS_MAX_DAYS = 400;

/** What a statistics answer is computed from, read in one consistent read of the site. */
export interface StatsData<S = SegmentFigures[]> {
  timeZone: string;
  waitTargetMinutes: number;
  order: KeyOrder;
  serviceNames: Map<string, string>;
  segments: S;
  refusals: RefusalFact[];
  appointments: AppointmentFact[];
  feedback: FeedbackFact[];
}

function isCalendarDate(s: string): boolean {
  try {
    return addDays(s, 0) === s;
  } catch {
    return false;
  }
}

/** The checks every statistics route makes before it reads: who asks, and whether the range is sensible. */
export function checkQuery(user: SessionUser, q: Pick<StatsQuery, 'from' | 'to'>): void {
  allow(user, 'stats.read');
  for (const field of ['from', 'to'] as const) {
    if (!isCalendarDate(q[field])) throw new AppError('INVALID_INPUT', `${field} must be a date (YYYY-MM-DD).`, { field });
  }
  if (q.from > q.to) throw new AppError('INVALID_INPUT', 'from must not be after to.', { field: 'from' });
  if (addDays(q.from, STATS_MAX_DAYS) <= q.to) throw new AppError('INVALID_INPUT', `Ask for at most ${STATS_MAX_DAYS} days at once.`, { field: 'to' });
}

/**
 * #16: reads the site's settings and the facts of the query's range in one
 * read. Per-counter figures (`counterId`, `groupBy=counter`) answer
 * COUNTER_STATS_OFF unless an admin switched them on (office setting
 * `counterStats`): a counter is usually one person's desk.
 */
export async function readStats<S>(
  office: Office,
  user: SessionUser,
  q: StatsQuery,
  what: { feedback: boolean; segments: (stats: StatsReader, facts: FactQuery) => Promise<S> },
): Promise<StatsData<S>> {
  checkQuery(user, q);
  const facts: FactQuery = {
    fromDate: q.from,
    toDate: q.to,
    ...(q.serviceId !== undefined ? { serviceId: q.serviceId } : {}),
    ...(q.counterId !== undefined ? { counterId: q.counterId } : {}),
    ...(q.language !== undefined ? { language: q.language } : {}),
    ...(q.channel !== undefined ? { channel: q.channel } : {}),
  };
  // The facts follow the log after commits; a read first takes in what was committed since (also by another process).
  await statsProjection(office).catchUp();
  return office.store.read(office.siteId, async (r) => {
    const settings = await r.catalog.settings();
    if ((q.counterId !== undefined || q.groupBy === 'counter') && !counterStatsEnabled(settings)) {
      throw new AppError('COUNTER_STATS_OFF', undefined, {
        field: q.counterId !== undefined ? 'counterId' : 'groupBy',
      });
    }
    const [services, counters, segments, refusals, appointments, feedback] = await Promise.all([
      r.catalog.services(),
      r.catalog.counters(),
      what.segments(r.stats, facts),
      r.stats.refusals(facts),
      r.stats.appointments(facts),
      what.feedback ? r.feedback.range(q.from, q.to) : Promise.resolve([]),
    ]);
    return {
      timeZone: settings.timeZone,
      waitTargetMinutes: waitTargetMinutes(settings),
      order: { services: services.map((s) => s.id), counters: counters.map((c) => c.id) },
      serviceNames: new Map(services.map((s) => [s.id, s.names.de ?? Object.values(s.names)[0] ?? s.id])),
      segments,
      refusals,
      appointments,
      // The summary needs a grade's service, day and language only: no counter, no comment.
      feedback: feedback.map((f) => ({ serviceId: f.serviceId, businessDate: f.businessDate, language: f.language, grade: f.grade })),
    };
  });
}
