import { localParts } from '../time.js';

/**
 * The local hour (0–23) and ISO weekday of an instant in the office's zone,
 * for statistics: a rebuild asks this for every segment of a year, and
 * Temporal costs tens of µs a call, so the answer is kept per quarter of an
 * hour UTC (every zone's offset changes only on such a boundary).
 */
const QUARTER_MS = 15 * 60_000;
const cache = new Map<string, { hour: number; weekday: number; date: string }>();

export function localHour(at: number, timeZone: string): { hour: number; weekday: number; date: string } {
  const quarter = Math.floor(at / QUARTER_MS);
  const key = `${timeZone}|${quarter}`;
  let hit = cache.get(key);
  if (!hit) {
    const p = localParts(quarter * QUARTER_MS, timeZone);
    hit = { hour: Math.floor(p.minuteOfDay / 60), weekday: p.weekday, date: p.date };
    if (cache.size > 50_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}
