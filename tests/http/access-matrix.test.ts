import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Role } from '../../common/model.js';
import type { CounterClientEvents } from '../../common/protocol.js';
import type { UserWithPassword } from '../../common/user-schemas.js';
import { ACCESS, type AccessRule, type UseCase } from '../../server/app/access.js';
import { createApp } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import { routeAccessTable } from '../../server/http/auth.js';
import { COUNTER_EVENT_ACCESS } from '../../server/realtime/event-access.js';
import { connect, ConnectRefused, emitAckUnchecked } from '../helpers/socket-clients.js';
import { startTestServer } from '../helpers/test-server.js';
import { officeTime, request, WEDNESDAY } from './support.js';

/**
 * #15: the one role table (server/app/access.ts) against the live server. Every
 * registered route and every event of the staff socket namespace is tried
 * anonymously, with each role, and with a session that still holds a one-time
 * password; each must answer as its use case's entry says. A route that names
 * no use case fails here.
 */

const server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
afterAll(() => server.close());

type Who = 'anonymous' | Role | 'one-time';
const WHO: readonly Who[] = ['anonymous', 'staff', 'supervisor', 'admin', 'one-time'];

const admin = await server.login('admin');
async function newUser(role: Role, change: boolean): Promise<{ username: string; password: string }> {
  const created = await request(server.url, 'POST', '/api/admin/users', {
    cookie: admin,
    json: { username: `matrix-${role}-${String(change)}`, displayName: `Matrix ${role}`, role },
  });
  expect(created.status, created.text).toBe(201);
  const { user, oneTimePassword } = created.body as UserWithPassword;
  server.passwords[user.username] = oneTimePassword;
  if (!change) return { username: user.username, password: oneTimePassword };
  const cookie = await server.login(user.username);
  const password = `${user.username}-own-password`;
  const res = await request(server.url, 'POST', '/api/auth/password', { cookie, json: { currentPassword: oneTimePassword, newPassword: password } });
  expect(res.status, res.text).toBe(204);
  server.passwords[user.username] = password;
  return { username: user.username, password };
}
const usernames: Record<Exclude<Who, 'anonymous'>, string> = {
  staff: 'jschulte',
  admin: 'admin',
  supervisor: (await newUser('supervisor', true)).username,
  'one-time': (await newUser('staff', false)).username,
};
const sessions: Partial<Record<Who, string>> = {};
for (const who of WHO) if (who !== 'anonymous') sessions[who] = await server.login(usernames[who]);

/** The codes that mean "the table refused": the caller gets none of them where the table allows. */
const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED', 'NETWORK_NOT_ALLOWED'];

type Expected = { status: 401; code: 'UNAUTHENTICATED' } | { status: 403; code: 'FORBIDDEN' | 'PASSWORD_CHANGE_REQUIRED' } | 'allowed';

/** What the table says `who` gets for a use case. */
function expected(rule: AccessRule, who: Who): Expected {
  if (who === 'anonymous') return rule.anonymous ? 'allowed' : { status: 401, code: 'UNAUTHENTICATED' };
  if (who === 'one-time') return rule.duringPasswordChange ? 'allowed' : { status: 403, code: 'PASSWORD_CHANGE_REQUIRED' };
  if (rule.anonymous || rule.roles.includes(who)) return 'allowed';
  return { status: 403, code: 'FORBIDDEN' };
}

const routes = routeAccessTable(server.app.fastify).filter((r) => r.method !== 'HEAD');
const named = routes.filter((r): r is typeof r & { access: UseCase } => r.access !== null);

