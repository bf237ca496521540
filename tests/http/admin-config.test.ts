import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigDocumentSchema, ImportResultSchema, type ConfigDocument } from '../../common/config-schemas.js';
import { ErrorResponseSchema } from '../../common/dto-schemas.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { bodyOf, client, expectError, expectStatus, officeTime, SETUP_TIMEOUT_MS, type Client } from './support.js';

/**
 * #15: the configuration as one document. Exported from the demo office and
 * imported into an empty one (SEED=none), the new office answers
 * /api/services, /api/counters and /api/kiosks exactly as the original, and
 * decides opening hours the same at every instant of a table; a dry run
 * lists the changes and writes nothing.
 */

const MONDAY = '2026-06-08';
const INSTANTS = [
  [MONDAY, '07:30'],
  [MONDAY, '08:00'],
  [MONDAY, '12:45'],
  ['2026-06-10', '09:00'],
  ['2026-06-11', '15:59'],
  ['2026-06-12', '11:00'],
  ['2026-06-13', '10:00'],
  ['2026-06-14', '10:00'],
  ['2026-10-03', '10:00'],
] as const;

let original: TestServer;
let empty: TestServer;
let adminA: Client;
let adminB: Client;

beforeAll(async () => {
  [original, empty] = await Promise.all([
    startTestServer({}, officeTime(MONDAY, '07:00')),
    startTestServer({ seed: 'none' }, officeTime(MONDAY, '07:00')),
  ]);
  adminA = client(original, await original.login('admin'));
  adminB = client(empty, await empty.login('admin'));
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await Promise.all([original.close(), empty.close()]);
});

async function exported(c: Client): Promise<ConfigDocument> {
  const res = await c.get('/api/admin/config');
  expectStatus(res, 200);
  return bodyOf(ConfigDocumentSchema, res);
}

async function publicAnswers(server: TestServer, c: Client) {
  const out: unknown[] = [];
  for (const [date, hhmm] of INSTANTS) {
    server.clock.now = officeTime(date, hhmm);
    out.push({ at: `${date} ${hhmm}`, services: (await c.get('/api/services')).body, counters: (await c.get('/api/counters')).body });
  }
  // Back to the morning the admins signed in at: their sessions are still valid then.
  server.clock.now = officeTime(MONDAY, '07:00');
  return { kiosks: (await c.get('/api/kiosks')).body, byInstant: out };
}

describe('configuration export and import', () => {
  test('admins only', async () => {
    const anon = client(original, undefined, null);
    const staff = client(original, await original.login('jschulte'));
    expectError(await anon.get('/api/admin/config'), 401, 'UNAUTHENTICATED');
    expectError(await staff.get('/api/admin/config'), 403, 'FORBIDDEN');
    expectError(await staff.post('/api/admin/config?dryRun=1', await exported(adminA)), 403, 'FORBIDDEN');
  });

  test('the document holds no passwords, tokens or tickets', async () => {
    const doc = await exported(adminA);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/password|token|hash|scrypt/i);
    expect(doc.services.length).toBeGreaterThan(3);
    expect(doc.devices.find((d) => d.kind === 'kiosk')?.kiosk).toMatchObject({ printer: 'none' });
    expect(doc.users.map((u) => u.username)).toContain('jschulte');
  });

  test('a dry run lists what would change and writes nothing', async () => {
    const doc = await exported(adminA);
    const res = await adminB.post('/api/admin/config?dryRun=1', doc);
    expectStatus(res, 200);
    const preview = bodyOf(ImportResultSchema, res);
    expect(preview.dryRun).toBe(true);
    expect(preview.newUsers).toEqual([]);
    const created = (record: string) => preview.changes.filter((c) => c.record === record && c.action === 'created').map((c) => c.id).sort();
    expect(created('service')).toEqual(doc.services.map((s) => s.id).sort());
    expect(created('counter')).toEqual(doc.counters.map((c) => c.id).sort());
    expect(created('area')).toEqual(doc.areas.map((a) => a.id).sort());
    expect(preview.changes.find((c) => c.record === 'office')?.fields).toContain('name');
    expect((await adminB.get('/api/services')).body).toEqual([]);
  });

  test('imported into an empty office, it answers and decides opening hours exactly as the original', async () => {
    const doc = await exported(adminA);
    const res = await adminB.post('/api/admin/config', doc);
    expectStatus(res, 200);
    const result = bodyOf(ImportResultSchema, res);
    expect(result.dryRun).toBe(false);
    expect(result.newUsers.map((u) => u.username).sort()).toEqual(doc.users.map((u) => u.username).filter((u) => u !== 'admin').sort());
    expect(await publicAnswers(empty, client(empty, undefined, null))).toEqual(await publicAnswers(original, client(original, undefined, null)));
    // Exported again, the new office gives the same document (but for the time of export).
    const again = await exported(adminB);
    expect({ ...again, exportedAt: '' }).toEqual({ ...doc, exportedAt: '', users: again.users });
    // A second import of the same document changes nothing.
    const twice = bodyOf(ImportResultSchema, await adminB.post('/api/admin/config', doc));
    expect(twice.changes).toEqual([]);
  });

  test('#16: per-counter statistics travel with the document; one from before #16 switches them off', async () => {
    const office = (await adminA.get('/api/admin/office')).body as { version: number };
    expectStatus(await adminA.patch('/api/admin/office', { version: office.version, counterStatsEnabled: true }), 200);
    const doc = await exported(adminA);
    expect(doc.office.counterStatsEnabled).toBe(true);
    expectStatus(await adminB.post('/api/admin/config', doc), 200);
    expect((await adminB.get('/api/admin/office')).body).toMatchObject({ counterStatsEnabled: true });
    const { counterStatsEnabled: _absent, ...before16 } = doc.office;
    const result = bodyOf(ImportResultSchema, await adminB.post('/api/admin/config', { ...doc, office: before16 }));
    expect(result.changes).toEqual([expect.objectContaining({ record: 'office', fields: ['counterStatsEnabled'] })]);
    expect((await adminB.get('/api/admin/office')).body).toMatchObject({ counterStatsEnabled: false });
    const back = (await adminA.get('/api/admin/office')).body as { version: number };
    expectStatus(await adminA.patch('/api/admin/office', { version: back.version, counterStatsEnabled: false }), 200);
  });

  test('a document the admin API would refuse is refused whole, naming the place', async () => {
    const doc = await exported(adminA);
    const [first, second] = doc.services;
    if (!first || !second) throw new Error('the demo office has services');
    const clash = { ...doc, services: [first, { ...second, prefix: first.prefix }, ...doc.services.slice(2)] };
    const res = await adminB.post('/api/admin/config', clash);
    expectError(res, 409, 'PREFIX_TAKEN');
    expect(bodyOf(ErrorResponseSchema, { ...res, status: 409 }).error.field).toBe('services.0.prefix');
    const badHours = { ...doc, services: [{ ...first, hours: { '1': [{ from: '12:00', to: '08:00' }] } }, ...doc.services.slice(1)] };
    const hours = await adminB.post('/api/admin/config?dryRun=1', badHours);
    expectError(hours, 400, 'INVALID_INPUT');
    expect(bodyOf(ErrorResponseSchema, { ...hours, status: 400 }).error.field).toBe('services.0.hours.1.0.to');
  });
});
