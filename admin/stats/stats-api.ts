import { http } from '../../common/client/http.js';
import type { StatsComments, StatsGroupBy, StatsQuery, StatsSummary } from '../../common/stats-schemas.js';

/** A query in the address: only the filters that are set. */
function statsQueryString(q: StatsQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.toString();
}

/** The statistics API (#16) as the admin app's pages use it. */
export const statsApi = {
  summary: (q: StatsQuery) => http<StatsSummary>('GET', `/api/stats/summary?${statsQueryString(q)}`),
  grouped: (q: StatsQuery, groupBy: StatsGroupBy) => statsApi.summary({ ...q, groupBy }),
  comments: (q: StatsQuery) => http<StatsComments>('GET', `/api/stats/comments?${statsQueryString({ from: q.from, to: q.to })}`),
  /** Download addresses: one row per ticket segment, or the grouped figures. */
  exportUrl: (q: StatsQuery) => `/api/stats/export.csv?${statsQueryString(q)}`,
  summaryCsvUrl: (q: StatsQuery, groupBy: StatsGroupBy) => `/api/stats/summary.csv?${statsQueryString({ ...q, groupBy })}`,
};
