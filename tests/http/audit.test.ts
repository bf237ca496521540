import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuditPage, type AuditEntry } from '../../common/audit-schemas.js';
import { AdminServicesReplySchema } from '../../common/admin-schemas.js';
import type { EventType } from '../../common/events.js';
import { event } from '../../server/domain/events.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { staffRef } from '../helpers/staff-ref.js';
import { bodyOf, client, counterAction, expectError, expectStatus, issueTicket, MIN, officeTime, request, SETUP_TIMEOUT_MS, WEDNESDAY, type Client } from './support.js';

/**
 * #17 §3 audit trail: every staff and admin action the issue lists is one entry with the acting
 * staff member (`GET /api/admin/audit`), filterable by day range, user, kind and ticket number,
 * paged newest first, and exported as CSV (itself recorded). Admins only.
 */

let server: TestServer;
let anon: Client;
let admin: Client;
let staff: Client;
let adminCookie: string;
let staffCookie: string;

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  anon = client(server);
  adminCookie = await server.login('admin');
  admin = client(server, adminCookie);
  staffCookie = await server.login('ayilmaz');
  staff = client(server, staffCookie);
  expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
}, SETUP_TIMEOUT_MS);
afterAll(() => server.close());

async function page(query = ''): Promise<AuditPage> {
  const res = await admin.get(`/api/admin/audit${query ? `?${query}` : ''}`);
  expectStatus(res, 200);
  return bodyOf(AuditPage, res);
}
const newest = async () => (await page('limit=1')).entries[0]?.seq ?? 0;

/** Runs `act` and answers the entries it added to the trail, oldest first. */
async function added(act: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = await newest();
  server.clock.advance(1000);
  await act();
  return (await page()).entries.filter((e) => e.seq > before).reverse();
}

/** Exactly one entry of `type` among `entries`, by the staff member `username` (null: none). */
function one(entries: AuditEntry[], type: EventType, username: string | null): AuditEntry {
  const of = entries.filter((e) => e.type === type);
  expect(of, JSON.stringify(entries)).toHaveLength(1);
  const [e] = of as [AuditEntry];
  expect(e.actor?.username ?? null).toBe(username);
  expect(e.actorRemoved).toBe(false);
  return e;
}

const login = (username: string, password: string) =>
  request(server.url, 'POST', '/api/auth/login', { json: { username, password }, device: null, headers: { origin: server.url } });

describe('who may read it', () => {
  test.each(['/api/admin/audit', '/api/admin/audit.csv'])('%s: anonymous 401, staff 403', async (path) => {
    expectError(await client(server, undefined, null).get(path), 401, 'UNAUTHENTICATED');
    expectError(await anon.get(path), 401, 'UNAUTHENTICATED');
    expectError(await staff.get(path), 403, 'FORBIDDEN');
  });

  test('bad filters are 400 with the field', async () => {
    expectError(await admin.get('/api/admin/audit?from=2026-13-01'), 400, 'INVALID_INPUT');
    expectError(await admin.get('/api/admin/audit?from=2026-06-11&to=2026-06-10'), 400, 'INVALID_INPUT');
    expectError(await admin.get('/api/admin/audit?type=ticket.nonsense'), 400, 'INVALID_INPUT');
    expectError(await admin.get('/api/admin/audit?limit=0'), 400, 'INVALID_INPUT');
    expectError(await admin.get('/api/admin/audit?limit=201'), 400, 'INVALID_INPUT');
    expectError(await admin.get('/api/admin/audit?number=A%2001'), 400, 'INVALID_INPUT');
    expectError(await admin.get('/api/admin/audit.csv?dialect=excel97'), 400, 'INVALID_INPUT');
  });
});

