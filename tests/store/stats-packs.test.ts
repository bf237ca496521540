import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeDays, SERVICES, TZ, writeOfficeDays } from '../../bench/office-history.js';
import { seededRandom } from '../../bench/stats.js';
import { Office } from '../../server/app/office.js';
import { projectBatch, statsProjection } from '../../server/app/stats/projection.js';
import { defaultOfficeSettings } from '../../server/domain/settings.js';
import type { FactQuery, SegmentFact, SegmentFigures } from '../../server/domain/stats/facts.js';
import { addDays, instantAt } from '../../server/domain/time.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';

/**
 * #16 (speed): the summary reads day packs (migration 10), the fact rows stay
 * the source of truth. The packs must give exactly the figures of the rows:
 * after projections in batches of random sizes (a day's pack rewritten again
 * and again), after a rebuild, under every filter, and for an office upgraded
 * from migration 9 (its packs stale until the projection packs them).
 */

const SITE = 'main';
const DAYS = officeDays(3, '2026-03-02');
const NOW = instantAt(addDays(DAYS[DAYS.length - 1]!, 1), '12:00', TZ);
const RANGE: FactQuery = { fromDate: DAYS[0]!, toDate: DAYS[DAYS.length - 1]! };
const QUERIES: FactQuery[] = [
  RANGE,
  { ...RANGE, fromDate: DAYS[1]! },
  { ...RANGE, language: 'tr' },
  { ...RANGE, channel: 'appointment' },
  { ...RANGE, serviceId: 'residence', channel: 'walk_in' },
  { ...RANGE, counterId: 'schalter-1' },
  { ...RANGE, language: 'xx' },
];

const figuresOf = (f: SegmentFact): SegmentFigures => ({
  segment: f.segment,
  businessDate: f.businessDate,
  hour: f.hour,
  weekday: f.weekday,
  serviceId: f.serviceId,
  channel: f.channel,
  language: f.language,
  counterId: f.counterId,
  outcome: f.outcome,
  waitMs: f.waitMs,
  serviceMs: f.serviceMs,
  latenessMs: f.latenessMs,
  officeDelayMs: f.officeDelayMs,
});
/** Figures in a fixed order (the pack read promises no order). */
const sorted = (list: SegmentFigures[]) => list.map((f) => JSON.stringify(f)).sort();

let dir: string;
let store: SqliteStore;
let office: Office;

function open(): void {
  store = new SqliteStore(join(dir, 'stats.sqlite'));
  office = new Office({ store, siteId: SITE, now: () => NOW, publicUrl: '' });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amtsqueue-packs-'));
  open();
  await store.shared((tx) => tx.putSite({ id: SITE, settings: defaultOfficeSettings(TZ) }));
  await store.transaction(SITE, async (tx) => {
    for (const [id, prefix] of SERVICES) {
      await tx.catalog.putService({ id, prefix, names: { de: id }, icon: 'info', hours: {}, dailyLimit: null, defaultServiceMinutes: 10, priorityEnabled: true, active: true, sortOrder: 1 });
    }
  });
  await writeOfficeDays(store, SITE, DAYS, 80, seededRandom(1617));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** For every query: the packs' figures equal the rows'. How many segments the whole range has. */
async function expectPacksEqualRows(): Promise<number> {
  return store.read(SITE, async (r) => {
    for (const q of QUERIES) {
      const rows = (await r.stats.segments(q)).map(figuresOf);
      expect(sorted(await r.stats.segmentFigures(q)), JSON.stringify(q)).toEqual(sorted(rows));
    }
    return (await r.stats.segments(RANGE)).length;
  });
}

const packRows = () =>
  store.db.prepare('SELECT business_date AS date, count, figures IS NULL AS stale FROM stats_day_packs WHERE site_id = ? ORDER BY business_date').all(SITE) as Array<{
    date: string;
    count: number;
    stale: number;
  }>;

describe('statistics day packs', () => {
  it('give the rows’ figures after projections in random batches, and after a rebuild', async () => {
    const rng = seededRandom(99);
    let checks = 0;
    for (;;) {
      const limit = 1 + Math.floor(rng() * 120);
      const n = await store.transaction(SITE, (tx) => projectBatch(tx, NOW, limit));
      // Now and then mid-way (open segments, a day half projected): the same figures.
      if (rng() < 0.25) {
        await expectPacksEqualRows();
        checks++;
      }
      if (n < limit) break;
    }
    expect(checks).toBeGreaterThan(2);
    const segments = await expectPacksEqualRows();
    expect(segments).toBeGreaterThan(200);
    expect(packRows()).toEqual(DAYS.map((date) => ({ date, count: expect.any(Number) as number, stale: 0 })));
    expect(packRows().reduce((n, p) => n + p.count, 0)).toBe(segments);

    const kept = await store.read(SITE, (r) => r.stats.segmentFigures(RANGE));
    await statsProjection(office).rebuild();
    expect(await expectPacksEqualRows()).toBe(segments);
    expect(sorted(await store.read(SITE, (r) => r.stats.segmentFigures(RANGE)))).toEqual(sorted(kept));

    await store.transaction(SITE, (tx) => tx.stats.clear());
    expect(packRows()).toEqual([]);
    expect(await store.read(SITE, (r) => r.stats.segmentFigures(RANGE))).toEqual([]);
  });

  it('an office upgraded from migration 9 reads the rows until the projection has packed its days', async () => {
    await statsProjection(office).catchUp();
    const segments = await expectPacksEqualRows();
    // The database as migration 9 left it: facts, no packs.
    store.db.exec("DROP TABLE stats_day_packs; DELETE FROM schema_migrations WHERE version = 10");
    await store.close();
    open();
    expect(packRows().map((p) => [p.date, p.stale])).toEqual(DAYS.map((date) => [date, 1]));
    expect(await expectPacksEqualRows()).toBe(segments);

    await statsProjection(office).catchUp();
    expect(packRows().map((p) => [p.date, p.stale])).toEqual(DAYS.map((date) => [date, 0]));
    expect(await expectPacksEqualRows()).toBe(segments);
  });
});
