import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackDayStats } from '../../common/dto.js';
import type { Appointment, Area, Counter, Device, Service, Ticket } from '../../common/model.js';
import { createApp, type App } from '../../server/app.js';
import { TEST_KIOSK_TOKEN, testConfig } from '../../server/config.js';
import type { LoggedEvent, LoggedEventOf } from '../../server/domain/events.js';
import type { OfficeSettings } from '../../server/domain/settings.js';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { DEFAULT_SITE_ID, type FeedbackRecord, type SessionRecord, type UserRecord } from '../../server/store/store.js';

/**
 * A database the wave-1 server (a9c8888, before the site seam) wrote during a
 * scripted office day, and what that server read back from it at the end of
 * the run: both made by tests/store/fixtures/make-wave1.md. Today's store must
 * open it (migration 4 moves it into the default site) and read back every
 * row as wave 1 did, and the app on it must answer as wave 1 answered.
 */
interface Manifest {
  fixture: { file: string; bytes: number; sha256: string };
  timeZone: string;
  businessDates: { earlier: string; today: string };
  /** The wave-1 clock when the run ended (Wednesday 10:00). */
  endedAt: number;
  passwords: Record<string, string>;
  /** The cookie tokens of the sessions still open at the end, by username. */
  sessionTokens: Record<string, string>;
  schemaMigrations: Array<{ version: number; name: string }>;
  counts: Record<string, number>;
  settings: OfficeSettings;
  areas: Area[];
  services: Service[];
  counters: Counter[];
  devices: Device[];
  users: Array<Omit<UserRecord, 'siteIds' | 'mustChangePassword' | 'version'>>;
  sessions: SessionRecord[];
  tickets: Ticket[];
  ticketSeqNos: Record<string, number>;
  numberSequences: Array<{ prefix: string; businessDate: string; last: number }>;
  openTicketIds: Record<string, string[]>;
  openTicketIdsBefore: string[];
  issuedCounts: Record<string, number>;
  appointments: Appointment[];
  /** As wave 1 read them back: with the ticket each answered, a link migration 5 drops. */
  feedback: Array<FeedbackRecord & { ticketId: string }>;
  feedbackStats: FeedbackDayStats[];
  events: LoggedEvent[];
  /** What the wave-1 HTTP API answered at `endedAt`. */
  api: {
    tickets: Record<string, { status: number; body: unknown }>;
    services: unknown;
    counters: unknown;
    me: Record<string, unknown>;
  };
}

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const FIXTURE_FILE = join(FIXTURES, 'wave1.sqlite');
const manifest = withVisitFields(JSON.parse(readFileSync(join(FIXTURES, 'wave1.manifest.json'), 'utf8')) as Manifest);

/**
 * #17: what a wave-1 database reads as today: its tickets and ticket views name no further services
 * (migration 11's default), and its issue and check-in events read with `nextServiceIds` [] (upgrade v1 → v3).
 */
function withVisitFields(m: Manifest): Manifest {
  const created = new Set(['ticket.issued', 'ticket.checked_in']);
  return {
    ...m,
    tickets: m.tickets.map((t) => ({ ...t, nextServiceIds: [] })),
    events: m.events.map((e) => (created.has(e.type) ? ({ ...e, data: { ...e.data, nextServiceIds: [] } } as typeof e) : e)),
    api: {
      ...m.api,
      tickets: Object.fromEntries(
        Object.entries(m.api.tickets).map(([id, r]) => [id, r.status === 200 ? { ...r, body: { ...(r.body as object), nextServiceIds: [] } } : r]),
      ),
    },
  };
}
const { earlier, today } = manifest.businessDates;

/** Tables whose rows belong to a site since migration 4. */
const SITE_TABLES = ['areas', 'services', 'counters', 'devices', 'tickets', 'number_sequences', 'appointments', 'feedback', 'events'];

const withoutRef = ({ ref: _ref, ...t }: Ticket): Ticket => t as Ticket;
const ticketsOf = (pred: (t: Ticket) => boolean) => manifest.tickets.filter(pred);
const byNumber = (date: string, number: string): Ticket => {
  const t = manifest.tickets.find((x) => x.businessDate === date && x.number === number);
  if (!t) throw new Error(`the fixture has no ticket ${number} on ${date}`);
  return t;
};
/** Migration 7 (#15) keeps every user as it was: no password change required, version 1. */
const withSite = (u: Manifest['users'][number]): UserRecord => ({ ...u, mustChangePassword: false, version: 1, siteIds: [DEFAULT_SITE_ID] });

