import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedTicket, StaffTicket } from '../../common/dto.js';
import { hashPassword } from '../../server/auth/password.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, firstOf, history, received, type ClientSocket } from '../helpers/socket-clients.js';
import { api, counterAction } from '../realtime/support.js';
import { DEMO_DESKS, everyCounterServesAll } from './race-support.js';

/**
 * Many counters calling at once must never call the same ticket twice or
 * lose one. Ten demo counters act over their own /counter sockets and two
 * extra counters over HTTP, all at the same time, while more tickets are
 * drawn; every counter may serve every service, so they all compete for
 * every ticket. Loopback only, bounded in count and time.
 */

const INITIAL_TICKETS = 500;
const LATE_TICKETS = 30;
const ISSUE_PARALLEL = 8;
const GLOBAL_TIMEOUT_MS = 150_000;
const LANGUAGES = ['de', 'en', 'ar', 'tr', 'uk', 'ru', 'fa', 'ti', 'fr'];

const SOCKET_DESKS = DEMO_DESKS;
const HTTP_DESKS = [
  { username: 'race1', counterId: 'race-1' },
  { username: 'race2', counterId: 'race-2' },
];

let server: TestServer;
let url: string;
let adminCookie: string;
let serviceIds: string[];

beforeAll(async () => {
  // Weekly demo hours: staff issue and counters call regardless of opening hours, and
  // round-the-clock hours make every read model ~20 ms slower (see the report).
  server = await startTestServer({ demoHours: 'weekly' });
  url = server.url;
  const store = server.app.office.store;
  const site = server.app.office.siteId;
  serviceIds = (await store.read(site, (r) => r.catalog.services())).map((s) => s.id);
  expect(serviceIds.length).toBe(8);

  // Two more staff members and counters, written directly to the store.
  for (const [i, desk] of HTTP_DESKS.entries()) {
    const password = `race-password-${i}-${Math.random().toString(36).slice(2)}`;
    const passwordHash = await hashPassword(password);
    server.passwords[desk.username] = password;
    await store.shared((p) =>
      p.putUser({
        id: `usr_race_${i}`,
        username: desk.username,
        displayName: `Race Tester ${i}`,
        role: 'staff',
        languages: ['de', i === 0 ? 'ar' : 'uk'],
        passwordHash,
        active: true,
        mustChangePassword: false,
        version: 1,
        siteIds: [site],
      }),
    );
    await store.transaction(site, (tx) =>
      tx.catalog.putCounter({
        id: desk.counterId,
        name: `Race ${i + 1}`,
        area: 'eg',
        primaryServiceIds: [serviceIds[i]!],
        secondaryServiceIds: [],
        open: false,
        userId: null,
        currentTicketId: null,
      }),
    );
  }
  await everyCounterServesAll(server, serviceIds);
  adminCookie = await server.login('admin');
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

/** Issues `count` tickets over HTTP with a staff session, `parallel` requests at a time; returns their ids. */
async function issueMany(count: number, parallel: number, offset: number): Promise<Array<{ id: string; number: string }>> {
  const out: Array<{ id: string; number: string }> = [];
  let next = 0;
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = offset + next++;
        const res = await api<IssuedTicket>(url, 'POST', '/api/tickets', {
          cookie: adminCookie,
          body: { serviceId: serviceIds[i % serviceIds.length], language: LANGUAGES[i % LANGUAGES.length], priority: i % 17 === 0 },
        });
        if (res.status === 201) out.push({ id: res.body.id, number: res.body.number });
        else failures.push(`${res.status} ${JSON.stringify(res.body)}`);
      }
    }),
  );
  expect(failures).toEqual([]);
  return out;
}

