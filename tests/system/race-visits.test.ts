import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedTicket, StaffTicket } from '../../common/dto.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, type ClientSocket } from '../helpers/socket-clients.js';
import { api, counterAction } from '../realtime/support.js';
import { DEMO_DESKS, everyCounterServesAll } from './race-support.js';

/**
 * #17 beside race.test.ts: visits of two services. Counters act at once over their own
 * /counter sockets and over HTTP; each takes the next ticket, starts it and, while the
 * visit lists a further service, "finishes and sends it on" (`finish-next`), else
 * finishes it. Every counter serves every service, so they all compete for every
 * segment. Each segment must be called exactly once, by one counter, in order.
 */

const TICKETS = 150;
const ISSUE_PARALLEL = 6;
const GLOBAL_TIMEOUT_MS = 120_000;

const SOCKET_DESKS = DEMO_DESKS.slice(0, 6);
const HTTP_DESKS = DEMO_DESKS.slice(6, 8);

let server: TestServer;
let url: string;
let adminCookie: string;
let serviceIds: string[];

beforeAll(async () => {
  server = await startTestServer({ demoHours: 'weekly' });
  url = server.url;
  const store = server.app.office.store;
  const site = server.app.office.siteId;
  serviceIds = (await store.read(site, (r) => r.catalog.services())).map((s) => s.id);
  await everyCounterServesAll(server, serviceIds);
  adminCookie = await server.login('admin');
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

type Reply = { ok: true; ticket: StaffTicket | null } | { ok: false; error: unknown };

describe('concurrent counters, visits of two services', () => {
  test(
    `${SOCKET_DESKS.length} socket and ${HTTP_DESKS.length} HTTP counters serve ${TICKETS} two-service tickets: each segment called exactly once`,
    async () => {
      const deadline = Date.now() + GLOBAL_TIMEOUT_MS;
      const store = server.app.office.store;
      const site = server.app.office.siteId;

      // Each ticket: a first service and a different second one.
      const issued: Array<{ id: string; number: string; services: [string, string] }> = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: ISSUE_PARALLEL }, async () => {
          while (next < TICKETS) {
            const i = next++;
            const services: [string, string] = [serviceIds[i % serviceIds.length]!, serviceIds[(i + 3) % serviceIds.length]!];
            const res = await api<IssuedTicket>(url, 'POST', '/api/tickets', {
              cookie: adminCookie,
              body: { serviceId: services[0], alsoServiceIds: [services[1]], language: 'de' },
            });
            expect(res.status).toBe(201);
            expect(res.body.nextServiceIds).toEqual([services[1]]);
            issued.push({ id: res.body.id, number: res.body.number, services });
          }
        }),
      );

      const sockets: Array<ClientSocket<'/counter'>> = [];
      for (const desk of SOCKET_DESKS) {
        const cookie = desk.username === 'admin' ? adminCookie : await server.login(desk.username);
        const socket = await connect(url, '/counter', { cookie });
        expect(await emitAck(socket, 'counter:open', { counterId: desk.counterId })).toMatchObject({ ok: true });
        sockets.push(socket);
      }
      const httpCookies: string[] = [];
      for (const desk of HTTP_DESKS) {
        const cookie = await server.login(desk.username);
        expect((await counterAction(url, cookie, desk.counterId, 'open')).status).toBe(200);
        httpCookies.push(cookie);
      }

      const errors: string[] = [];
      /** Per counter, the segments it called: `ref@service`. */
      const called = new Map<string, string[]>();
      const serve = async (counterId: string, step: (action: 'call-next' | 'start' | 'finish' | 'finish-next') => Promise<Reply>) => {
        const mine: string[] = [];
        called.set(counterId, mine);
        for (;;) {
          if (Date.now() > deadline) throw new Error(`global timeout at ${counterId}`);
          const call = await step('call-next');
          if (!call.ok) {
            errors.push(`${counterId} call-next ${JSON.stringify(call.error)}`);
            if (errors.length > 20) return;
            continue;
          }
          // Nobody waits: a segment sent on is waiting before its counter's next call, so the line only empties at the end.
          if (call.ticket === null) return;
          mine.push(`${call.ticket.ref}@${call.ticket.serviceId}`);
          const started = await step('start');
          if (!started.ok || started.ticket?.status !== 'serving') errors.push(`${counterId} start ${JSON.stringify(started)}`);
          const action = call.ticket.nextServiceIds.length > 0 ? 'finish-next' : 'finish';
          const ended = await step(action);
          // The answer is read after the commit: a segment sent on may already be called at another counter.
          const expected = action === 'finish' ? ['done'] : ['waiting', 'called', 'serving', 'done'];
          if (!ended.ok || ended.ticket?.ref !== call.ticket.ref || !expected.includes(ended.ticket.status)) {
            errors.push(`${counterId} ${action} ${JSON.stringify(ended)}`);
          }
        }
      };
      const loops = [
        ...SOCKET_DESKS.map((desk, i) => serve(desk.counterId, (action) => emitAck(sockets[i]!, `counter:${action}`, { counterId: desk.counterId }))),
        ...HTTP_DESKS.map((desk, i) =>
          serve(desk.counterId, async (action) => {
            const res = await counterAction<StaffTicket>(url, httpCookies[i]!, desk.counterId, action);
            if (action === 'call-next' && res.status === 204) return { ok: true, ticket: null };
            if (res.status === 200) return { ok: true, ticket: res.body };
            return { ok: false, error: { status: res.status, body: res.body } };
          }),
        ),
      ];
      await Promise.all(loops);
      expect(errors).toEqual([]);

      // Every segment called by exactly one counter: two per ticket, first service then second.
      const refOf = new Map(await store.read(site, (r) => Promise.all(issued.map(async (t) => [t.id, (await r.tickets.get(t.id))!.ref] as const))));
      const all = [...called.values()].flat();
      expect(all).toHaveLength(2 * TICKETS);
      expect(new Set(all)).toEqual(new Set(issued.flatMap((t) => t.services.map((s) => `${refOf.get(t.id)}@${s}`))));

      // The log: per ticket, called in its first service, sent on, called in its second, finished.
      const log = await store.read(site, (r) => r.events.after(0, 100_000, ['ticket.called', 'ticket.next_service', 'ticket.finished', 'ticket.recalled']));
      expect(log.filter((e) => e.type === 'ticket.recalled')).toEqual([]);
      const byTicket = new Map<string, string[]>();
      for (const e of log) {
        const list = byTicket.get(e.ticketId!) ?? [];
        list.push(`${e.type}:${e.serviceId}`);
        byTicket.set(e.ticketId!, list);
      }
      for (const t of issued) {
        const [a, b] = t.services;
        expect(byTicket.get(t.id), t.number).toEqual([`ticket.called:${a}`, `ticket.next_service:${a}`, `ticket.called:${b}`, `ticket.finished:${b}`]);
      }
      const state = await store.read(site, async (r) => ({
        statuses: await Promise.all(issued.map(async (t) => (await r.tickets.get(t.id))?.status)),
        counters: await r.catalog.counters(),
      }));
      expect(new Set(state.statuses)).toEqual(new Set(['done']));
      for (const c of state.counters) expect(c.currentTicketId, c.id).toBeNull();
    },
    GLOBAL_TIMEOUT_MS + 30_000,
  );
});