describe('the wave-1 fixture', () => {
  it('is the file its manifest describes: schema 3, one file, and a day with every kind of row', () => {
    const bytes = readFileSync(FIXTURE_FILE);
    expect({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({
      bytes: manifest.fixture.bytes,
      sha256: manifest.fixture.sha256,
    });
    expect(existsSync(`${FIXTURE_FILE}-wal`) || existsSync(`${FIXTURE_FILE}-shm`)).toBe(false);
    const db = new Database(FIXTURE_FILE, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(manifest.schemaMigrations);
      expect(manifest.schemaMigrations.map((m) => m.version)).toEqual([1, 2, 3]);
      for (const [table, n] of Object.entries(manifest.counts)) {
        expect(db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get(), table).toEqual({ n });
      }
    } finally {
      db.close();
    }
    // What the migration must carry: without these the test would prove little.
    const statuses = new Set(manifest.tickets.map((t) => t.status));
    expect([...statuses].sort()).toEqual(['called', 'cancelled', 'done', 'no_show', 'serving', 'waiting']);
    expect(ticketsOf((t) => t.transferredFrom !== null)).toHaveLength(1);
    expect(ticketsOf((t) => t.channel === 'checkin' && t.appointmentId !== null)).toHaveLength(1);
    expect(ticketsOf((t) => t.priorityClass === 'priority').length).toBeGreaterThan(0);
    expect(ticketsOf((t) => t.notes !== '')).toHaveLength(1);
    expect(ticketsOf((t) => t.businessDate === earlier && t.status === 'waiting').length).toBeGreaterThan(0);
    expect(manifest.appointments.some((a) => a.status === 'booked')).toBe(true);
    expect(manifest.counters.filter((c) => c.open && c.currentTicketId !== null)).toHaveLength(2);
    expect(new Set(manifest.events.map((e) => e.type))).toEqual(
      new Set([
        'counter.opened',
        'counter.closed',
        'counter.alarm_raised',
        'counter.alarm_acknowledged',
        'appointment.created',
        'ticket.issued',
        'ticket.checked_in',
        'ticket.called',
        'ticket.recalled',
        'ticket.started',
        'ticket.finished',
        'ticket.noted',
        'ticket.transferred',
        'ticket.returned',
        'ticket.no_show',
        'ticket.cancelled',
      ]),
    );
    expect(manifest.feedback).toHaveLength(3);
    expect(Object.keys(manifest.sessionTokens).sort()).toEqual(['ayilmaz', 'jschulte', 'skrueger']);
  });
});

describe('a wave-1 database opened by today\'s store', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'amtsqueue-wave1-'));
    file = join(dir, 'office.sqlite');
    copyFileSync(FIXTURE_FILE, file);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('becomes the default site, its office settings the site\'s settings, its users assigned to it', async () => {
    store = new SqliteStore(file);
    const shared = await store.shared(async (p) => ({
      sites: await p.sites(),
      users: await p.users(),
      byName: await Promise.all(manifest.users.map((u) => p.userByUsername(u.username.toUpperCase()))),
      sessions: await Promise.all(manifest.sessions.map((s) => p.session(s.id))),
    }));
    expect(shared.sites).toEqual([{ id: DEFAULT_SITE_ID, settings: manifest.settings }]);
    expect(shared.users).toEqual(manifest.users.map(withSite));
    expect(shared.byName).toEqual(manifest.users.map(withSite));
    expect(shared.sessions).toEqual(manifest.sessions);

    const site = await store.read(DEFAULT_SITE_ID, async (r) => ({
      settings: await r.catalog.settings(),
      areas: await r.catalog.areas(),
      services: await r.catalog.services(),
      counters: await r.catalog.counters(),
      devices: await r.catalog.devices(),
      oneService: await Promise.all(manifest.services.map((s) => r.catalog.service(s.id))),
      oneCounter: await Promise.all(manifest.counters.map((c) => r.catalog.counter(c.id))),
      oneDevice: await Promise.all(manifest.devices.map((d) => r.catalog.device(d.id))),
      staff: await r.staff.users(),
      staffById: await Promise.all(manifest.users.map((u) => r.staff.user(u.id))),
    }));
    expect(site.settings).toEqual(manifest.settings);
    expect(site.areas).toEqual(manifest.areas);
    expect(site.services).toEqual(manifest.services);
    expect(site.counters).toEqual(manifest.counters);
    expect(site.devices).toEqual(manifest.devices);
    expect(site.oneService).toEqual(manifest.services);
    expect(site.oneCounter).toEqual(manifest.counters);
    expect(site.oneDevice).toEqual(manifest.devices);
    expect(site.staff).toEqual(manifest.users.map(withSite));
    expect(site.staffById).toEqual(manifest.users.map(withSite));
  });

  it('keeps every ticket with all its fields, and the day\'s queues, counts, appointments and feedback', async () => {
    store = new SqliteStore(file);
    const read = await store.read(DEFAULT_SITE_ID, async (r) => ({
      tickets: await Promise.all(manifest.tickets.map((t) => r.tickets.get(t.id))),
      openToday: (await r.tickets.open(today)).map((t) => t.id),
      openEarlier: (await r.tickets.open(earlier)).map((t) => t.id),
      openBefore: (await r.tickets.openBefore(today)).map((t) => t.id),
      issuedToday: await r.tickets.issuedCounts(today),
      durations: await Promise.all(manifest.services.map((s) => r.tickets.recentServiceDurations(s.id, 20))),
      appointments: await Promise.all(manifest.appointments.map((a) => r.appointments.get(a.id))),
      byCode: await Promise.all(manifest.appointments.map((a) => r.appointments.byCode(a.code))),
      feedback: [...(await r.feedback.day(earlier)), ...(await r.feedback.day(today))],
      answered: await Promise.all(manifest.tickets.map((t) => r.tickets.answered(t.id))),
      stats: await r.feedback.stats(earlier, today),
    }));
    // Migration 6 gives every ticket a staff reference; everything else is as wave 1 left it.
    expect(read.tickets.map((t) => t && withoutRef(t))).toEqual(manifest.tickets);
    const refs = read.tickets.map((t) => t?.ref ?? '');
    for (const ref of refs) expect(ref).toMatch(/^r[0-9a-f]{12}$/);
    expect(new Set(refs).size).toBe(manifest.tickets.length);
    const byRef = await store.read(DEFAULT_SITE_ID, (r) => Promise.all(refs.map((ref) => r.tickets.byRef(ref))));
    expect(byRef).toEqual(read.tickets);
    expect(read.openToday).toEqual(manifest.openTicketIds[today]);
    expect(read.openEarlier).toEqual(manifest.openTicketIds[earlier]);
    expect(read.openBefore).toEqual(manifest.openTicketIdsBefore);
    expect(read.issuedToday).toEqual(manifest.issuedCounts);
    // Newest first, from the log's ticket.finished events of each service.
    const finished = manifest.events.filter((e): e is LoggedEventOf<'ticket.finished'> => e.type === 'ticket.finished').reverse();
    expect(read.durations).toEqual(manifest.services.map((s) => finished.filter((e) => e.serviceId === s.id).map((e) => e.data.serviceMs)));
    expect(read.durations.flat().length).toBeGreaterThan(0);
    expect(read.appointments).toEqual(manifest.appointments);
    expect(read.byCode).toEqual(manifest.appointments);
    // Migration 5: every answer stays, without its ticket; the tickets that answered know it, and only they.
    const anonymous = manifest.feedback.map(({ ticketId: _ticketId, ...rest }) => rest);
    expect(read.feedback).toHaveLength(anonymous.length);
    expect(read.feedback).toEqual(expect.arrayContaining(anonymous));
    const answeredIds = new Set(manifest.feedback.map((f) => f.ticketId));
    expect(read.answered).toEqual(manifest.tickets.map((t) => answeredIds.has(t.id)));
    expect(read.answered.filter(Boolean)).toHaveLength(3);
    expect(read.stats).toEqual(manifest.feedbackStats);
    const feedbackColumns = (store.db.prepare('PRAGMA table_info(feedback)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(feedbackColumns).not.toContain('ticket_id');
    expect(JSON.stringify(store.db.prepare('SELECT * FROM feedback').all())).not.toMatch(new RegExp([...answeredIds].join('|')));

    // Below the seam: the numbers' sequence column and the site of every row.
    expect(Object.fromEntries(store.db.prepare('SELECT id, seq_no FROM tickets').raw().all() as Array<[string, number]>)).toEqual(
      manifest.ticketSeqNos,
    );
    expect(
      store.db.prepare('SELECT site_id AS siteId, prefix, business_date AS businessDate, last FROM number_sequences ORDER BY business_date, prefix').all(),
    ).toEqual(manifest.numberSequences.map((n) => ({ siteId: DEFAULT_SITE_ID, ...n })));
    for (const table of SITE_TABLES) {
      expect(store.db.prepare(`SELECT site_id AS siteId, COUNT(*) AS n FROM ${table} GROUP BY site_id`).all(), table).toEqual([
        { siteId: DEFAULT_SITE_ID, n: manifest.counts[table] },
      ]);
    }
  });

  it('keeps the event log: every seq, type, id and payload, read as today\'s types', async () => {
    store = new SqliteStore(file);
    const read = await store.read(DEFAULT_SITE_ID, async (r) => ({
      all: await r.events.after(0, 1_000_000),
      paged: [...(await r.events.after(0, 20)), ...(await r.events.after(20, 1_000_000))],
      calls: await r.events.after(0, 1_000_000, ['ticket.called', 'ticket.recalled']),
      alarms: await r.events.latest(['counter.alarm_raised', 'counter.alarm_acknowledged'], 100),
      alarmsToday: await r.events.latest(['counter.alarm_raised'], 100, manifest.endedAt - 30 * 60_000),
    }));
    expect(read.all).toEqual(manifest.events);
    expect(read.all.map((e) => e.seq)).toEqual(manifest.events.map((_, i) => i + 1));
    expect(read.paged).toEqual(manifest.events);
    expect(read.calls).toEqual(manifest.events.filter((e) => e.type === 'ticket.called' || e.type === 'ticket.recalled'));
    const alarms = manifest.events.filter((e) => e.type.startsWith('counter.alarm_')).reverse();
    expect(read.alarms).toEqual(alarms);
    expect(read.alarmsToday).toEqual(alarms.filter((e) => e.type === 'counter.alarm_raised' && e.at >= manifest.endedAt - 30 * 60_000));
    expect(read.alarmsToday).toHaveLength(1);
    // Still append-only after the migration rebuilt its neighbours.
    expect(() => store?.db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => store?.db.prepare("UPDATE events SET site_id = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
  });

  it('continues the numbering of every prefix and day where wave 1 stopped', async () => {
    store = new SqliteStore(file);
    const next = await store.transaction(DEFAULT_SITE_ID, async (tx) => {
      const out: Array<{ prefix: string; businessDate: string; last: number }> = [];
      for (const n of manifest.numberSequences) out.push({ ...n, last: await tx.tickets.nextNumber(n.prefix, n.businessDate) });
      return out;
    });
    expect(next).toEqual(manifest.numberSequences.map((n) => ({ ...n, last: n.last + 1 })));
    expect(next.find((n) => n.prefix === 'A' && n.businessDate === today)?.last).toBeGreaterThan(1);
    // A prefix wave 1 never used today starts at 1.
    const used = new Set(manifest.numberSequences.filter((n) => n.businessDate === today).map((n) => n.prefix));
    const unused = manifest.services.find((s) => !used.has(s.prefix));
    expect(unused).toBeDefined();
    expect(await store.transaction(DEFAULT_SITE_ID, (tx) => tx.tickets.nextNumber(unused?.prefix ?? '', today))).toBe(1);
  });

  it('a site created afterwards sees none of it, and takes nothing from it', async () => {
    store = new SqliteStore(file);
    await store.shared((p) => p.putSite({ id: 'nord', settings: { ...manifest.settings, name: 'Bürgeramt Nord' } }));
    const nord = await store.read('nord', async (r) => ({
      settings: await r.catalog.settings(),
      areas: await r.catalog.areas(),
      services: await r.catalog.services(),
      counters: await r.catalog.counters(),
      devices: await r.catalog.devices(),
      service: await r.catalog.service(manifest.services[0]?.id ?? ''),
      counter: await r.catalog.counter(manifest.counters[0]?.id ?? ''),
      tickets: (await Promise.all(manifest.tickets.map((t) => r.tickets.get(t.id)))).filter((t) => t !== null),
      open: [...(await r.tickets.open(today)), ...(await r.tickets.open(earlier)), ...(await r.tickets.openBefore(today))],
      issued: await r.tickets.issuedCounts(today),
      durations: (await Promise.all(manifest.services.map((s) => r.tickets.recentServiceDurations(s.id, 20)))).flat(),
      appointments: [
        ...(await Promise.all(manifest.appointments.map((a) => r.appointments.get(a.id)))),
        ...(await Promise.all(manifest.appointments.map((a) => r.appointments.byCode(a.code)))),
      ].filter((a) => a !== null),
      feedback: [...(await r.feedback.day(earlier)), ...(await r.feedback.day(today))],
      answered: (await Promise.all(manifest.tickets.map((t) => r.tickets.answered(t.id)))).filter(Boolean),
      stats: await r.feedback.stats(earlier, today),
      events: await r.events.after(0, 1_000_000),
      latest: await r.events.latest(['ticket.issued', 'counter.alarm_raised'], 100),
      staff: await r.staff.users(),
      staffById: (await Promise.all(manifest.users.map((u) => r.staff.user(u.id)))).filter((u) => u !== null),
    }));
    expect(nord).toEqual({
      settings: { ...manifest.settings, name: 'Bürgeramt Nord' },
      areas: [],
      services: [],
      counters: [],
      devices: [],
      service: null,
      counter: null,
      tickets: [],
      open: [],
      issued: {},
      durations: [],
      appointments: [],
      feedback: [],
      answered: [],
      stats: [],
      events: [],
      latest: [],
      staff: [],
      staffById: [],
    });
    // Its numbering starts afresh; the default site's goes on, untouched by it.
    const lastA = manifest.numberSequences.find((n) => n.prefix === 'A' && n.businessDate === today)?.last ?? 0;
    expect(await store.transaction('nord', (tx) => tx.tickets.nextNumber('A', today))).toBe(1);
    expect(await store.transaction(DEFAULT_SITE_ID, (tx) => tx.tickets.nextNumber('A', today))).toBe(lastA + 1);
    const main = await store.read(DEFAULT_SITE_ID, async (r) => ({ settings: await r.catalog.settings(), events: await r.events.after(0, 1_000_000) }));
    expect(main).toEqual({ settings: manifest.settings, events: manifest.events });
    expect(await store.shared((p) => p.users())).toEqual(manifest.users.map(withSite));
  });

  it('applies migration 4 once: opening the migrated file again changes nothing', async () => {
    store = new SqliteStore(file);
    const migrations = () => store?.db.prepare('SELECT version, name, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all();
    const firstOpen = migrations();
    expect(firstOpen).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name, appliedAt: expect.any(Number) as number })));
    const snapshot = async (s: SqliteStore) => ({
      tables: s.db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all(),
      userSites: s.db.prepare('SELECT user_id, site_id FROM user_sites ORDER BY user_id, site_id').all(),
      sites: await s.shared((p) => p.sites()),
      tickets: await s.read(DEFAULT_SITE_ID, (r) => Promise.all(manifest.tickets.map((t) => r.tickets.get(t.id)))),
      events: await s.read(DEFAULT_SITE_ID, (r) => r.events.after(0, 1_000_000)),
    });
    const before = await snapshot(store);
    expect(before.userSites).toHaveLength(manifest.users.length);
    await store.close();

    store = new SqliteStore(file);
    expect(migrations()).toEqual(firstOpen);
    expect(await snapshot(store)).toEqual(before);
  });
});