describe('each action is one entry with the acting user', () => {
  test('sign-in, refused sign-ins (no username or password kept), sign-out', async () => {
    let cookie = '';
    const signedIn = await added(async () => {
      const res = await login('jschulte', server.passwords.jschulte ?? '');
      expectStatus(res, 200);
      cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    });
    one(signedIn, 'auth.signed_in', 'jschulte');

    const wrong = await added(async () => expectError(await login('jschulte', 'Falsch-Passwort-123'), 401, 'INVALID_CREDENTIALS'));
    expect(one(wrong, 'auth.sign_in_failed', 'jschulte').summary).toBe('reason=credentials');
    const unknown = await added(async () => expectError(await login('nobody-here', 'Falsch-Passwort-123'), 401, 'INVALID_CREDENTIALS'));
    const failed = one(unknown, 'auth.sign_in_failed', null);
    expect(JSON.stringify([...wrong, ...unknown])).not.toMatch(/nobody-here|Falsch-Passwort/);
    expect(failed.actorRemoved).toBe(false);

    const out = await added(async () => expectStatus(await client(server, cookie).post('/api/auth/logout', {}), 200));
    one(out, 'auth.signed_out', 'jschulte');
  });

  test('a configuration change, with before and after', async () => {
    const services = bodyOf(AdminServicesReplySchema, await admin.get('/api/admin/services')).services;
    const residence = services.find((s) => s.id === 'residence');
    if (!residence) throw new Error('no residence service');
    const entries = await added(async () =>
      expectStatus(await admin.patch('/api/admin/services/residence', { version: residence.version, defaultServiceMinutes: 17 }), 200),
    );
    const e = one(entries, 'config.changed', 'admin');
    expect(e.serviceId).toBe('residence');
    expect(e.summary).toBe(`service residence updated (v${residence.version + 1}): defaultServiceMinutes: ${residence.defaultServiceMinutes} → 17`);
  });

  test('a call, a note, a reprint and a transfer, with the ticket number', async () => {
    const t = await issueTicket(anon, 'residence');
    server.clock.advance(MIN);
    const called = one(await added(() => counterAction(staff, 'schalter-3', 'call-next')), 'ticket.called', 'ayilmaz');
    expect(called).toMatchObject({ ticketNumber: t.number, serviceId: 'residence', counterId: 'schalter-3' });
    expect(called.summary).toMatch(new RegExp(`^number=${t.number}, callCount=1, waited=\\d+s$`));

    const ref = await staffRef(server.app.office, t.id);
    const noted = one(
      await added(async () => expectStatus(await request(server.url, 'PUT', `/api/tickets/${ref}/notes`, { cookie: staffCookie, json: { notes: 'Herr Mustermann, Akte 4711' } }), 200)),
      'ticket.noted',
      'ayilmaz',
    );
    // The note's text never reaches the trail, only its length.
    expect(noted).toMatchObject({ ticketNumber: t.number, summary: 'length=26' });

    one(await added(async () => expectStatus(await staff.post(`/api/tickets/${ref}/reprint`, {}), 200)), 'ticket.reprinted', 'ayilmaz');

    const moved = one(
      await added(async () => expectStatus(await counterAction(staff, 'schalter-3', 'transfer', { serviceId: 'asylum' }), 200)),
      'ticket.transferred',
      'ayilmaz',
    );
    expect(moved.summary).toContain('toServiceId=asylum');
    expect(moved.ticketNumber).toBe(t.number);
  });

  test('a printer token', async () => {
    const entries = await added(async () => expectStatus(await admin.post('/api/printers/kiosk-eingang/agent-token', {}), 201));
    expect(one(entries, 'device.agent_token_issued', 'admin').summary).toMatch(/^kioskId=kiosk-eingang, replaced=(true|false)$/);
  });

  test.each([
    ['/api/stats/summary.csv', 'stats_summary'],
    ['/api/stats/export.csv', 'stats_segments'],
    ['/api/stats/comments', 'stats_comments'],
  ])('an export: %s', async (path, kind) => {
    const entries = await added(async () => expectStatus(await admin.get(`${path}?from=${WEDNESDAY}&to=${WEDNESDAY}`), 200));
    expect(one(entries, 'data.exported', 'admin').summary).toMatch(new RegExp(`^kind=${kind}, fromDate=${WEDNESDAY}, toDate=${WEDNESDAY}, rows=\\d+$`));
  });

  test('an export: the configuration document', async () => {
    const entries = await added(async () => expectStatus(await admin.get('/api/admin/config'), 200));
    expect(one(entries, 'data.exported', 'admin').summary).toMatch(/^kind=config, fromDate=–, toDate=–, rows=\d+$/);
  });

  test('reading the trail is no entry; a purge shows, and an actor whose link was removed says so', async () => {
    expect(await added(() => page())).toEqual([]);
    const purged = event('data.purged', server.clock.now, {
      data: { counts: { notes: 2, feedback_comments: 0, appointment_contact: 0, sessions: 1, actor_link: 1 } },
    });
    const unlinked = event('counter.closed', server.clock.now, { counterId: 'schalter-9', userId: 'a-key-whose-link-was-purged' });
    const entries = await added(() => server.app.office.command(() => Promise.resolve({ result: null, events: [purged, unlinked] })));
    expect(one(entries, 'data.purged', null).summary).toBe('counts={"notes":2,"feedback_comments":0,"appointment_contact":0,"sessions":1,"actor_link":1}');
    expect(entries.find((e) => e.type === 'counter.closed')).toMatchObject({ actor: null, actorRemoved: true });
  });
});

