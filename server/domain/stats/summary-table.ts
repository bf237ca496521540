import type { StatsGroup, StatsSummary } from '../../../common/stats-schemas.js';
import type { StatsTable } from './export-rows.js';

/**
 * #16: `GET /api/stats/summary.csv`, the summary flattened: the whole range
 * first (key `total`), then one row per group in the summary's order. Empty
 * cells where the summary has null (nothing measured; feedback by counter,
 * channel or hour); durations in minutes, within target a share 0…1.
 */
export const SUMMARY_HEADER = [
  'group_by',
  'key',
  'issued',
  'served',
  'no_show',
  'cancelled',
  'expired',
  'transferred',
  'refused',
  'refused_outside_hours',
  'refused_holiday',
  'refused_daily_limit',
  'refused_past_closing',
  'refused_inactive',
  ...['wait', 'service'].flatMap((d) => ['count', 'mean', 'median', 'p90', 'max'].map((f) => `${d}_${f}`)),
  'within_target',
  'feedback_count',
  'feedback_mean',
  ...[1, 2, 3, 4, 5, 6].map((g) => `grade_${g}`),
  'appointments_booked',
  'appointments_checked_in',
  'appointments_missed',
  'lateness_count',
  'lateness_mean',
  'lateness_p90',
  'office_delay_count',
  'office_delay_mean',
  'office_delay_p90',
];

function row(groupBy: string, g: StatsGroup): (string | number | null)[] {
  const c = g.counts;
  const d = (f: StatsGroup['wait']) => [f.count, f.mean, f.median, f.p90, f.max];
  const a = g.appointments;
  return [
    groupBy,
    g.key,
    c.issued,
    c.served,
    c.noShow,
    c.cancelled,
    c.expired,
    c.transferred,
    c.refused.total,
    c.refused.outside_hours,
    c.refused.holiday,
    c.refused.daily_limit,
    c.refused.past_closing,
    c.refused.inactive,
    ...d(g.wait),
    ...d(g.serviceTime),
    g.withinTarget,
    g.feedback?.count ?? null,
    g.feedback?.mean ?? null,
    ...(g.feedback?.grades ?? [null, null, null, null, null, null]),
    a.booked,
    a.checkedIn,
    a.missed,
    a.lateness.count,
    a.lateness.mean,
    a.lateness.p90,
    a.officeDelay.count,
    a.officeDelay.mean,
    a.officeDelay.p90,
  ];
}

export function summaryTable(s: StatsSummary): StatsTable {
  const groupBy = s.groupBy ?? '';
  return { header: SUMMARY_HEADER, rows: [row('', s.total), ...s.groups.map((g) => row(groupBy, g))] };
}
