import type { FactQuery, SegmentFigures } from '../../domain/stats/facts.js';
import type { SegmentColumnsBuilder } from '../../domain/stats/segment-columns.js';

/**
 * #16 (speed): a day pack, the figures the summary reads of one office day's
 * segments (`SegmentFigures`) in one row of `stats_day_packs` (migration 10).
 * Reading 150,000 fact rows through SQLite costs most of a second (every value
 * of every row is a call into the driver, the strings most); a year of packs is
 * ~250 rows whose figures are decoded from binary columns in a few ms.
 *
 * - `dict`: JSON array of the strings the day's segments name (service ids,
 *   channels, languages, counter ids, outcomes), each once; the figures refer
 *   to them by index.
 * - `figures`: little-endian binary, column after column:
 *   header Int32 format (1), Int32 n;
 *   8 Int32 columns of n values: segment, hour, weekday, service, channel,
 *   language, counter (−1: none), outcome (the last five indexes into `dict`);
 *   4 Float64 columns of n values: waitMs, serviceMs, latenessMs, officeDelayMs
 *   (NaN: null). Float64 rather than Int32 for durations: any ms value is exact
 *   and needs no range check.
 */

const FORMAT = 1;
const HEADER = 8;
const INT_COLUMNS = 8;
const MS_COLUMNS = 4;
const [SEGMENT, HOUR, WEEKDAY, SERVICE, CHANNEL, LANGUAGE, COUNTER, OUTCOME] = [0, 1, 2, 3, 4, 5, 6, 7] as const;
const [WAIT, SERVICE_MS, LATENESS, OFFICE_DELAY] = [0, 1, 2, 3] as const;

export interface DayPack {
  count: number;
  dict: string;
  figures: Uint8Array;
}

/** Packs one day's segment figures (their `businessDate` is the pack's, not stored per segment). */
export function packDay(segments: readonly SegmentFigures[]): DayPack {
  const n = segments.length;
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const bytes = new Uint8Array(HEADER + n * (INT_COLUMNS * 4 + MS_COLUMNS * 8));
  const view = new DataView(bytes.buffer);
  view.setInt32(0, FORMAT, true);
  view.setInt32(4, n, true);
  const msBase = HEADER + n * INT_COLUMNS * 4;
  const int = (column: number, i: number, v: number) => view.setInt32(HEADER + (column * n + i) * 4, v, true);
  const ms = (column: number, i: number, v: number | null) => view.setFloat64(msBase + (column * n + i) * 8, v ?? Number.NaN, true);
  segments.forEach((s, i) => {
    int(SEGMENT, i, s.segment);
    int(HOUR, i, s.hour);
    int(WEEKDAY, i, s.weekday);
    int(SERVICE, i, ref(s.serviceId));
    int(CHANNEL, i, ref(s.channel));
    int(LANGUAGE, i, ref(s.language));
    int(COUNTER, i, s.counterId === null ? -1 : ref(s.counterId));
    int(OUTCOME, i, ref(s.outcome));
    ms(WAIT, i, s.waitMs);
    ms(SERVICE_MS, i, s.serviceMs);
    ms(LATENESS, i, s.latenessMs);
    ms(OFFICE_DELAY, i, s.officeDelayMs);
  });
  return { count: n, dict: JSON.stringify(strings), figures: bytes };
}

/** The query's filters a pack applies itself (the date range is the read's). */
export type PackFilter = Pick<FactQuery, 'serviceId' | 'counterId' | 'language' | 'channel'>;

/** Appends the day's segment figures that pass the filters to the columns. */
export function unpackDay(businessDate: string, dictJson: string, figures: Uint8Array, filter: PackFilter, out: SegmentColumnsBuilder): void {
  const view = new DataView(figures.buffer, figures.byteOffset, figures.byteLength);
  if (figures.byteLength < HEADER || view.getInt32(0, true) !== FORMAT) throw new Error(`stats day pack ${businessDate}: unknown format`);
  const n = view.getInt32(4, true);
  if (figures.byteLength !== HEADER + n * (INT_COLUMNS * 4 + MS_COLUMNS * 8)) throw new Error(`stats day pack ${businessDate}: ${figures.byteLength} bytes for ${n} segments`);
  const dict = JSON.parse(dictJson) as string[];
  // A filter value the day never names: none of its segments pass. −2 never matches an index (−1 is "no counter").
  const want = (v: string | undefined): number | null => (v === undefined ? null : dict.indexOf(v) === -1 ? -2 : dict.indexOf(v));
  const service = want(filter.serviceId);
  const counter = want(filter.counterId);
  const language = want(filter.language);
  const channel = want(filter.channel);
  if (service === -2 || counter === -2 || language === -2 || channel === -2) return;
  const strings = dict.map((d) => out.intern(d));
  const date = out.intern(businessDate);
  out.reserve(n);
  const ints = (column: number) => HEADER + column * n * 4;
  const [segment, hour, weekday, serviceAt, channelAt, languageAt, counterAt, outcome] = [SEGMENT, HOUR, WEEKDAY, SERVICE, CHANNEL, LANGUAGE, COUNTER, OUTCOME].map(ints) as [
    number, number, number, number, number, number, number, number,
  ];
  const msBase = HEADER + n * INT_COLUMNS * 4;
  const [wait, serviceMs, lateness, officeDelay] = [WAIT, SERVICE_MS, LATENESS, OFFICE_DELAY].map((column) => msBase + column * n * 8) as [number, number, number, number];
  for (let i = 0; i < n; i++) {
    const i4 = i * 4;
    const s = view.getInt32(serviceAt + i4, true);
    const c = view.getInt32(counterAt + i4, true);
    const l = view.getInt32(languageAt + i4, true);
    const ch = view.getInt32(channelAt + i4, true);
    if ((service !== null && s !== service) || (counter !== null && c !== counter) || (language !== null && l !== language) || (channel !== null && ch !== channel)) {
      continue;
    }
    const j = out.length++;
    const i8 = i * 8;
    out.segment[j] = view.getInt32(segment + i4, true);
    out.businessDate[j] = date;
    out.hour[j] = view.getInt32(hour + i4, true);
    out.weekday[j] = view.getInt32(weekday + i4, true);
    out.serviceId[j] = strings[s]!;
    out.channel[j] = strings[ch]!;
    out.language[j] = strings[l]!;
    out.counterId[j] = c === -1 ? -1 : strings[c]!;
    out.outcome[j] = strings[view.getInt32(outcome + i4, true)]!;
    out.waitMs[j] = view.getFloat64(wait + i8, true);
    out.serviceMs[j] = view.getFloat64(serviceMs + i8, true);
    out.latenessMs[j] = view.getFloat64(lateness + i8, true);
    out.officeDelayMs[j] = view.getFloat64(officeDelay + i8, true);
  }
}
