import type { AppointmentFact, FactQuery, RefusalFact, SegmentFact, SegmentFigures } from '../domain/stats/facts.js';
import type { SegmentColumns } from '../domain/stats/segment-columns.js';
import type { TicketFacts } from '../domain/stats/segments.js';

/** #16: the statistics facts (server/domain/stats/facts.ts), kept by the stats projection. */
export interface StatsReader {
  segments(q: FactQuery): Promise<SegmentFact[]>;
  /** The same segments with only the fields the summary reads, in no particular order. */
  segmentFigures(q: FactQuery): Promise<SegmentFigures[]>;
  /** The same as `segmentFigures`, as columns (what the summary reads: no object per segment). */
  segmentColumns(q: FactQuery): Promise<SegmentColumns>;
  refusals(q: FactQuery): Promise<RefusalFact[]>;
  appointments(q: FactQuery): Promise<AppointmentFact[]>;
}

/**
 * #16: what the stats projection writes (server/app/stats/projection.ts). The
 * facts are derived from the event log and may be dropped and projected again.
 */
export interface StatsWriter extends StatsReader {
  /** The seq of the last event projected into the site's facts (0: none). */
  cursor(): Promise<number>;
  setCursor(seq: number): Promise<void>;
  /** The facts kept so far of these tickets (tickets without facts are left out). */
  ticketFacts(ticketIds: readonly string[]): Promise<Map<string, TicketFacts>>;
  /** Replaces all segments of each ticket (and the summary's pack of each day it touches: the same figures). */
  putTicketFacts(facts: readonly TicketFacts[]): Promise<void>;
  /**
   * Packs up to `maxDays` days whose summary pack is stale (an office upgraded
   * with facts but no packs yet; reads are right meanwhile, only slower); how many it packed.
   */
  packStale(maxDays: number): Promise<number>;
  /** A refusal, once per event (`seq`): writing the same seq again changes nothing. */
  putRefusal(seq: number, fact: RefusalFact): Promise<void>;
  appointmentFacts(appointmentIds: readonly string[]): Promise<Map<string, AppointmentFact>>;
  putAppointment(fact: AppointmentFact): Promise<void>;
  /** Appointments still `booked` on a day before `date` become `missed`; how many did. */
  markMissed(beforeDate: string): Promise<number>;
  /** Drops every fact of the site and sets the cursor to 0 (the rebuild). */
  clear(): Promise<void>;
  /** How many facts the site has. */
  counts(): Promise<{ segments: number; refusals: number; appointments: number }>;
}
