import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { AgentTokenIssuedSchema } from '../../common/dto-schemas.js';
import { PRINT_AGENT_PROTOCOL } from '../../server/print/agent-protocol.js';
import { checked } from '../helpers/checked.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { api, KIOSK, WEDNESDAY_9 } from './support.js';

/**
 * Issue #13, part 4: a print agent token can be revoked without issuing a new
 * one (a stolen or retired kiosk PC), and may expire after the days the admin
 * chose. The agent's handshake is played with a bare socket.io client.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
let server: TestServer;
let admin: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer({}, WEDNESDAY_9);
  admin = await server.login('admin');
}, 60_000);
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});
afterAll(() => server.close());

/** Connects as the kiosk's agent: 'connected', or the refusal's message. */
function agentHandshake(token: string): Promise<{ socket: Socket; result: string }> {
  const socket = io(`${server.url}/print-agent`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocol: PRINT_AGENT_PROTOCOL, kioskId: KIOSK, token },
  });
  sockets.push(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ socket, result: 'connected' }));
    socket.once('connect_error', (err) => resolve({ socket, result: err.message }));
  });
}

const issue = async (json: unknown) => {
  const res = await api(server, 'POST', `/api/printers/${KIOSK}/agent-token`, { cookie: admin, json });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return checked(AgentTokenIssuedSchema, res.body);
};

describe('print agent tokens', () => {
  test('revoked without a new one: the connected agent is dropped and the token refused; only admins may revoke', async () => {
    const { token, expiresAt } = await issue({});
    expect(expiresAt).toBeNull();
    const { socket, result } = await agentHandshake(token);
    expect(result).toBe('connected');

    const staff = await server.login('ftesfaye');
    expect((await api(server, 'DELETE', `/api/printers/${KIOSK}/agent-token`, { cookie: staff })).status).toBe(403);
    expect((await api(server, 'DELETE', `/api/printers/${KIOSK}/agent-token`)).status).toBe(401);
    expect((await api(server, 'DELETE', '/api/printers/anzeige-eg/agent-token', { cookie: admin })).status).toBe(404);

    const dropped = new Promise<string>((r) => socket.once('disconnect', r));
    expect((await api(server, 'DELETE', `/api/printers/${KIOSK}/agent-token`, { cookie: admin })).status).toBe(204);
    expect(await dropped).toBe('io server disconnect');
    expect((await agentHandshake(token)).result).toBe('UNAUTHENTICATED');
    // Again: nothing left to revoke, still fine; logged once.
    expect((await api(server, 'DELETE', `/api/printers/${KIOSK}/agent-token`, { cookie: admin })).status).toBe(204);
    const revoked = await server.app.office.store.read(server.app.office.siteId, (r) => r.events.latest(['device.agent_token_revoked'], 10));
    expect(revoked.map((e) => e.data)).toEqual([{ kioskId: KIOSK }]);
    const device = await server.app.office.store.read(server.app.office.siteId, (r) => r.catalog.device(KIOSK));
    expect(Object.keys(device?.settings ?? {})).not.toContain('agentTokenHash');
  });

  test('an expiry the admin chose: the token works until then, and is refused after', async () => {
    expect((await api(server, 'POST', `/api/printers/${KIOSK}/agent-token`, { cookie: admin, json: { expiresInDays: 0 } })).status).toBe(400);
    expect((await api(server, 'POST', `/api/printers/${KIOSK}/agent-token`, { cookie: admin, json: { expiresInDays: 1.5 } })).status).toBe(400);
    const { token, expiresAt } = await issue({ expiresInDays: 30 });
    expect(expiresAt).toBe(server.clock.now + 30 * DAY_MS);
    expect((await agentHandshake(token)).result).toBe('connected');
    server.clock.advance(30 * DAY_MS - 60_000);
    expect((await agentHandshake(token)).result).toBe('connected');
    server.clock.advance(60_000);
    expect((await agentHandshake(token)).result).toBe('UNAUTHENTICATED');
    // A new token without expiry replaces it, and its expiry with it (a fresh admin session: a month went by).
    admin = await server.login('admin');
    const renewed = await issue(null);
    expect(renewed.expiresAt).toBeNull();
    expect((await agentHandshake(renewed.token)).result).toBe('connected');
  });
});
