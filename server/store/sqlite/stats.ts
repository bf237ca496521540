import type { AppointmentFact, FactQuery, RefusalFact, SegmentFact } from '../../domain/stats/facts.js';
import type { StatsReader } from '../store.js';
import type { Statements } from './statements.js';

/**
 * #16: the statistics facts of one site. Placeholder of the groundwork commit:
 * the stats projection (migration 9) gives these their tables.
 */
export class SqliteStats implements StatsReader {
  constructor(
    readonly sql: Statements,
    readonly siteId: string,
  ) {}

  async segments(_q: FactQuery): Promise<SegmentFact[]> {
    return [];
  }
  async refusals(_q: FactQuery): Promise<RefusalFact[]> {
    return [];
  }
  async appointments(_q: FactQuery): Promise<AppointmentFact[]> {
    return [];
  }
}
