import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { HealthSchema, IssuedTicketSchema } from '../../common/dto-schemas.js';
import type { IssuedTicket } from '../../common/dto.js';
import type { PublicPrinterStatus } from '../../common/printing.js';
import { instantAt } from '../../server/domain/time.js';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { checked } from '../helpers/checked.js';
import type { TestServer } from '../helpers/test-server.js';

/** Plumbing for the printing tests: a fetch helper, kiosk printer settings, artifacts. */

export const KIOSK = DEFAULT_KIOSK_ID;
/** Wednesday 10 June 2026, 09:00 at the office: a plain working morning. */
export const WEDNESDAY_9 = instantAt('2026-06-10', '09:00', 'Europe/Berlin');
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else null. */
  body: T;
  bytes: Buffer;
  /** Milliseconds from sending to the full answer. */
  ms: number;
}

export async function api(server: TestServer, method: string, path: string, o: { json?: unknown; cookie?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (o.json !== undefined) headers['content-type'] = 'application/json';
  if (o.cookie) {
    headers.cookie = o.cookie;
    // As the server's own page in a browser would: staff requests carry an allowed Origin.
    headers.origin = server.url;
  } else {
    // Without a session, speak as the test server's paired kiosk (anonymous draws need a device token).
    headers.authorization = `Device ${TEST_KIOSK_TOKEN}`;
  }
  const started = Date.now();
  const res = await fetch(server.url + path, { method, headers, body: o.json === undefined ? undefined : JSON.stringify(o.json) });
  const bytes = Buffer.from(await res.arrayBuffer());
  let body: unknown = null;
  if (res.headers.get('content-type')?.includes('json')) body = JSON.parse(bytes.toString('utf8'));
  return { status: res.status, headers: res.headers, body, bytes, ms: Date.now() - started };
}

const staffCookies = new WeakMap<TestServer, Promise<string>>();
/** An admin session, kept per server; `fresh` signs in again (the test clock may have ended the last one). */
function staffCookie(server: TestServer, fresh = false): Promise<string> {
  const known = (!fresh && staffCookies.get(server)) || server.login('admin');
  staffCookies.set(server, known);
  return known;
}

/**
 * Draws a ticket and insists on 201: the body is the issued ticket. By
 * default at the paired kiosk, as the kiosk app does (it prints on that
 * kiosk's printer). A kiosk prints only on its own printer, so a draw that
 * names another kiosk, or none (`null`: nothing prints), comes from staff.
 */
export async function issueAtKiosk(
  server: TestServer,
  language: string,
  o: { serviceId?: string; kioskId?: string | null } = {},
): Promise<Reply<IssuedTicket>> {
  const json: Record<string, unknown> = { serviceId: o.serviceId ?? 'residence', language };
  const atKiosk = o.kioskId === undefined || o.kioskId === KIOSK;
  if (!atKiosk && o.kioskId) json.kioskId = o.kioskId;
  let res = await api(server, 'POST', '/api/tickets', atKiosk ? { json } : { json, cookie: await staffCookie(server) });
  if (!atKiosk && res.status === 401) res = await api(server, 'POST', '/api/tickets', { json, cookie: await staffCookie(server, true) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res, body: checked(IssuedTicketSchema, res.body) };
}

/** Changes a kiosk's device settings in the store, as an admin would. */
export async function setKioskSettings(server: TestServer, settings: Record<string, unknown>, kioskId = KIOSK): Promise<void> {
  await server.app.office.store.transaction(server.app.office.siteId, async (tx) => {
    const device = await tx.catalog.device(kioskId);
    if (!device) throw new Error(`no device ${kioskId}`);
    await tx.catalog.putDevice({ ...device, settings: { ...device.settings, ...settings } });
  });
}

export function saveArtifact(name: string, bytes: Buffer): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, bytes);
  return path;
}

/** The kiosk's printer as /api/health shows it to anyone. */
export async function printerStatus(server: TestServer, kioskId = KIOSK): Promise<PublicPrinterStatus> {
  const health = await api(server, 'GET', '/api/health');
  expect(health.status).toBe(200);
  const { status, details } = checked(HealthSchema, health.body);
  expect(status).toBe('ok');
  const printer = details.printers.find((p) => p.kioskId === kioskId);
  if (!printer) throw new Error(`no printer status for ${kioskId}`);
  return printer;
}
