import { rmSync } from 'node:fs';
import type { Static, TSchema } from 'typebox';
import { expect } from 'vitest';
import { ErrorResponseSchema, IssuedTicketSchema } from '../../common/dto-schemas.js';
import type { IssuedTicket } from '../../common/dto.js';
import type { CounterAction } from '../../common/protocol.js';
import { createApp, type App } from '../../server/app.js';
import { TEST_KIOSK_TOKEN, testConfig, type Config } from '../../server/config.js';
import { instantAt } from '../../server/domain/time.js';
import type { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { checked } from '../helpers/checked.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';

/** Shared plumbing for the HTTP tests: a tiny fetch client, error assertions, office time. */

export interface HttpReply<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null when the body is empty or not JSON. */
  body: T;
  text: string;
}

export interface RequestOptions {
  /** Sent JSON-encoded with `content-type: application/json`. */
  json?: unknown;
  /** Sent as is; give `contentType` too unless the test is about a missing one. */
  raw?: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
  cookie?: string;
  headers?: Record<string, string>;
  /**
   * The kiosk's device token sent as `Authorization: Device <token>` when no
   * cookie is: by default the test server's kiosk (anonymous draws come from
   * a paired kiosk); `null` sends none, as an unpaired client would.
   */
  device?: string | null;
}

export async function request(baseUrl: string, method: string, path: string, o: RequestOptions = {}): Promise<HttpReply> {
  const device = o.device === undefined ? TEST_KIOSK_TOKEN : o.device;
  const headers: Record<string, string> = { ...(device && !o.cookie ? { authorization: `Device ${device}` } : {}), ...o.headers };
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (o.json !== undefined) {
    body = JSON.stringify(o.json);
    headers['content-type'] = 'application/json';
  } else if (o.raw !== undefined) {
    body = o.raw;
  }
  if (o.contentType !== undefined) headers['content-type'] = o.contentType;
  if (o.cookie) {
    headers.cookie = o.cookie;
    // As the server's own page in a browser would: staff requests carry an allowed Origin.
    headers.origin ??= baseUrl;
  }
  const res = await fetch(baseUrl + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: parseJson(text), text };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export interface Client {
  get(path: string): Promise<HttpReply>;
  post(path: string, json?: unknown): Promise<HttpReply>;
  del(path: string): Promise<HttpReply>;
  patch(path: string, json: unknown): Promise<HttpReply>;
}

/**
 * A client for one server, optionally carrying a staff session cookie.
 * Without one it speaks as the test server's paired kiosk, unless `device`
 * names another token or is null (an unpaired client).
 */
export function client(server: { url: string }, cookie?: string, device?: string | null): Client {
  const o: RequestOptions = { ...(cookie ? { cookie } : {}), ...(device === undefined ? {} : { device }) };
  return {
    get: (path) => request(server.url, 'GET', path, o),
    post: (path, json) => request(server.url, 'POST', path, json === undefined ? o : { ...o, json }),
    del: (path) => request(server.url, 'DELETE', path, o),
    patch: (path, json) => request(server.url, 'PATCH', path, { ...o, json }),
  };
}

/**
 * The body, checked against a response schema of common/dto-schemas.ts and
 * typed by it: a test reads typed fields, and an answer that breaks its
 * declared schema fails here.
 */
export function bodyOf<S extends TSchema>(schema: S, res: HttpReply): Static<S> {
  return checked(schema, res.body, `body ${res.text}`);
}

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/** A 4xx in the contract's shape: exactly `{"error":{"code","message"}}`, plus `field` when it names an input field (#15). */
export function expectErrorShape(res: HttpReply): void {
  expect(res.status, `status of ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `status of ${res.text.slice(0, 200)}`).toBeLessThan(500);
  const { error } = bodyOf(ErrorResponseSchema, res);
  // Exactly these two fields, and the input field it is about where there is one (#15), nothing else.
  const field = error.field === undefined ? {} : { field: error.field };
  expect(res.body, res.text.slice(0, 300)).toEqual({ error: { code: error.code, message: error.message, ...field } });
  expect(error.code).toMatch(UPPER_SNAKE);
  expect(error.message.length).toBeGreaterThan(0);
}

export function expectError(res: HttpReply, status: number, code: string): void {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  expectErrorShape(res);
  expect(bodyOf(ErrorResponseSchema, res).error.code, res.text.slice(0, 300)).toBe(code);
}

export function expectStatus(res: HttpReply, status: number): void {
  expect(res.status, res.text.slice(0, 300)).toBe(status);
}

export const MIN = 60_000;
/** Seeding and logging in hash passwords (scrypt): slow on a busy machine, so setup hooks get more than the default 10 s. */
export const SETUP_TIMEOUT_MS = 60_000;
export const OFFICE_TZ = 'Europe/Berlin';

/** A local wall-clock time at the office, e.g. officeTime('2026-06-10', '09:00'). */
export function officeTime(date: string, hhmm: string): number {
  return instantAt(date, hhmm, OFFICE_TZ);
}

/** A plain Wednesday morning (no NRW holiday). */
export const WEDNESDAY = '2026-06-10';

/** Posts a counter action; `json` is the body for call/transfer/open. */
export function counterAction(c: Client, counterId: string, action: CounterAction, json?: unknown): Promise<HttpReply> {
  return c.post(`/api/counters/${counterId}/${action}`, json);
}

/** Draws a ticket as a kiosk would (no cookie unless the client has one) and insists on 201. */
export async function issueTicket(
  c: Client,
  serviceId: string,
  extra: { language?: string; priority?: boolean } = {},
): Promise<IssuedTicket> {
  const body = { serviceId, language: extra.language ?? 'de', ...(extra.priority === undefined ? {} : { priority: extra.priority }) };
  const res = await c.post('/api/tickets', body);
  expectStatus(res, 201);
  return bodyOf(IssuedTicketSchema, res);
}

export interface RestartedServer {
  app: App;
  url: string;
  close(): Promise<void>;
}

/**
 * Stops `server` and starts a NEW app on the SAME SQLite file (and clock), as a
 * process restart would. The returned close() also removes the temp dir; do not
 * call `server.close()` afterwards.
 */
export async function restartOnSameFile(server: TestServer, overrides: Partial<Config> = {}): Promise<RestartedServer> {
  const dbFile = (server.app.office.store as SqliteStore).db.name;
  await server.app.close();
  const config = testConfig({ dbFile, adminPassword: ADMIN_PASSWORD, ...overrides });
  const app = await createApp(config, { now: () => server.clock.now });
  await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = app.fastify.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  config.allowedOrigins.push(url);
  return {
    app,
    url,
    async close() {
      await app.close();
      rmSync(server.dir, { recursive: true, force: true });
    },
  };
}

/** A test server on WEDNESDAY at `hhmm`, with a client without a session and one signed in as `username`. */
export async function startOffice(hhmm: string, username: string): Promise<{ server: TestServer; anon: Client; staff: Client }> {
  const server = await startTestServer({}, officeTime(WEDNESDAY, hhmm));
  return { server, anon: client(server), staff: client(server, await server.login(username)) };
}
