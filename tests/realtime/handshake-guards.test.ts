import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { AgentTokenIssuedSchema } from '../../common/dto-schemas.js';
import { startPrintAgent, type PrintAgent } from '../../server/print-agent/agent.js';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { checked } from '../helpers/checked.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, ConnectRefused, firstOf, type ConnectOptions, type NamespaceName } from '../helpers/socket-clients.js';
import { api } from './support.js';

/**
 * #13 parts 1b and 2 at the socket.io handshake: a browser page of a foreign
 * origin connects to no namespace (cross-site WebSocket hijacking), a client
 * without Origin (the print agent, scripts) is judged by its credentials, and
 * the staff namespaces answer only from STAFF_NETWORKS, the client address
 * decided as for HTTP (TRUST_PROXY).
 */

async function refusal(ns: NamespaceName, url: string, opts: ConnectOptions): Promise<{ code: string; message: string }> {
  try {
    await connect(url, ns, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectRefused);
    const data = (err as ConnectRefused).data as { code: string; message: string };
    expect((err as ConnectRefused).message).toBe(data.code);
    return data;
  }
  throw new Error(`the ${ns} handshake was accepted`);
}

afterEach(() => closeAll());

describe('origins at the handshake', () => {
  let server: TestServer;
  let cookie: string;
  const agents: PrintAgent[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    cookie = await server.login('admin');
  });
  afterEach(() => {
    for (const a of agents.splice(0)) a.close();
  });
  afterAll(() => server.close());

  test('a page on another port of the same host, or another site, gets no /counter socket even with the cookie', async () => {
    const otherPort = `http://127.0.0.1:${Number(new URL(server.url).port) + 1}`;
    for (const origin of [otherPort, 'http://evil.example']) {
      const refused = await refusal('/counter', server.url, { cookie, headers: { origin } });
      expect(refused.code).toBe('BAD_ORIGIN');
      expect(refused.message).toContain('ALLOWED_ORIGINS');
    }
  });

  test('every namespace checks the Origin, the public ones too', async () => {
    for (const ns of ['/display', '/kiosk'] as const) {
      expect((await refusal(ns, server.url, { headers: { origin: 'http://evil.example' } })).code).toBe('BAD_ORIGIN');
    }
  });

  test('the server’s own pages connect: its address (ALLOWED_ORIGINS in tests) and PUBLIC_URL with its loopback twins', async () => {
    for (const origin of [server.url, 'http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const socket = await connect(server.url, '/counter', { cookie, headers: { origin } });
      await firstOf(socket, 'counter:snapshot');
      socket.close();
    }
    await connect(server.url, '/display', { headers: { origin: 'http://localhost:3000' } });
  });

  test('a handshake without Origin is judged by its credentials: a script with the cookie connects, without it is refused', async () => {
    await firstOf(await connect(server.url, '/counter', { cookie }), 'counter:snapshot');
    expect((await refusal('/counter', server.url, {})).code).toBe('UNAUTHENTICATED');
  });

  test('the print agent (no Origin) connects with its token', async () => {
    const issued = await api(server.url, 'POST', `/api/printers/${DEFAULT_KIOSK_ID}/agent-token`, { cookie, body: {} });
    expect(issued.status).toBe(201);
    const { token } = checked(AgentTokenIssuedSchema, issued.body);
    const refused: string[] = [];
    const agent = startPrintAgent({
      server: server.url,
      kioskId: DEFAULT_KIOSK_ID,
      token,
      printer: { kind: 'tcp', host: '127.0.0.1', port: 9 },
      statusQuery: false,
      log: () => undefined,
      onRefused: (message) => refused.push(message),
    });
    agents.push(agent);
    await expect.poll(() => agent.socket.connected).toBe(true);
    expect(refused).toEqual([]);
  });
});

describe('staff networks at the handshake', () => {
  let inside: TestServer; // STAFF_NETWORKS=127.0.0.1/32, no proxy trusted
  let proxied: TestServer; // TRUST_PROXY=127.0.0.1, STAFF_NETWORKS=10.0.0.0/8
  let insideCookie: string;
  let proxiedCookie: string;

  beforeAll(async () => {
    [inside, proxied] = await Promise.all([
      startTestServer({ staffNetworks: ['127.0.0.1/32'] }),
      startTestServer({ trustProxy: ['127.0.0.1'], staffNetworks: ['10.0.0.0/8'] }),
    ]);
    insideCookie = await inside.login('admin');
    // The proxy forwards a login from the office network.
    const res = await fetch(`${proxied.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.7' },
      body: JSON.stringify({ username: 'admin', password: proxied.passwords.admin }),
    });
    expect(res.status).toBe(200);
    proxiedCookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
  });
  afterAll(async () => {
    await inside?.close();
    await proxied?.close();
  });

  test('/counter answers only from STAFF_NETWORKS; /display and /kiosk from anywhere', async () => {
    const outside = { localAddress: '127.0.0.2' };
    expect((await refusal('/counter', inside.url, { cookie: insideCookie, ...outside })).code).toBe('NETWORK_NOT_ALLOWED');
    await firstOf(await connect(inside.url, '/counter', { cookie: insideCookie, localAddress: '127.0.0.1' }), 'counter:snapshot');
    await firstOf(await connect(inside.url, '/display', outside), 'display:snapshot');
    await firstOf(await connect(inside.url, '/kiosk', outside), 'kiosk:snapshot');
  });

  test('the print agent namespace answers only from STAFF_NETWORKS, before its token is looked at', async () => {
    expect((await refusal('/print-agent' as NamespaceName, inside.url, { localAddress: '127.0.0.2', auth: { protocol: 1, kioskId: DEFAULT_KIOSK_ID, token: 'x' } })).code).toBe(
      'NETWORK_NOT_ALLOWED',
    );
    expect((await refusal('/print-agent' as NamespaceName, inside.url, { localAddress: '127.0.0.1', auth: { protocol: 1, kioskId: DEFAULT_KIOSK_ID, token: 'x' } })).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  test('behind a trusted proxy X-Forwarded-For decides, as for HTTP; from anyone else it counts for nothing', async () => {
    const cookie = proxiedCookie;
    await firstOf(await connect(proxied.url, '/counter', { cookie, headers: { 'x-forwarded-for': '10.0.0.7' } }), 'counter:snapshot');
    expect((await refusal('/counter', proxied.url, { cookie, headers: { 'x-forwarded-for': '198.51.100.4' } })).code).toBe('NETWORK_NOT_ALLOWED');
    expect((await refusal('/counter', proxied.url, { cookie })).code).toBe('NETWORK_NOT_ALLOWED');
    expect((await refusal('/counter', proxied.url, { cookie, localAddress: '127.0.0.2', headers: { 'x-forwarded-for': '10.0.0.7' } })).code).toBe(
      'NETWORK_NOT_ALLOWED',
    );
  });
});