describe('concurrent counters', () => {
  test(
    `${SOCKET_DESKS.length} socket counters and ${HTTP_DESKS.length} HTTP counters serve ${INITIAL_TICKETS + LATE_TICKETS} tickets: each called exactly once`,
    async () => {
      const started = Date.now();
      const deadline = started + GLOBAL_TIMEOUT_MS;
      const store = server.app.office.store;

      // Observers: a screen and a staff socket record every push.
      const display = await connect(url, '/display');
      const displaySnap = await firstOf(display, 'display:snapshot');
      const observer = await connect(url, '/counter', { cookie: adminCookie });
      const observerSnap = await firstOf(observer, 'counter:snapshot');

      const issued = await issueMany(INITIAL_TICKETS, ISSUE_PARALLEL, 0);
      expect(issued).toHaveLength(INITIAL_TICKETS);
      expect(new Set(issued.map((t) => t.id)).size).toBe(INITIAL_TICKETS);

      // Each desk: its own user, its own session, its own socket (or HTTP client).
      const sockets: Array<ClientSocket<'/counter'>> = [];
      for (const desk of SOCKET_DESKS) {
        const cookie = desk.username === 'admin' ? adminCookie : await server.login(desk.username);
        const socket = await connect(url, '/counter', { cookie });
        const open = await emitAck(socket, 'counter:open', { counterId: desk.counterId });
        expect(open, desk.counterId).toMatchObject({ ok: true, counter: { id: desk.counterId, open: true } });
        sockets.push(socket);
      }
      const httpCookies: string[] = [];
      for (const desk of HTTP_DESKS) {
        const cookie = await server.login(desk.username);
        expect((await counterAction(url, cookie, desk.counterId, 'open')).status).toBe(200);
        httpCookies.push(cookie);
      }

      const errors: string[] = [];
      const served = new Map<string, string[]>(); // counterId → ticket staff refs
      let issuing = true;
      const fail = (what: string) => {
        errors.push(what);
        if (errors.length > 50) throw new Error(`too many errors: ${errors.slice(0, 5).join('; ')}`);
      };

      type Step = (
        action: 'call-next' | 'start' | 'finish',
      ) => Promise<{ ok: true; ticket: { ref: string; status: string } | null } | { ok: false; error: unknown }>;
      const serve = async (counterId: string, step: Step) => {
        const mine: string[] = [];
        served.set(counterId, mine);
        for (;;) {
          if (Date.now() > deadline) throw new Error(`global timeout at ${counterId}`);
          const call = await step('call-next');
          if (!call.ok) {
            fail(`${counterId} call-next ${JSON.stringify(call.error)}`);
            continue;
          }
          if (call.ticket === null) {
            // Nobody waits. Stop only once no more tickets are coming.
            if (!issuing) return;
            await new Promise((r) => setTimeout(r, 5));
            continue;
          }
          if (call.ticket.status !== 'called') fail(`${counterId} called ticket is ${call.ticket.status}`);
          mine.push(call.ticket.ref);
          for (const [action, status] of [
            ['start', 'serving'],
            ['finish', 'done'],
          ] as const) {
            const r = await step(action);
            if (!r.ok) fail(`${counterId} ${action} ${JSON.stringify(r.error)}`);
            else if (r.ticket?.ref !== call.ticket.ref || r.ticket.status !== status) {
              fail(`${counterId} ${action} returned ${JSON.stringify(r.ticket)} for ${call.ticket.ref}`);
            }
          }
        }
      };

      const socketLoops = SOCKET_DESKS.map((desk, i) =>
        serve(desk.counterId, (action) => emitAck(sockets[i]!, `counter:${action}`, { counterId: desk.counterId })),
      );
      const httpLoops = HTTP_DESKS.map((desk, i) =>
        serve(desk.counterId, async (action) => {
          const res = await counterAction<StaffTicket>(url, httpCookies[i]!, desk.counterId, action);
          if (action === 'call-next' && res.status === 204) return { ok: true, ticket: null };
          if (res.status === 200) return { ok: true, ticket: res.body };
          return { ok: false, error: { status: res.status, body: res.body } };
        }),
      );
      // More visitors arrive while the counters are calling.
      const late = issueMany(LATE_TICKETS, 2, INITIAL_TICKETS).finally(() => {
        issuing = false;
      });

      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('global timeout')), GLOBAL_TIMEOUT_MS);
      });
      try {
        const [lateIssued] = await Promise.race([Promise.all([late, ...socketLoops, ...httpLoops]), timeout]);
        issued.push(...(lateIssued as Array<{ id: string; number: string }>));
      } finally {
        clearTimeout(timer);
      }
      const total = INITIAL_TICKETS + LATE_TICKETS;
      expect(issued).toHaveLength(total);
      expect(errors).toEqual([]);

      // Every ticket served by exactly one counter, and every counter got work (staff name tickets by ref).
      const site = server.app.office.siteId;
      const refOf = new Map(
        await store.read(site, (r) => Promise.all(issued.map(async (t) => [t.id, (await r.tickets.get(t.id))?.ref] as const))),
      );
      const allServed = [...served.values()].flat();
      expect(allServed).toHaveLength(total);
      expect(new Set(allServed)).toEqual(new Set(issued.map((t) => refOf.get(t.id))));
      for (const [counterId, ids] of served) expect(ids.length, counterId).toBeGreaterThan(0);

      // The event log: exactly one ticket.called and one ticket.finished per ticket, no recalls.
      const log = await store.read(site, (r) => r.events.after(0, 100_000, ['ticket.called', 'ticket.recalled', 'ticket.finished']));
      const perTicket = new Map<string, number>();
      for (const e of log.filter((x) => x.type === 'ticket.called')) {
        perTicket.set(e.ticketId!, (perTicket.get(e.ticketId!) ?? 0) + 1);
      }
      expect(perTicket.size).toBe(total);
      for (const t of issued) expect(perTicket.get(t.id), t.number).toBe(1);
      expect(log.filter((x) => x.type === 'ticket.recalled')).toEqual([]);
      expect(log.filter((x) => x.type === 'ticket.finished')).toHaveLength(total);
      // The calling counter in the log is the one whose ack returned the ticket.
      const servedBy = new Map([...served].flatMap(([c, ids]) => ids.map((id) => [id, c] as const)));
      for (const e of log.filter((x) => x.type === 'ticket.called')) expect(e.counterId).toBe(servedBy.get(refOf.get(e.ticketId!)!));

      // Nothing left waiting, called or serving; every counter idle.
      const state = await store.read(site, async (r) => {
        const day = (await r.tickets.get(issued[0]!.id))!.businessDate;
        return {
          open: await r.tickets.open(day),
          statuses: await Promise.all(issued.map(async (t) => (await r.tickets.get(t.id))?.status)),
          counters: await r.catalog.counters(),
        };
      });
      expect(state.open).toEqual([]);
      expect(new Set(state.statuses)).toEqual(new Set(['done']));
      for (const c of state.counters) expect(c.currentTicketId, c.id).toBeNull();

      // Pushes kept up: the screen announced every call once, numbered without gaps; staff pushes too.
      await firstOf(display, 'ticket:called', () => received(display, 'ticket:called').length >= total, 10_000);
      const calls = received(display, 'ticket:called');
      expect(calls).toHaveLength(total);
      expect(new Set(calls.map((c) => c.number)).size).toBe(total);
      await new Promise((r) => setTimeout(r, 200));
      const displayPushes = history(display)
        .filter((e) => e.event === 'ticket:called' || e.event === 'services:status')
        .map((e) => e.payload.seq);
      expect(displayPushes).toEqual(displayPushes.map((_, i) => displaySnap.seq + 1 + i));
      const staffPushes = received(observer, 'queue:changed');
      const staffSeqs = staffPushes.map((e) => e.seq);
      expect(staffSeqs).toEqual(staffSeqs.map((_, i) => observerSnap.seq + 1 + i));
      // Commits of one event-loop turn share a push, so there are at most as many as commits
      // (issues, opens, and three per ticket), and what the pushes leave on a staff screen is the end state.
      expect(staffSeqs.length).toBeLessThanOrEqual(total + SOCKET_DESKS.length + HTTP_DESKS.length + 3 * total);
      const lastPushed = new Map(staffPushes.flatMap((e) => e.tickets.map((t) => [t.number, t.status] as const)));
      for (const t of issued) expect(lastPushed.get(t.number), t.number).toBe('done');

      const ms = Date.now() - started;
      console.info(`race: ${total} tickets, ${served.size} counters, ${ms} ms`);
    },
    GLOBAL_TIMEOUT_MS + 30_000,
  );
});
