import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BookedAppointmentSchema, IssuedTicketSchema } from '../../common/dto-schemas.js';
import { closeEndedDays } from '../../server/app/day-close.js';
import { statsProjection } from '../../server/app/stats/projection.js';
import type { FactQuery } from '../../server/domain/stats/facts.js';
import { rebuildStats } from '../../server/stats-rebuild.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { bodyOf, client, counterAction, expectStatus, issueTicket, officeTime, WEDNESDAY, type Client } from '../http/support.js';

/**
 * #16: the facts kept incrementally (after every command, in batches of a few
 * events) are the facts a rebuild projects from the whole log, for a day driven
 * through the real commands with a fake clock.
 */

const YEAR: FactQuery = { fromDate: '2026-01-01', toDate: '2026-12-31' };

let server: TestServer;
let anon: Client;
let s3: Client;
let s2: Client;

beforeAll(async () => {
  server = await startTestServer({ demoHours: 'weekly' }, officeTime(WEDNESDAY, '08:00'));
  anon = client(server);
  s3 = client(server, await server.login('ayilmaz'));
  s2 = client(server, await server.login('jschulte'));
});
afterAll(() => server.close());

const at = (hhmm: string) => {
  server.clock.now = officeTime(WEDNESDAY, hhmm);
};
const projection = () => statsProjection(server.app.office);
const facts = () =>
  server.app.office.store.read(server.app.office.siteId, async (r) => ({
    segments: await r.stats.segments(YEAR),
    refusals: await r.stats.refusals(YEAR),
    appointments: await r.stats.appointments(YEAR),
  }));

/** A command, then the projection catches up at once (many tiny batches over the day). */
async function step<T>(hhmm: string, run: () => Promise<T>): Promise<T> {
  at(hhmm);
  const out = await run();
  await projection().catchUp();
  return out;
}
async function ok(res: Promise<{ status: number; text: string }>, status = 200) {
  const r = await res;
  expect(r.status, r.text.slice(0, 300)).toBe(status);
  return r;
}
async function book(hhmm: string) {
  const res = await s3.post('/api/appointments', { serviceId: 'residence', startsAt: new Date(officeTime(WEDNESDAY, hhmm)).toISOString() });
  expectStatus(res, 201);
  return bodyOf(BookedAppointmentSchema, res);
}
async function checkIn(code: string) {
  const res = await anon.post('/api/checkin', { code, language: 'en' });
  expectStatus(res, 201);
  return bodyOf(IssuedTicketSchema, res);
}
const act = (c: Client, counter: string, action: Parameters<typeof counterAction>[2], body?: unknown) => ok(counterAction(c, counter, action, body));

