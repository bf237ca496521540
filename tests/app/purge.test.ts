import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../common/dto.js';
import type { RetentionKind } from '../../common/events.js';
import { actorUsers } from '../../server/app/actors.js';
import { purgeDue, runPurge } from '../../server/app/purge.js';
import { statsSummary } from '../../server/app/stats/summary.js';
import type { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { client, counterAction, expectStatus, issueTicket, officeTime, request, WEDNESDAY, type Client } from '../http/support.js';

/**
 * #17 data protection: with the test server's clock, each retention kind is removed exactly
 * when it is due (a moment before: kept; at the due instant: gone), the statistics of the
 * range stay equal, the log only grows by the purge's own events, and each `data.purged`
 * event's counts are what was removed (and what the dry run said).
 *
 * One visit on Wednesday 2026-06-10 (Europe/Berlin, default retention): notes (0 days), a
 * feedback comment (90 days), an appointment's contact data (30 days after its day), the
 * staff member's session (at expiry, 14 h after the 09:00 sign-in) and the actor key of
 * June 2026 (90 days after the month ends).
 */
const DUE: Array<[RetentionKind, number]> = [
  ['sessions', officeTime(WEDNESDAY, '23:00')],
  ['notes', officeTime('2026-06-11', '00:00')],
  ['appointment_contact', officeTime('2026-07-11', '00:00')],
  ['feedback_comments', officeTime('2026-09-09', '00:00')],
  ['actor_link', officeTime('2026-09-29', '00:00')],
];
const QUERY = { from: '2026-06-01', to: '2026-06-30' };

describe('the purge (fake clock)', () => {
  let server: TestServer;
  let staff: Client;
  let cookie: string;
  let ticketId: string;
  let admin: SessionUser;
  const db = () => (server.app.office.store as SqliteStore).db;
  const office = () => server.app.office;

  /** What the purge may touch, as stored. */
  const stored = () => ({
    notes: (db().prepare('SELECT notes FROM tickets WHERE id = ?').get(ticketId) as { notes: string }).notes,
    feedbackComments: (db().prepare('SELECT count(*) AS n FROM feedback WHERE comment IS NOT NULL').get() as { n: number }).n,
    contact: (db().prepare("SELECT contact FROM appointments WHERE id = 'apt_purge'").get() as { contact: string | null }).contact,
    sessions: (db().prepare('SELECT count(*) AS n FROM sessions').get() as { n: number }).n,
    actorKeys: (db().prepare('SELECT count(*) AS n FROM actor_keys').get() as { n: number }).n,
  });
  const logWithoutPurges = () => db().prepare("SELECT * FROM events WHERE type <> 'data.purged' ORDER BY seq").all();
  const facts = () => ({
    segments: db().prepare('SELECT * FROM stats_segments ORDER BY ticket_id, segment').all(),
    refusals: db().prepare('SELECT count(*) AS n FROM stats_refusals').get(),
  });

  beforeAll(async () => {
    server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
    cookie = await server.login('ayilmaz');
    staff = client(server, cookie);
    const anon = client(server);
    expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
    ticketId = (await issueTicket(anon, 'residence')).id;
    expectStatus(await counterAction(staff, 'schalter-3', 'call-next'), 200);
    server.clock.advance(2 * 60_000);
    expectStatus(await counterAction(staff, 'schalter-3', 'start'), 200);
    expectStatus(await request(server.url, 'PUT', `/api/tickets/${ticketId}/notes`, { json: { notes: 'Pass abgelaufen, Frau K. ruft zurück' }, cookie }), 200);
    server.clock.advance(8 * 60_000);
    expectStatus(await counterAction(staff, 'schalter-3', 'finish'), 200);
    expectStatus(await anon.post(`/api/tickets/${ticketId}/feedback`, { grade: 2, comment: 'Sehr freundlich' }), 201);
    await office().store.transaction(office().siteId, (tx) =>
      tx.appointments.put({
        id: 'apt_purge',
        code: 'PRG234',
        serviceId: 'residence',
        startsAt: officeTime(WEDNESDAY, '11:00'),
        language: 'de',
        status: 'booked',
        ticketId: null,
        createdAt: server.clock.now,
        contact: 'k.mueller@example.org',
      }),
    );
    const a = await office().store.shared((p) => p.userByUsername('admin'));
    if (!a) throw new Error('no admin');
    admin = { id: a.id, username: a.username, displayName: a.displayName, role: a.role, languages: a.languages, mustChangePassword: false };
  }, 60_000);
  afterAll(() => server.close());

  it('removes each kind exactly when due; statistics and the log stay; the event counts what went', async () => {
    const summaryBefore = await statsSummary(office(), admin, QUERY);
    expect(summaryBefore.total.counts.served).toBe(1);
    const factsBefore = facts();
    const logBefore = logWithoutPurges();
    expect(stored()).toEqual({ notes: 'Pass abgelaufen, Frau K. ruft zurück', feedbackComments: 1, contact: 'k.mueller@example.org', sessions: 1, actorKeys: 1 });
    const [actorKey] = (await office().store.read(office().siteId, (r) => r.events.after(0, 1000, ['ticket.called']))).map((e) => e.userId);
    expect(actorKey).toMatch(/^ak_/);

    const gone = new Set<RetentionKind>();
    for (const [kind, dueAt] of DUE) {
      // A moment before: nothing of this kind goes, and the dry run says so.
      server.clock.now = dueAt - 1;
      const dryBefore = await purgeDue(office());
      expect(dryBefore.counts[kind]).toBe(0);
      const before = await runPurge(office());
      expect(before.counts[kind]).toBe(0);
      expect(before.counts).toEqual(dryBefore.counts);
      expect(keptKinds(stored())).toEqual(allBut(gone));

      // At the due instant: it goes, and only it.
      server.clock.now = dueAt;
      const dry = await purgeDue(office());
      expect(dry.counts).toEqual({ ...zero(), [kind]: 1 });
      const at = await runPurge(office());
      expect(at.counts).toEqual({ ...zero(), [kind]: 1 });
      gone.add(kind);
      expect(keptKinds(stored())).toEqual(allBut(gone));
      const logged = await office().store.read(office().siteId, (r) => r.events.after((at.seq ?? 1) - 1, 1, ['data.purged']));
      expect(logged.map((e) => [e.seq, e.data.counts])).toEqual([[at.seq, at.counts]]);
    }

    // The key no longer leads to the person; the log still names the key as written.
    expect((await office().store.read(office().siteId, (r) => actorUsers(r, [actorKey ?? '']))).size).toBe(0);
    expect(logWithoutPurges()).toEqual(logBefore);
    expect(facts()).toEqual(factsBefore);
    expect(await statsSummary(office(), admin, QUERY)).toEqual(summaryBefore);
    // Every purge ran in its own units and wrote one event each (two per kind).
    expect(await office().store.read(office().siteId, async (r) => (await r.events.after(0, 1000, ['data.purged'])).length)).toBe(2 * DUE.length);
  });

  it('removes many items in small batches and counts them all', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `apt_batch_${i}`);
    await office().store.transaction(office().siteId, async (tx) => {
      for (const id of ids) {
        await tx.appointments.put({ id, code: `B${id.slice(-1)}ZZZZ`, serviceId: 'residence', startsAt: officeTime(WEDNESDAY, '12:00'), language: null, status: 'booked', ticketId: null, createdAt: 0, contact: '0171 000000' });
      }
    });
    const out = await runPurge(office(), { batch: 3 });
    expect(out.counts.appointment_contact).toBe(7);
    expect((db().prepare('SELECT count(*) AS n FROM appointments WHERE contact IS NOT NULL').get() as { n: number }).n).toBe(0);
  });
});

function zero(): Record<RetentionKind, number> {
  return { notes: 0, feedback_comments: 0, appointment_contact: 0, sessions: 0, actor_link: 0 };
}

function keptKinds(s: { notes: string; feedbackComments: number; contact: string | null; sessions: number; actorKeys: number }): RetentionKind[] {
  const kept: RetentionKind[] = [];
  if (s.notes !== '') kept.push('notes');
  if (s.feedbackComments > 0) kept.push('feedback_comments');
  if (s.contact !== null) kept.push('appointment_contact');
  if (s.sessions > 0) kept.push('sessions');
  if (s.actorKeys > 0) kept.push('actor_link');
  return kept;
}

function allBut(gone: Set<RetentionKind>): RetentionKind[] {
  return (['notes', 'feedback_comments', 'appointment_contact', 'sessions', 'actor_link'] as const).filter((k) => !gone.has(k));
}