describe('filters, pages and the CSV', () => {
  test('by user, kind, ticket number and day range; pages newest first', async () => {
    const all = (await page()).entries;
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => b - a));

    const jschulte = await userId('jschulte');
    const byUser = (await page(`userId=${jschulte}`)).entries;
    expect(byUser.map((e) => e.type).sort()).toEqual(['auth.sign_in_failed', 'auth.signed_in', 'auth.signed_out']);

    const calls = (await page('type=ticket.called')).entries;
    expect(calls).toHaveLength(1);
    const number = calls[0]?.ticketNumber ?? '';
    const byNumber = (await page(`number=${number.toLowerCase()}`)).entries;
    expect(byNumber.map((e) => e.type).reverse()).toEqual(['ticket.called', 'ticket.noted', 'ticket.reprinted', 'ticket.transferred']);

    expect((await page(`from=${WEDNESDAY}&to=${WEDNESDAY}`)).entries).toEqual(all);
    expect((await page('from=2026-06-11')).entries).toEqual([]);
    expect((await page('to=2026-06-09')).entries).toEqual([]);

    const first = await page('limit=3');
    expect(first.entries).toEqual(all.slice(0, 3));
    const second = await page(`limit=3&before=${first.nextBefore}`);
    expect(second.entries).toEqual(all.slice(3, 6));
    const last = await page(`limit=200&before=${all[2]?.seq}`);
    expect(last).toEqual({ entries: all.slice(2 + 1), nextBefore: null });
  });

  test('the CSV has the same entries (German Excel by default), parses back, and its export is recorded', async () => {
    const all = (await page()).entries;
    const res = await fetch(`${server.url}/api/admin/audit.csv?from=${WEDNESDAY}&to=${WEDNESDAY}`, { headers: { cookie: adminCookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="protokoll-${WEDNESDAY}-${WEDNESDAY}.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes, { bom: true, delimiter: ';', columns: true });
    expect(rows.map((r) => Number(r.seq))).toEqual(all.map((e) => e.seq));
    const called = all.find((e) => e.type === 'ticket.called');
    expect(rows.find((r) => r.type === 'ticket.called')).toEqual({
      seq: String(called?.seq),
      date: WEDNESDAY,
      time: expect.stringMatching(/^09:\d\d:\d\d$/) as string,
      type: 'ticket.called',
      user: 'ayilmaz',
      name: 'Ayşe Yılmaz',
      ticket_number: called?.ticketNumber,
      service: 'residence',
      counter: 'schalter-3',
      summary: called?.summary,
    });
    expect(rows.find((r) => r.type === 'counter.closed' && r.counter === 'schalter-9')?.user).toBe('removed after retention');

    const exported = (await page('type=data.exported&limit=1')).entries[0];
    expect(exported).toMatchObject({ actor: { username: 'admin' }, summary: `kind=audit, fromDate=${WEDNESDAY}, toDate=${WEDNESDAY}, rows=${rows.length}` });

    const plain = await fetch(`${server.url}/api/admin/audit.csv?type=ticket.called&dialect=rfc4180`, { headers: { cookie: adminCookie } });
    const plainRows = parse<Record<string, string>>(await plain.text(), { columns: true });
    expect(plainRows.map((r) => r.type)).toEqual(['ticket.called']);
  });
});

async function userId(username: string): Promise<string> {
  const res = await admin.get('/api/admin/users');
  const users = (res.body as { users: { id: string; username: string }[] }).users;
  const u = users.find((x) => x.username === username);
  if (!u) throw new Error(`no user ${username}`);
  return u.id;
}
