import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Counter, Device, Service } from '../../common/model.js';
import { raiseAlarm } from '../../server/app/alarms.js';
import { runCounterAction } from '../../server/app/counter-desk.js';
import { closeEndedDays } from '../../server/app/day-close.js';
import { feedbackGiven, giveFeedback } from '../../server/app/feedback.js';
import { findPublicKiosk } from '../../server/app/kiosks.js';
import { saveNotes } from '../../server/app/notes.js';
import { Office } from '../../server/app/office.js';
import { issueAgentToken } from '../../server/app/print-agents.js';
import { receiptFacts } from '../../server/app/receipts.js';
import { resolveSession, signIn } from '../../server/app/sessions.js';
import { hashPassword } from '../../server/auth/password.js';
import type { LoggedEvent } from '../../server/domain/events.js';
import { defaultOfficeSettings } from '../../server/domain/settings.js';
import { ALWAYS_OPEN_HOURS, DEFAULT_KIOSK_ID, DEMO_SERVICES } from '../../server/seed/demo-data.js';
import { seedIfEmpty } from '../../server/seed/seed.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { DEFAULT_SITE_ID, type UserRecord } from '../../server/store/store.js';
import { contentsOf } from './contract/fixtures.js';

/**
 * Two offices in one SQLite database, driven through the application layer:
 * the demo office in Berlin (the default site, seeded as on a first start)
 * and a branch in Istanbul, whose catalogue uses the demo's number prefixes
 * under ids of its own. A fake clock moves both.
 */

const BRANCH = 'istanbul';
const ADMIN_PASSWORD = 'admin-password';
const BRANCH_PASSWORD = 'branch-password';

/** 2026-06-10 10:00 in Berlin, 11:00 in Istanbul: the same office day at both. */
const MORNING = Date.UTC(2026, 5, 10, 8, 0);
/** 22:00 in Berlin, 23:00 in Istanbul: still 10 June at both. */
const EVENING = Date.UTC(2026, 5, 10, 20, 0);
/** 23:30 on 10 June in Berlin, 00:30 on 11 June in Istanbul. */
const ISTANBUL_PAST_MIDNIGHT = Date.UTC(2026, 5, 10, 21, 30);
/** 00:30 on 11 June in Berlin. */
const BERLIN_PAST_MIDNIGHT = Date.UTC(2026, 5, 10, 22, 30);

const branchServices: Service[] = DEMO_SERVICES.map(({ hoursProfile: _profile, ...s }) => ({ ...s, id: `ist-${s.id}`, hours: ALWAYS_OPEN_HOURS }));
const branchCounter: Counter = {
  id: 'ist-masa-1',
  name: 'Masa 1',
  area: 'ist-zemin',
  primaryServiceIds: ['ist-residence'],
  secondaryServiceIds: ['ist-permit-pickup'],
  open: false,
  userId: null,
  currentTicketId: null,
};
const branchKiosk: Device = { id: 'ist-kiosk', kind: 'kiosk', name: 'Kiosk Giriş', area: 'ist-zemin', settings: { printer: 'none' } };

/** The demo office seeded as on a first start, then the branch added: a site, its catalogue and its staff member. */
async function seedTwoSites(store: SqliteStore): Promise<void> {
  await seedIfEmpty(store, { timeZone: 'Europe/Berlin', seed: 'demo', demoHours: 'always', adminPassword: ADMIN_PASSWORD, printer: null });
  const branchStaff: UserRecord = {
    id: 'usr_ist',
    username: 'ist-staff',
    displayName: 'Elif Demir',
    role: 'staff',
    languages: ['tr', 'de'],
    passwordHash: await hashPassword(BRANCH_PASSWORD),
    active: true,
    mustChangePassword: false,
    version: 1,
    siteIds: [BRANCH],
  };
  await store.shared(async (p) => {
    await p.putSite({ id: BRANCH, settings: defaultOfficeSettings('Europe/Istanbul', 'Göç İdaresi Şubesi') });
    await p.putUser(branchStaff);
  });
  await store.transaction(BRANCH, async (tx) => {
    await tx.catalog.putArea({ id: 'ist-zemin', name: { tr: 'Zemin kat', de: 'Erdgeschoss' } });
    for (const s of branchServices) await tx.catalog.putService(s);
    await tx.catalog.putCounter(branchCounter);
    await tx.catalog.putDevice(branchKiosk);
  });
}