describe('the route table', () => {
  test('every route of the API and every page of ours names a use case of the table', () => {
    // Only what plugins register names none: the API documentation and the static apps.
    const unnamed = routes.filter((r) => r.access === null && !r.url.startsWith('/api/docs') && !r.url.endsWith('*'));
    expect(unnamed.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(named.length).toBeGreaterThan(40);
    for (const known of ['GET /api/admin/users', 'POST /api/auth/password', 'POST /api/counters/:id/call-next', 'GET /api/admin/metrics/commands']) {
      expect(named.map((r) => `${r.method} ${r.url}`)).toContain(known);
    }
  });

  test('the table gives the roles the issue names (a change here is a decision, not a refactoring)', () => {
    const who = (u: UseCase) => {
      const r: AccessRule = ACCESS[u];
      return [...r.roles, ...(r.anonymous ? [`anonymous:${r.anonymous}`] : [])].join(' ');
    };
    expect(Object.fromEntries(Object.keys(ACCESS).map((u) => [u, who(u as UseCase)]))).toEqual({
      'public.page': 'admin supervisor staff anonymous:anyone',
      'public.read': 'admin supervisor staff anonymous:anyone',
      'visitor.ticket': 'admin supervisor staff anonymous:ticket',
      'kiosk.draw': 'admin supervisor staff anonymous:device',
      'printAgent.connect': 'anonymous:device',
      'auth.login': 'admin supervisor staff anonymous:anyone',
      'auth.logout': 'admin supervisor staff anonymous:anyone',
      'auth.me': 'admin supervisor staff',
      'auth.password': 'admin supervisor staff',
      'counter.work': 'admin supervisor staff',
      'counter.anyDesk': 'admin',
      'appointments.book': 'admin supervisor staff',
      'stats.read': 'admin supervisor',
      'stats.live': 'admin supervisor',
      'audit.read': 'admin',
      'devices.tokens': 'admin',
      'printers.agentToken': 'admin',
      'metrics.commands': 'admin',
      'users.read': 'admin supervisor',
      'users.write': 'admin',
      'users.resetPassword': 'admin supervisor',
      'users.resetAnyPassword': 'admin',
      'admin.catalog.read': 'admin supervisor',
      'admin.office.write': 'admin',
      'admin.services.write': 'admin',
      'admin.areas.write': 'admin',
      'admin.counters.write': 'admin',
      'admin.devices.write': 'admin',
      'admin.config': 'admin',
    });
    const duringChange = Object.keys(ACCESS).filter((u) => (ACCESS[u as UseCase] as AccessRule).duringPasswordChange);
    expect(duringChange).toEqual(['public.page', 'auth.login', 'auth.logout', 'auth.me', 'auth.password']);
  });

  test('a route without an entry is refused', async () => {
    expect(routes.some((r) => r.url === '/api/not-in-the-table')).toBe(false);
    // The guard refuses a route the table does not know; it exists on a scratch instance only (routes are closed here).
    const scratch = await createApp(testConfig({ dbFile: join(server.dir, 'scratch.sqlite'), adminPassword: 'scratch-admin-password' }));
    try {
      scratch.fastify.get('/api/not-in-the-table', () => ({ ok: true }));
      const res = await scratch.fastify.inject({ method: 'GET', url: '/api/not-in-the-table' });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    } finally {
      await scratch.close();
    }
  });
});

/** A path to request for a route pattern: unknown ids, so nothing is found or changed. */
function pathOf(url: string): string {
  return url.replace(':number.wav', 'Z999.wav').replace(/:\w+/g, 'no-such-id');
}

describe.each(WHO)('routes, %s', (who) => {
  test.each(named.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', async (_name, route) => {
    const want = expected(ACCESS[route.access], who);
    // Logging out ends the session it is sent with: a session of its own.
    const cookie = who === 'anonymous' ? undefined : route.access === 'auth.logout' ? await server.login(usernames[who]) : sessions[who];
    const body = route.method === 'GET' || route.method === 'HEAD' ? {} : { json: {} };
    const res = await request(server.url, route.method, pathOf(route.url), { ...body, ...(cookie ? { cookie } : {}), device: null });
    const code = (res.body as { error?: { code?: string } } | null)?.error?.code;
    if (want === 'allowed') {
      expect(REFUSALS, `${who} ${route.method} ${route.url}: ${res.status} ${res.text.slice(0, 200)}`).not.toContain(code);
      expect(res.status).toBeLessThan(500);
    } else {
      expect({ status: res.status, code }, res.text.slice(0, 200)).toEqual(want);
    }
  });
});

describe('the staff socket namespace', () => {
  const events = Object.keys(COUNTER_EVENT_ACCESS) as Array<keyof CounterClientEvents>;

  test('the table names every event the server listens for on /counter', async () => {
    const socket = await connect(server.url, '/counter', { cookie: sessions.staff });
    const serverSide = [...server.app.realtime.io.of('/counter').sockets.values()][0];
    // socket.io's own events (disconnect, …) are no requests of the client.
    const reserved = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'error', 'newListener', 'removeListener']);
    const listened = (serverSide?.eventNames() ?? []).filter((e): e is string => typeof e === 'string' && !reserved.has(e));
    expect([...listened].sort()).toEqual([...events].sort());
    socket.close();
  });

  test.each(WHO)('%s: the handshake and each event as the table says', async (who) => {
    const handshake = expected(ACCESS['counter.work'], who);
    const attempt = connect(server.url, '/counter', sessions[who] ? { cookie: sessions[who] } : {});
    if (handshake !== 'allowed') {
      const err = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ConnectRefused);
      expect((err as ConnectRefused).data).toMatchObject({ code: handshake.code });
      return;
    }
    const socket = await attempt;
    for (const event of events) {
      const want = expected(ACCESS[COUNTER_EVENT_ACCESS[event]], who);
      const reply = (await (event === 'snapshot'
        ? emitAckUnchecked(socket, event)
        : emitAckUnchecked(socket, event, { counterId: 'no-such-id', alarmId: 'no-such-id', ticketRef: 'no-such-id', notes: '' }))) as {
        ok: boolean;
        error?: { code: string };
      };
      if (want === 'allowed') expect(REFUSALS, `${who} ${event}: ${JSON.stringify(reply)}`).not.toContain(reply.error?.code);
      else expect(reply.error?.code, `${who} ${event}`).toBe(want.code);
    }
    socket.close();
  });
});

describe('the live supervision namespace (#16)', () => {
  test.each(WHO)('%s: the /supervisor handshake as the table says (stats.live)', async (who) => {
    const want = expected(ACCESS['stats.live'], who);
    const attempt = connect(server.url, '/supervisor', sessions[who] ? { cookie: sessions[who] } : {});
    if (want === 'allowed') return void (await attempt).close();
    const err = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectRefused);
    expect((err as ConnectRefused).data).toMatchObject({ code: want.code });
  });
});
