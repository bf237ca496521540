import type { StatsGroup, StatsGroupBy } from '../../common/stats-schemas.js';

/**
 * #16: the scripted day's figures, computed by hand (tests/stats/scripted-day.ts
 * has the table). One line per group:
 * key, [issued, served, noShow, cancelled, expired, transferred, refused],
 * wait and service time [count, mean, median, p90, max] in minutes (p90 linear between
 * ranks: of 2, 4, 5, 10, 10, 20, 20, 30 it is rank 1 + 0.9 × 7 = 7.3 → 20 + 0.3 × 10 = 23),
 * within target, feedback [count, mean, grades 1…6] or null,
 * appointments [booked, checkedIn, missed, lateness mean, lateness p90, office delay mean, office delay p90].
 */
export type Line = [
  key: string,
  counts: [number, number, number, number, number, number, number],
  wait: (number | null)[],
  service: (number | null)[],
  within: number | null,
  feedback: [number, number | null, number[]] | null,
  appointments: (number | null)[],
];

const NONE = [0, null, null, null, null];
const NO_APPOINTMENTS = [0, 0, 0, null, null, null, null];
const NO_FEEDBACK: [number, null, number[]] = [0, null, [0, 0, 0, 0, 0, 0]];
const EMPTY = (key: string, feedback = true): Line => [key, [0, 0, 0, 0, 0, 0, 0], NONE, NONE, null, feedback ? NO_FEEDBACK : null, NO_APPOINTMENTS];

export const TOTAL: Line = [
  'total',
  [9, 6, 1, 1, 1, 1, 1],
  [8, 12.6, 10, 23, 30],
  [7, 10.9, 10, 17, 20],
  0.833,
  [4, 1.75, [2, 1, 1, 0, 0, 0]],
  [2, 1, 1, 7, 7, 12, 12],
];
const whole = (key: string): Line => [key, ...TOTAL.slice(1)] as Line;

const A: Line = ['A', [7, 3, 1, 1, 1, 1, 1], [5, 16.8, 20, 26, 30], [4, 7.8, 8, 9.7, 10], 0.667, [2, 2, [1, 0, 1, 0, 0, 0]], [1, 0, 1, null, null, null, null]];
const P: Line = ['P', [2, 3, 0, 0, 0, 0, 0], [3, 5.7, 5, 9, 10], [3, 15, 15, 19, 20], 1, [2, 1.5, [1, 1, 0, 0, 0, 0]], [1, 1, 0, 7, 7, 12, 12]];

export const GROUPS: Record<StatsGroupBy, Line[]> = {
  day: [EMPTY('2027-02-28'), whole('2027-03-01')],
  week: [EMPTY('2027-W08'), whole('2027-W09')],
  month: [EMPTY('2027-02'), whole('2027-03')],
  weekday: [whole('1'), EMPTY('7')],
  hour: [
    ['8', [3, 3, 0, 0, 0, 0, 0], [3, 10.7, 10, 18, 20], [3, 10, 10, 14, 15], 0.667, null, NO_APPOINTMENTS],
    ['9', [2, 2, 0, 0, 0, 1, 0], [3, 15, 10, 26, 30], [3, 13, 10, 18, 20], 1, null, [1, 1, 0, 7, 7, 12, 12]],
    ['10', [2, 0, 1, 1, 0, 0, 0], [1, 20, 20, 20, 20], NONE, null, null, [1, 0, 1, null, null, null, null]],
    ['11', [1, 1, 0, 0, 0, 0, 0], [1, 4, 4, 4, 4], [1, 7, 7, 7, 7], 1, null, NO_APPOINTMENTS],
    ['15', [1, 0, 0, 0, 1, 0, 0], NONE, NONE, null, null, NO_APPOINTMENTS],
    ['16', [0, 0, 0, 0, 0, 0, 1], NONE, NONE, null, null, NO_APPOINTMENTS],
  ],
  service: [A, P],
  counter: [
    ['c1', [5, 3, 1, 0, 0, 1, 0], [5, 16.8, 20, 26, 30], [4, 7.8, 8, 9.7, 10], 0.667, null, NO_APPOINTMENTS],
    ['c2', [2, 3, 0, 0, 0, 0, 0], [3, 5.7, 5, 9, 10], [3, 15, 15, 19, 20], 1, null, [0, 0, 0, 7, 7, 12, 12]],
  ],
  language: [
    ['de', [7, 5, 0, 1, 1, 1, 1], [6, 10.2, 7.5, 20, 30], [6, 11.8, 10, 17.5, 20], 1, [3, 1.33, [2, 1, 0, 0, 0, 0]], [1, 1, 0, 7, 7, 12, 12]],
    ['en', [2, 1, 1, 0, 0, 0, 0], [2, 20, 20, 20, 20], [1, 5, 5, 5, 5], 0, [1, 3, [0, 0, 1, 0, 0, 0]], [1, 0, 1, null, null, null, null]],
  ],
  channel: [
    ['walk_in', [7, 5, 1, 0, 1, 1, 1], [7, 13.7, 10, 24, 30], [6, 9.3, 9.5, 12.5, 15], 0.8, null, NO_APPOINTMENTS],
    ['appointment', [1, 1, 0, 0, 0, 0, 0], [1, 5, 5, 5, 5], [1, 20, 20, 20, 20], 1, null, [2, 1, 1, 7, 7, 12, 12]],
    ['staff', [1, 0, 0, 1, 0, 0, 0], NONE, NONE, null, null, NO_APPOINTMENTS],
  ],
};

/** A group as a Line, to compare with the hand-computed ones. */
export function lineOf(g: StatsGroup): Line {
  const d = (f: StatsGroup['wait']) => [f.count, f.mean, f.median, f.p90, f.max];
  const c = g.counts;
  const a = g.appointments;
  return [
    g.key,
    [c.issued, c.served, c.noShow, c.cancelled, c.expired, c.transferred, c.refused.total],
    d(g.wait),
    d(g.serviceTime),
    g.withinTarget,
    g.feedback && [g.feedback.count, g.feedback.mean, g.feedback.grades],
    [a.booked, a.checkedIn, a.missed, a.lateness.mean, a.lateness.p90, a.officeDelay.mean, a.officeDelay.p90],
  ];
}
