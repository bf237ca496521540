import type { SessionUser } from '../../../common/dto.js';
import type { CsvDialect, StatsQuery, StatsSummary } from '../../../common/stats-schemas.js';
import { exportRows } from '../../domain/stats/export-rows.js';
import { summarize } from '../../domain/stats/summary.js';
import { summaryTable } from '../../domain/stats/summary-table.js';
import { recordExport } from '../audit.js';
import type { Office } from '../office.js';
import { toCsv } from './csv.js';
import { readStats } from './read.js';

/** #16 `GET /api/stats/summary`: the office's figures for a range, whole and grouped (use case `stats.read`). */
export async function statsSummary(office: Office, user: SessionUser, query: StatsQuery): Promise<StatsSummary> {
  // The summary reads only the fields it counts, as columns from the day packs: a year's segments in a fraction of the time.
  const data = await readStats(office, user, query, { feedback: true, segments: (s, f) => s.segmentColumns(f) });
  return summarize({ query, ...data });
}

/** #16 `GET /api/stats/summary.csv`: the summary flattened, the whole range first. */
export async function statsSummaryCsv(office: Office, user: SessionUser, query: StatsQuery, dialect: CsvDialect): Promise<string> {
  const table = summaryTable(await statsSummary(office, user, query));
  await recordExport(office, user, { kind: 'stats_summary', fromDate: query.from, toDate: query.to, rows: table.rows.length });
  return toCsv(table, dialect);
}

/** #16 `GET /api/stats/export.csv`: one row per ticket segment, nothing personal. */
export async function statsExportCsv(office: Office, user: SessionUser, query: StatsQuery, dialect: CsvDialect): Promise<string> {
  const data = await readStats(office, user, query, { feedback: false, segments: (s, f) => s.segments(f) });
  const table = exportRows(query, data.segments, data.timeZone, (id) => data.serviceNames.get(id) ?? id);
  // #17: the file is recorded (`data.exported`) before it leaves.
  await recordExport(office, user, { kind: 'stats_segments', fromDate: query.from, toDate: query.to, rows: table.rows.length });
  return toCsv(table, dialect);
}
