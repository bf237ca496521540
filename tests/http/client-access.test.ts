import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { expectError, expectStatus, officeTime, WEDNESDAY, type HttpReply } from './support.js';

/**
 * #13 parts 1b and 2 over HTTP: which client address a request has (TRUST_PROXY),
 * staff routes only from STAFF_NETWORKS, and no cross-site staff actions (Origin).
 * Requests go out through node:http so a test can pick the local address
 * (127.0.0.2 is a second client on loopback) and every header.
 */

interface Send {
  headers?: Record<string, string>;
  json?: unknown;
  cookie?: string;
  /** The client's own address; 127.0.0.1 unless given. */
  from?: string;
}

function send(server: TestServer, method: string, path: string, o: Send = {}): Promise<HttpReply> {
  const body = o.json === undefined ? undefined : JSON.stringify(o.json);
  const headers: Record<string, string> = { ...o.headers };
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  if (o.cookie) headers.cookie = o.cookie;
  if (method !== 'GET') headers['content-length'] = String(Buffer.byteLength(body ?? ''));
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers, localAddress: o.from ?? '127.0.0.1' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const replyHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') replyHeaders.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers: replyHeaders, body: parseJson(text), text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

async function login(server: TestServer, username: string, o: Send = {}): Promise<HttpReply> {
  return send(server, 'POST', '/api/auth/login', { ...o, json: { username, password: server.passwords[username] } });
}

async function counterStatus(server: TestServer, id: string): Promise<'open' | 'closed'> {
  const res = await send(server, 'GET', '/api/counters');
  const counter = (res.body as Array<{ id: string; open: boolean }>).find((c) => c.id === id);
  if (!counter) throw new Error(`no counter ${id}`);
  return counter.open ? 'open' : 'closed';
}

const MORNING = officeTime(WEDNESDAY, '09:00');

describe('no cross-site staff actions', () => {
  let server: TestServer;
  let cookie: string;
  let otherPort: string;

  beforeAll(async () => {
    server = await startTestServer({}, MORNING);
    cookie = await server.login('jschulte');
    otherPort = `http://127.0.0.1:${Number(new URL(server.url).port) + 1}`;
  });
  afterAll(() => server.close());

  test('a page on another port of the same host opens no counter: no body, no content type, the cookie sent along (as observed)', async () => {
    expectError(await send(server, 'POST', '/api/counters/schalter-2/open', { cookie, headers: { origin: otherPort } }), 403, 'BAD_ORIGIN');
    expect(await counterStatus(server, 'schalter-2')).toBe('closed');
  });

  test('a foreign Origin is refused even with a JSON body; the message says what to set', async () => {
    const res = await send(server, 'POST', '/api/counters/schalter-2/open', { cookie, json: {}, headers: { origin: 'http://evil.example' } });
    expectError(res, 403, 'BAD_ORIGIN');
    expect(res.text).toContain('ALLOWED_ORIGINS');
    expectError(await send(server, 'POST', '/api/counters/schalter-2/open', { cookie, json: {}, headers: { origin: 'null' } }), 403, 'BAD_ORIGIN');
    expect(await counterStatus(server, 'schalter-2')).toBe('closed');
  });

  test('without an Origin, a request with a session needs a JSON body', async () => {
    expectError(await send(server, 'POST', '/api/counters/schalter-2/open', { cookie }), 403, 'BAD_ORIGIN');
    const form = await send(server, 'POST', '/api/counters/schalter-2/open', {
      cookie,
      json: {},
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(form, 403, 'BAD_ORIGIN');
    expect(await counterStatus(server, 'schalter-2')).toBe('closed');
    expectStatus(await send(server, 'POST', '/api/counters/schalter-2/open', { cookie, json: {} }), 200);
    expectStatus(await send(server, 'POST', '/api/counters/schalter-2/close', { cookie, json: {} }), 200);
  });

  test('the server’s own pages (PUBLIC_URL, ALLOWED_ORIGINS) act as before, with or without a body', async () => {
    // testConfig's PUBLIC_URL is http://localhost:3000; the test server allows its own address.
    expectStatus(await send(server, 'POST', '/api/counters/schalter-2/open', { cookie, headers: { origin: server.url } }), 200);
    expectStatus(await send(server, 'POST', '/api/counters/schalter-2/close', { cookie, headers: { origin: 'http://localhost:3000' } }), 200);
  });

  test('requests without a session are not judged by their Origin (kiosks, phones)', async () => {
    const res = await send(server, 'GET', '/api/services', { headers: { origin: 'http://evil.example' } });
    expectStatus(res, 200);
    const services = res.body as Array<{ id: string; open: boolean }>;
    const open = services.find((s) => s.open);
    if (!open) throw new Error('no open service');
    const ticket = await send(server, 'POST', '/api/tickets', { json: { serviceId: open.id, language: 'de' }, headers: { origin: 'http://evil.example' } });
    expect(ticket.status, ticket.text).not.toBe(403);
  });
});

describe('client addresses and staff networks', () => {
  let inside: TestServer; // STAFF_NETWORKS=127.0.0.1/32, no proxy trusted
  let proxied: TestServer; // TRUST_PROXY=127.0.0.1, STAFF_NETWORKS=10.0.0.0/8

  beforeAll(async () => {
    [inside, proxied] = await Promise.all([
      startTestServer({ staffNetworks: ['127.0.0.1/32'] }, MORNING),
      startTestServer({ trustProxy: ['127.0.0.1'], staffNetworks: ['10.0.0.0/8'] }, MORNING),
    ]);
  });
  afterAll(async () => {
    await inside?.close();
    await proxied?.close();
  });

  test('the login answers only from STAFF_NETWORKS', async () => {
    expectError(await login(inside, 'jschulte', { from: '127.0.0.2' }), 403, 'NETWORK_NOT_ALLOWED');
    expectStatus(await login(inside, 'jschulte', { from: '127.0.0.1' }), 200);
  });

  test('a session from inside is worth nothing outside: staff routes 403, public routes as for anyone', async () => {
    const cookie = await inside.login('ayilmaz');
    expectStatus(await send(inside, 'GET', '/api/auth/me', { cookie }), 200);
    expectError(await send(inside, 'GET', '/api/auth/me', { cookie, from: '127.0.0.2' }), 403, 'NETWORK_NOT_ALLOWED');
    expectError(await send(inside, 'GET', '/api/auth/me', { from: '127.0.0.2' }), 403, 'NETWORK_NOT_ALLOWED');
    expectError(await send(inside, 'POST', '/api/counters/schalter-3/open', { cookie, json: {}, from: '127.0.0.2' }), 403, 'NETWORK_NOT_ALLOWED');
    expect(await counterStatus(inside, 'schalter-3')).toBe('closed');
    expectStatus(await send(inside, 'GET', '/api/services', { from: '127.0.0.2' }), 200);
    expectStatus(await send(inside, 'GET', '/api/counters', { from: '127.0.0.2' }), 200);
  });

  test('without TRUST_PROXY, X-Forwarded-For is ignored', async () => {
    expectError(await login(inside, 'jschulte', { from: '127.0.0.2', headers: { 'x-forwarded-for': '127.0.0.1' } }), 403, 'NETWORK_NOT_ALLOWED');
  });

  test('behind a trusted proxy the address in X-Forwarded-For decides; from anyone else the header counts for nothing', async () => {
    // From the proxy (127.0.0.1), for a client in the staff network, and for one on the internet.
    expectStatus(await login(proxied, 'jschulte', { headers: { 'x-forwarded-for': '10.1.2.3' } }), 200);
    expectError(await login(proxied, 'jschulte', { headers: { 'x-forwarded-for': '203.0.113.9' } }), 403, 'NETWORK_NOT_ALLOWED');
    // A client that forges the header in front of the proxy is judged by the address the proxy saw.
    expectError(await login(proxied, 'jschulte', { headers: { 'x-forwarded-for': '10.1.2.3, 203.0.113.9' } }), 403, 'NETWORK_NOT_ALLOWED');
    // The proxy itself, without the header, is not in the staff network.
    expectError(await login(proxied, 'jschulte'), 403, 'NETWORK_NOT_ALLOWED');
    // Not the trusted proxy: its X-Forwarded-For is not believed.
    expectError(await login(proxied, 'jschulte', { from: '127.0.0.2', headers: { 'x-forwarded-for': '10.1.2.3' } }), 403, 'NETWORK_NOT_ALLOWED');
  });
});

describe('configuration', () => {
  test('TRUST_PROXY, STAFF_NETWORKS and ALLOWED_ORIGINS are comma-separated lists, checked at start', () => {
    const config = loadConfig({
      TRUST_PROXY: '127.0.0.1, 10.0.0.0/8',
      STAFF_NETWORKS: 'uniquelocal,loopback',
      ALLOWED_ORIGINS: 'http://server:3000, https://queue.example.org/',
    });
    expect(config.trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(config.staffNetworks).toEqual(['uniquelocal', 'loopback']);
    expect(config.allowedOrigins).toEqual(['http://server:3000', 'https://queue.example.org']);
    const defaults = loadConfig({});
    expect([defaults.trustProxy, defaults.staffNetworks, defaults.allowedOrigins]).toEqual([[], null, []]);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(ConfigError);
    expect(() => loadConfig({ STAFF_NETWORKS: '10.0.0.0/33' })).toThrow(/STAFF_NETWORKS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'http://server:3000/display/' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'server:3000' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