describe('the app on a migrated wave-1 database', () => {
  let dir: string;
  let app: App | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amtsqueue-wave1-app-'));
    const dbFile = join(dir, 'office.sqlite');
    copyFileSync(FIXTURE_FILE, dbFile);
    app = await createApp(testConfig({ dbFile, seed: 'demo', timeZone: manifest.timeZone }), { now: () => manifest.endedAt });
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const inject = (method: 'GET' | 'POST', url: string, o: { cookie?: string; json?: object } = {}) => {
    if (!app) throw new Error('no app');
    // Without a session, as the paired kiosk (#13: anonymous draws need a device token).
    const headers = o.cookie ? { cookie: o.cookie } : { authorization: `Device ${TEST_KIOSK_TOKEN}` };
    return app.fastify.inject({ method, url, headers, ...(o.json ? { payload: o.json } : {}) });
  };

  it('seeds nothing over it and answers the ticket API, services and counters as wave 1 did', async () => {
    // #13: a database from before enrolled kiosks gets its default kiosk enrolled once (KIOSK_TOKEN, here the test token).
    expect(app?.seed).toEqual({ seeded: false, generatedPasswords: [], warnings: [], kioskPairing: { kioskId: 'kiosk-eingang', token: TEST_KIOSK_TOKEN } });
    for (const t of manifest.tickets) {
      const res = await inject('GET', `/api/tickets/${t.id}`);
      expect({ status: res.statusCode, body: res.json<unknown>() }, `${t.businessDate} ${t.number}`).toEqual(manifest.api.tickets[t.id]);
    }
    const p002 = byNumber(today, 'P002');
    expect(manifest.api.tickets[p002.id]).toMatchObject({ status: 200, body: { number: 'P002', status: 'serving' } });
    expect((await inject('GET', '/api/services')).json()).toEqual(manifest.api.services);
    expect((await inject('GET', '/api/counters')).json()).toEqual(manifest.api.counters);
  });

  it('closes the earlier day it finds open, as wave 1 would have at its next start', async () => {
    const leftOpen = manifest.openTicketIdsBefore;
    expect(leftOpen.length).toBeGreaterThan(0);
    const read = await app?.office.store.read(DEFAULT_SITE_ID, async (r) => ({
      tickets: await Promise.all(leftOpen.map((id) => r.tickets.get(id))),
      openBefore: await r.tickets.openBefore(today),
      expired: await r.events.after(manifest.events.length, 100, ['ticket.expired']),
    }));
    expect(read?.tickets.map((t) => t?.status)).toEqual(leftOpen.map(() => 'cancelled'));
    expect(read?.openBefore).toEqual([]);
    expect(read?.expired.map((e) => e.ticketId).sort()).toEqual([...leftOpen].sort());
  });

  it('lets wave-1 staff log in with their passwords and keeps their open sessions working', async () => {
    for (const [username, token] of Object.entries(manifest.sessionTokens)) {
      const me = await inject('GET', '/api/auth/me', { cookie: `amtsqueue_session=${token}` });
      expect({ status: me.statusCode, body: me.json<unknown>() }, username).toEqual({ status: 200, body: { ...(manifest.api.me[username] as object), mustChangePassword: false } });
    }
    const login = await inject('POST', '/api/auth/login', { json: { username: 'ayilmaz', password: manifest.passwords.ayilmaz } });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'amtsqueue_session');
    expect(cookie).toBeDefined();
    const me = await inject('GET', '/api/auth/me', { cookie: `amtsqueue_session=${cookie?.value}` });
    expect(me.json()).toMatchObject({ username: 'ayilmaz', displayName: 'Ayşe Yılmaz' });
    const wrong = await inject('POST', '/api/auth/login', { json: { username: 'admin', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    const admin = await inject('POST', '/api/auth/login', { json: { username: 'admin', password: manifest.passwords.admin } });
    expect(admin.statusCode, admin.body).toBe(200);
  });

  it('carries on the day: the next number follows wave 1\'s last, and a counter finishes the ticket it was serving', async () => {
    const lastA = manifest.numberSequences.find((n) => n.prefix === 'A' && n.businessDate === today)?.last ?? 0;
    const issued = await inject('POST', '/api/tickets', { json: { serviceId: 'residence', language: 'de' } });
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json()).toMatchObject({ number: `A${String(lastA + 1).padStart(3, '0')}`, status: 'waiting' });

    const p002 = byNumber(today, 'P002');
    const finished = await inject('POST', `/api/counters/${p002.counterId}/finish`, {
      cookie: `amtsqueue_session=${manifest.sessionTokens.jschulte}`,
      json: {},
    });
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toMatchObject({ number: 'P002', status: 'done' });
    expect(finished.json<{ ref: string }>().ref).toMatch(/^r[0-9a-f]{12}$/);
    expect(finished.body).not.toContain(p002.id);
  });
});
