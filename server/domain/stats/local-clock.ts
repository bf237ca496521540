import { Temporal } from 'temporal-polyfill';

/** A quarter of an hour: every zone's offsets change on such a boundary of UTC. */
const BUCKET_MS = 15 * 60_000;

/**
 * #16: local date and time of instants in one zone, fast enough for a year's
 * export (150,000 rows, several instants each): the zone's offset is looked up
 * once per quarter hour of UTC (Temporal costs tens of µs a call) and the rest
 * is arithmetic.
 */
export function localClock(timeZone: string): (at: number) => { date: string; time: string } {
  const offsets = new Map<number, number>();
  return (at) => {
    const bucket = Math.floor(at / BUCKET_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = Temporal.Instant.fromEpochMilliseconds(bucket * BUCKET_MS).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;
      offsets.set(bucket, offset);
    }
    const iso = new Date(at + offset).toISOString();
    return { date: iso.slice(0, 10), time: iso.slice(11, 19) };
  };
}