describe('two sites in one database', () => {
  let template: string;
  let dir: string;
  let store: SqliteStore;
  const clock = { now: MORNING };
  let berlin: Office;
  let istanbul: Office;

  // Seeding hashes ten passwords: done once, and each test starts from a copy of the file.
  beforeAll(async () => {
    template = mkdtempSync(join(tmpdir(), 'amtsqueue-two-sites-template-'));
    const seeded = new SqliteStore(join(template, 'db.sqlite'));
    await seedTwoSites(seeded);
    await seeded.close();
  });
  afterAll(() => rmSync(template, { recursive: true, force: true }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'amtsqueue-two-sites-'));
    copyFileSync(join(template, 'db.sqlite'), join(dir, 'db.sqlite'));
    store = new SqliteStore(join(dir, 'db.sqlite'));
    clock.now = MORNING;
    const now = () => clock.now;
    berlin = new Office({ store, siteId: DEFAULT_SITE_ID, now, publicUrl: 'https://berlin.example' });
    istanbul = new Office({ store, siteId: BRANCH, now, publicUrl: 'https://istanbul.example' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signInAdmin = async () => (await signIn(berlin, 'admin', ADMIN_PASSWORD)).user;
  const signInBranchStaff = async () => (await signIn(istanbul, 'ist-staff', BRANCH_PASSWORD)).user;
  const issue = (office: Office, serviceId: string) => office.issueTicket({ serviceId, language: 'tr' });
  const statusOf = (office: Office, ids: readonly string[]) =>
    store.read(office.siteId, (r) => Promise.all(ids.map(async (id) => (await r.tickets.get(id))?.status ?? null)));

  /** The error code a command fails with, or 'ok'. */
  const outcome = (run: () => Promise<unknown>): Promise<string> =>
    run().then(
      () => 'ok',
      (err: unknown) => (err instanceof AppError ? err.code : String(err)),
    );

  it('numbers tickets from 001 at each site, for the same prefix on the same day', async () => {
    const drawn: Array<[string, string, string]> = [];
    for (const [office, serviceId] of [
      [berlin, 'residence'],
      [istanbul, 'ist-residence'],
      [berlin, 'residence'],
      [istanbul, 'ist-residence'],
      [istanbul, 'ist-permit-pickup'],
      [berlin, 'permit-pickup'],
    ] as const) {
      const t = await issue(office, serviceId);
      drawn.push([office.siteId, t.number, t.serviceId]);
    }
    expect(drawn).toEqual([
      [DEFAULT_SITE_ID, 'A001', 'residence'],
      [BRANCH, 'A001', 'ist-residence'],
      [DEFAULT_SITE_ID, 'A002', 'residence'],
      [BRANCH, 'A002', 'ist-residence'],
      [BRANCH, 'P001', 'ist-permit-pickup'],
      [DEFAULT_SITE_ID, 'P001', 'permit-pickup'],
    ]);
    const issued = (office: Office) => store.read(office.siteId, (r) => r.tickets.issuedCounts('2026-06-10'));
    expect(await issued(berlin)).toEqual({ residence: 2, 'permit-pickup': 1 });
    expect(await issued(istanbul)).toEqual({ 'ist-residence': 2, 'ist-permit-pickup': 1 });
  });

  it('ends each site\'s day at its own midnight: closing an ended day expires only that site\'s tickets', async () => {
    const admin = await signInAdmin();
    const branchStaff = await signInBranchStaff();
    clock.now = EVENING;
    const berlinTickets = [await issue(berlin, 'residence'), await issue(berlin, 'residence')];
    const branchTickets = [await issue(istanbul, 'ist-residence'), await issue(istanbul, 'ist-residence')];
    expect([...berlinTickets, ...branchTickets].map((t) => t.number)).toEqual(['A001', 'A002', 'A001', 'A002']);
    await runCounterAction(berlin, 'open', { counterId: 'schalter-3' }, admin);
    await runCounterAction(berlin, 'call-next', { counterId: 'schalter-3' }, admin);
    await runCounterAction(istanbul, 'open', { counterId: branchCounter.id }, branchStaff);
    await runCounterAction(istanbul, 'call-next', { counterId: branchCounter.id }, branchStaff);
    const berlinIds = berlinTickets.map((t) => t.id);
    const branchIds = branchTickets.map((t) => t.id);

    clock.now = ISTANBUL_PAST_MIDNIGHT;
    expect(await closeEndedDays(berlin)).toBe(0);
    expect(await closeEndedDays(istanbul)).toBe(2);
    expect(await statusOf(istanbul, branchIds)).toEqual(['cancelled', 'cancelled']);
    expect(await statusOf(berlin, berlinIds)).toEqual(['called', 'waiting']);
    const holding = async (office: Office, counterId: string) =>
      (await store.read(office.siteId, (r) => r.catalog.counter(counterId)))?.currentTicketId ?? null;
    expect(await holding(istanbul, branchCounter.id)).toBeNull();
    expect(await holding(berlin, 'schalter-3')).toBe(berlinIds[0]);
    const expired = (office: Office) => store.read(office.siteId, async (r) => (await r.events.after(0, 1000, ['ticket.expired'])).map((e) => e.ticketId));
    expect(await expired(istanbul)).toEqual(branchIds);
    expect(await expired(berlin)).toEqual([]);

    // A new day in Istanbul only: its numbers start again, Berlin's go on.
    const branchNewDay = await issue(istanbul, 'ist-residence');
    const berlinSameDay = await issue(berlin, 'residence');
    expect([branchNewDay.number, berlinSameDay.number]).toEqual(['A001', 'A003']);
    expect(await outcome(() => berlin.publicTicket(berlinIds[1] ?? ''))).toBe('ok');
    expect(await outcome(() => istanbul.publicTicket(branchIds[1] ?? ''))).toBe('TICKET_EXPIRED');

    clock.now = BERLIN_PAST_MIDNIGHT;
    expect(await closeEndedDays(istanbul)).toBe(0);
    expect(await closeEndedDays(berlin)).toBe(3);
    expect(await statusOf(berlin, [...berlinIds, berlinSameDay.id])).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await statusOf(istanbul, [branchNewDay.id])).toEqual(['waiting']);
    expect(await holding(berlin, 'schalter-3')).toBeNull();
    expect((await issue(berlin, 'residence')).number).toBe('A001');
  });

  it('keeps each office\'s events in its own log: after, latest and what each office announces', async () => {
    const committed = new Map<string, LoggedEvent[]>([
      [DEFAULT_SITE_ID, []],
      [BRANCH, []],
    ]);
    for (const office of [berlin, istanbul]) office.events.on('committed', (es) => committed.get(office.siteId)?.push(...es));
    const admin = await signInAdmin();
    const branchStaff = await signInBranchStaff();

    await issue(berlin, 'residence');
    await issue(istanbul, 'ist-residence');
    await runCounterAction(istanbul, 'open', { counterId: branchCounter.id }, branchStaff);
    await runCounterAction(berlin, 'open', { counterId: 'schalter-3' }, admin);
    await runCounterAction(istanbul, 'call-next', { counterId: branchCounter.id }, branchStaff);
    await runCounterAction(berlin, 'call-next', { counterId: 'schalter-3' }, admin);
    await istanbul.createAppointment({ serviceId: 'ist-residence', startsAt: MORNING + 30 * 60_000 }, branchStaff);
    await raiseAlarm(berlin, 'schalter-3', admin);
    await runCounterAction(istanbul, 'start', { counterId: branchCounter.id }, branchStaff);

    const logOf = (office: Office) =>
      store.read(office.siteId, async (r) => ({
        after: await r.events.after(0, 1000),
        latest: await r.events.latest(['ticket.issued', 'ticket.called', 'counter.opened'], 100),
      }));
    const berlinLog = await logOf(berlin);
    const branchLog = await logOf(istanbul);
    expect(berlinLog.after).toEqual(committed.get(DEFAULT_SITE_ID));
    expect(branchLog.after).toEqual(committed.get(BRANCH));
    // #17: each sign-in is in the log of the office signed in to.
    expect(berlinLog.after.map((e) => e.type)).toEqual(['auth.signed_in', 'ticket.issued', 'counter.opened', 'ticket.called', 'counter.alarm_raised']);
    expect(branchLog.after.map((e) => e.type)).toEqual(['auth.signed_in', 'ticket.issued', 'counter.opened', 'ticket.called', 'appointment.created', 'ticket.started']);
    expect(berlinLog.latest).toEqual(berlinLog.after.filter((e) => ['ticket.issued', 'ticket.called', 'counter.opened'].includes(e.type)).reverse());
    expect(branchLog.latest).toEqual(branchLog.after.filter((e) => ['ticket.issued', 'ticket.called', 'counter.opened'].includes(e.type)).reverse());
    const berlinSeqs = new Set(berlinLog.after.map((e) => e.seq));
    expect(branchLog.after.filter((e) => berlinSeqs.has(e.seq))).toEqual([]);
  });

  it('fails a command of the main office that names a branch row as not found, and changes nothing at the branch', async () => {
    const admin = await signInAdmin();
    const branchStaff = await signInBranchStaff();
    const waiting = await issue(istanbul, 'ist-residence');
    const served = await issue(istanbul, 'ist-residence');
    await runCounterAction(istanbul, 'open', { counterId: branchCounter.id }, branchStaff);
    await runCounterAction(istanbul, 'call', { counterId: branchCounter.id, ticketId: served.id }, branchStaff);
    await runCounterAction(istanbul, 'start', { counterId: branchCounter.id }, branchStaff);
    await runCounterAction(istanbul, 'finish', { counterId: branchCounter.id }, branchStaff);
    const appt = await istanbul.createAppointment({ serviceId: 'ist-residence', startsAt: MORNING + 30 * 60_000 }, branchStaff);
    await issue(berlin, 'residence');
    await runCounterAction(berlin, 'open', { counterId: 'schalter-3' }, admin);
    await runCounterAction(berlin, 'call-next', { counterId: 'schalter-3' }, admin);
    await runCounterAction(berlin, 'open', { counterId: 'schalter-4' }, admin);

    const lookUps = { tickets: [waiting.id, served.id], appointments: [appt.id], codes: [appt.code], services: ['ist-residence'] };
    const before = await contentsOf(store, BRANCH, lookUps);
    const attempts: Record<string, () => Promise<unknown>> = {
      'issue a ticket of a branch service': () => issue(berlin, 'ist-residence'),
      'show a branch ticket': () => berlin.publicTicket(waiting.id),
      'cancel a branch ticket': () => berlin.cancelTicket(waiting.id),
      'print a branch ticket': () => receiptFacts(berlin, waiting.id),
      'note on a branch ticket': () => saveNotes(berlin, waiting.id, 'notiert', admin),
      'give feedback on a branch ticket': () => giveFeedback(berlin, served.id, { grade: 1 }),
      'ask about feedback on a branch ticket': () => feedbackGiven(berlin, served.id),
      'open a branch counter': () => runCounterAction(berlin, 'open', { counterId: branchCounter.id }, admin),
      'close a branch counter': () => runCounterAction(berlin, 'close', { counterId: branchCounter.id }, admin),
      'raise an alarm at a branch counter': () => raiseAlarm(berlin, branchCounter.id, admin),
      'call a branch ticket': () => runCounterAction(berlin, 'call', { counterId: 'schalter-4', ticketId: waiting.id }, admin),
      'transfer to a branch service': () => runCounterAction(berlin, 'transfer', { counterId: 'schalter-3', serviceId: 'ist-permit-pickup' }, admin),
      'transfer to a branch counter': () => runCounterAction(berlin, 'transfer', { counterId: 'schalter-3', targetCounterId: branchCounter.id }, admin),
      'book an appointment of a branch service': () => berlin.createAppointment({ serviceId: 'ist-residence', startsAt: MORNING + 60 * 60_000 }, admin),
      'check in a branch appointment': () => berlin.checkIn(appt.code, 'tr'),
      'find a branch kiosk': () => findPublicKiosk(berlin, branchKiosk.id),
      'enrol a branch kiosk\'s print agent': () => issueAgentToken(berlin, branchKiosk.id, admin),
    };
    const outcomes: Record<string, string> = {};
    for (const [name, attempt] of Object.entries(attempts)) outcomes[name] = await outcome(attempt);
    expect(outcomes).toEqual({
      'issue a ticket of a branch service': 'SERVICE_NOT_FOUND',
      'show a branch ticket': 'TICKET_NOT_FOUND',
      'cancel a branch ticket': 'TICKET_NOT_FOUND',
      'print a branch ticket': 'TICKET_NOT_FOUND',
      'note on a branch ticket': 'TICKET_NOT_FOUND',
      'give feedback on a branch ticket': 'TICKET_NOT_FOUND',
      'ask about feedback on a branch ticket': 'TICKET_NOT_FOUND',
      'open a branch counter': 'COUNTER_NOT_FOUND',
      'close a branch counter': 'COUNTER_NOT_FOUND',
      'raise an alarm at a branch counter': 'COUNTER_NOT_FOUND',
      'call a branch ticket': 'TICKET_NOT_FOUND',
      'transfer to a branch service': 'INVALID_TARGET',
      'transfer to a branch counter': 'INVALID_TARGET',
      'book an appointment of a branch service': 'SERVICE_NOT_FOUND',
      'check in a branch appointment': 'APPOINTMENT_NOT_FOUND',
      'find a branch kiosk': 'NOT_FOUND',
      'enrol a branch kiosk\'s print agent': 'NOT_FOUND',
    });
    expect(await contentsOf(store, BRANCH, lookUps)).toEqual(before);
    // …and the branch itself still can.
    expect(await outcome(() => istanbul.publicTicket(waiting.id))).toBe('ok');
    expect(await outcome(() => istanbul.checkIn(appt.code, 'tr'))).toBe('ok');
  });

  it('fails a command of the branch that names a main-office ticket or counter, and changes nothing at the main office', async () => {
    const admin = await signInAdmin();
    const branchStaff = await signInBranchStaff();
    const berlinTicket = await issue(berlin, 'residence');
    await runCounterAction(istanbul, 'open', { counterId: branchCounter.id }, branchStaff);
    const lookUps = { tickets: [berlinTicket.id], services: ['residence'] };
    const before = await contentsOf(store, DEFAULT_SITE_ID, lookUps);
    expect(
      await Promise.all([
        outcome(() => istanbul.publicTicket(berlinTicket.id)),
        outcome(() => istanbul.cancelTicket(berlinTicket.id)),
        outcome(() => issue(istanbul, 'residence')),
        outcome(() => runCounterAction(istanbul, 'open', { counterId: 'schalter-3' }, admin)),
        outcome(() => runCounterAction(istanbul, 'call', { counterId: branchCounter.id, ticketId: berlinTicket.id }, branchStaff)),
        outcome(() => findPublicKiosk(istanbul, DEFAULT_KIOSK_ID)),
      ]),
    ).toEqual(['TICKET_NOT_FOUND', 'TICKET_NOT_FOUND', 'SERVICE_NOT_FOUND', 'COUNTER_NOT_FOUND', 'TICKET_NOT_FOUND', 'NOT_FOUND']);
    expect(await contentsOf(store, DEFAULT_SITE_ID, lookUps)).toEqual(before);
  });

  it('signs a user in only at the sites they are assigned to', async () => {
    const session = async (office: Office, username: string, password: string): Promise<SessionUser | string> =>
      signIn(office, username, password).then(
        (s) => s.user,
        (err: unknown) => (err instanceof AppError ? err.code : String(err)),
      );
    expect(await session(berlin, 'ist-staff', BRANCH_PASSWORD)).toBe('INVALID_CREDENTIALS');
    expect(await session(istanbul, 'admin', ADMIN_PASSWORD)).toBe('INVALID_CREDENTIALS');
    expect(await session(istanbul, 'ist-staff', BRANCH_PASSWORD)).toMatchObject({ id: 'usr_ist', username: 'ist-staff' });
    expect(await session(berlin, 'admin', ADMIN_PASSWORD)).toMatchObject({ id: 'usr_admin' });

    // A session opened at the branch opens nothing at the main office.
    const { token } = await signIn(istanbul, 'ist-staff', BRANCH_PASSWORD);
    expect(await resolveSession(istanbul, token)).toMatchObject({ id: 'usr_ist' });
    expect(await resolveSession(berlin, token)).toBeNull();
  });
});