describe('stats projection', () => {
  it('keeps the facts of a scripted day as the rebuild projects them from the log', async () => {
    await step('08:00', () => act(s3, 'schalter-3', 'open'));
    await step('08:00', () => act(s2, 'schalter-2', 'open'));
    const late = await step('08:00', () => book('09:00'));
    const early = await step('08:00', () => book('10:00'));
    await step('08:00', () => book('11:00')); // nobody comes: missed once the day is over

    await step('08:01', () => issueTicket(anon, 'residence', { language: 'de' }));
    await step('08:02', () => issueTicket(anon, 'residence', { language: 'tr', priority: true }));
    await step('08:05', () => act(s3, 'schalter-3', 'call-next'));
    await step('08:06', () => act(s3, 'schalter-3', 'start'));
    await step('08:15', () => act(s3, 'schalter-3', 'finish'));
    await step('08:16', () => act(s3, 'schalter-3', 'call-next'));
    await step('08:17', () => act(s3, 'schalter-3', 'start'));
    await step('08:20', () => act(s3, 'schalter-3', 'transfer', { serviceId: 'permit-pickup', keepPlace: false }));
    await step('08:21', () => act(s2, 'schalter-2', 'call-next'));
    await step('08:23', () => act(s2, 'schalter-2', 'recall'));
    await step('08:24', () => act(s2, 'schalter-2', 'start'));
    await step('08:30', () => act(s2, 'schalter-2', 'finish'));

    await step('08:40', () => issueTicket(anon, 'residence', { language: 'ar' }));
    const leaving = await step('08:41', () => issueTicket(anon, 'residence', { language: 'fa' }));
    await step('08:45', () => act(s3, 'schalter-3', 'call-next'));
    await step('08:50', () => act(s3, 'schalter-3', 'no-show'));
    await step('08:52', () => ok(anon.del(`/api/tickets/${leaving.id}`)));

    await step('09:20', () => checkIn(late.code)); // 20 minutes late: a walk-in
    await step('09:40', () => checkIn(early.code)); // due at 09:55
    await step('09:41', () => act(s3, 'schalter-3', 'call-next'));
    await step('09:42', () => act(s3, 'schalter-3', 'start'));
    await step('09:50', () => act(s3, 'schalter-3', 'finish'));
    await step('09:56', () => act(s3, 'schalter-3', 'call-next'));
    await step('09:57', () => act(s3, 'schalter-3', 'start'));
    await step('10:05', () => act(s3, 'schalter-3', 'finish'));

    await step('10:10', () => issueTicket(anon, 'residence', { language: 'de' }));
    await step('10:12', () => act(s3, 'schalter-3', 'call-next'));
    await step('10:13', () => act(s3, 'schalter-3', 'start'));
    await step('10:15', () => act(s3, 'schalter-3', 'transfer', { serviceId: 'permit-pickup', keepPlace: true }));
    await step('10:20', () => act(s2, 'schalter-2', 'call-next'));
    await step('10:21', () => act(s2, 'schalter-2', 'start'));
    await step('10:30', () => act(s2, 'schalter-2', 'finish'));

    // Left open: the day close expires it after midnight, and the unused appointment is missed.
    at('15:50');
    await issueTicket(anon, 'residence', { language: 'uk' });
    at('16:30'); // after closing: refused, and counted
    expect((await anon.post('/api/tickets', { serviceId: 'residence', language: 'ar' })).status).toBe(409);
    // Followed after the commit without anyone asking: the facts reach the log's end on their own.
    const lastSeq = await server.app.office.store.read(server.app.office.siteId, (r) => r.events.lastSeq());
    await vi.waitFor(
      async () => {
        const cursor = await server.app.office.store.transaction(server.app.office.siteId, (tx) => tx.stats.cursor());
        expect(cursor).toBe(lastSeq);
      },
      { timeout: 5000, interval: 50 },
    );
    server.clock.now = officeTime('2026-06-11', '02:00');
    expect(await closeEndedDays(server.app.office)).toBe(1);
    await projection().catchUp();

    const kept = await facts();
    const outcomes = kept.segments.map((s) => s.outcome).sort();
    expect(outcomes).toEqual(['cancelled', 'expired', 'no_show', 'served', 'served', 'served', 'served', 'served', 'transferred', 'transferred']);
    expect(kept.appointments.map((a) => a.status)).toEqual(['checked_in', 'checked_in', 'missed']);
    expect(kept.refusals).toMatchObject([{ serviceId: 'residence', reason: 'outside_hours', channel: 'walk_in', language: 'ar', hour: 16 }]);
    const appointmentSegments = kept.segments.filter((s) => s.channel === 'appointment');
    expect(appointmentSegments.map((s) => [s.latenessMs, s.joinedAt]).sort()).toEqual(
      [
        [20 * 60_000, officeTime(WEDNESDAY, '09:20')],
        [-20 * 60_000, officeTime(WEDNESDAY, '09:55')],
      ].sort(),
    );
    expect(kept.segments.every((s) => s.businessDate === WEDNESDAY)).toBe(true);

    const counts = await projection().rebuild();
    const rebuilt = await facts();
    expect(rebuilt).toEqual(kept);
    expect(counts).toMatchObject({ segments: 10, refusals: 1, appointments: 3 });
    expect(counts.events).toBe(await server.app.office.store.read(server.app.office.siteId, async (r) => (await r.events.after(0, 1e6)).length));

    // The command (npm run stats:rebuild) does the same for every site.
    const bySite = await rebuildStats(server.app.office.store, () => server.clock.now);
    expect(bySite.get(server.app.office.siteId)).toEqual(counts);
    expect(await facts()).toEqual(kept);
  });
});
