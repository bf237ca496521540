import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { officeDays, SERVICES, writeOfficeDays, TZ } from '../bench/office-history.js';
import { seededRandom } from '../bench/stats.js';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import { Office } from '../server/app/office.js';
import { statsProjection } from '../server/app/stats/projection.js';
import { defaultOfficeSettings } from '../server/domain/settings.js';
it('probe', async () => {
const file = '/tmp/sx/year.sqlite';
if (!existsSync(file)) {
  const store = new SqliteStore(file);
  await store.shared((tx) => tx.putSite({ id: 'main', settings: defaultOfficeSettings(TZ) }));
  await store.transaction('main', async (tx) => {
    for (const [id, prefix] of SERVICES) await tx.catalog.putService({ id, prefix, names: { de: id }, icon: 'info', hours: {}, dailyLimit: null, defaultServiceMinutes: 10, priorityEnabled: true, active: true, sortOrder: 1 });
  });
  const days = officeDays(250);
  await writeOfficeDays(store, 'main', days, 600, seededRandom(16));
  const office = new Office({ store, siteId: 'main', now: () => Date.parse('2027-01-10T12:00:00Z'), publicUrl: '' });
  await statsProjection(office).rebuild();
  await store.close?.();
}
const db = new Database(file, { readonly: true });
const time = (name: string, sql: string, raw = true) => {
  const st = db.prepare(sql); if (raw) st.raw(true);
  const s: number[] = [];
  let n = 0;
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); n = (st.all('main', '2026-01-01', '2026-12-31') as unknown[]).length; s.push(performance.now() - t0); }
  s.sort((a, b) => a - b);
  console.log(name.padEnd(40), n, s[1]?.toFixed(0), 'ms');
};
const cols = 'ticket_id, segment, business_date, hour, weekday, number, service_id, channel, language, priority_class, joined_at, first_called_at, started_at, ended_at, counter_id, outcome, wait_ms, service_ms, call_to_start_ms, appointment_id, lateness_ms, office_delay_ms';
const w = 'site_id = ? AND business_date BETWEEN ? AND ?';
time('all cols ordered', `SELECT ${cols} FROM stats_segments WHERE ${w} ORDER BY business_date, joined_at, ticket_id, segment`);
time('all cols unordered', `SELECT ${cols} FROM stats_segments WHERE ${w}`);
time('summary cols unordered', `SELECT segment, business_date, hour, weekday, service_id, channel, language, counter_id, outcome, wait_ms, service_ms, lateness_ms, office_delay_ms FROM stats_segments WHERE ${w}`);
time('count', `SELECT count(*) FROM stats_segments WHERE ${w}`);
console.log(db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name='stats_segments'").all());

}, 600_000);
