import type { IssuedTicket } from '../../common/dto.js';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';

/** Small HTTP helpers for the realtime and system tests (real fetch against a real server). */

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export async function api<T = unknown>(
  url: string,
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string; signal?: AbortSignal } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) {
    headers.cookie = opts.cookie;
    // As the server's own page in a browser would: staff requests carry an allowed Origin.
    headers.origin = url;
  } else {
    // Without a session, speak as the test server's paired kiosk (anonymous draws need a device token).
    headers.authorization = `Device ${TEST_KIOSK_TOKEN}`;
  }
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Draws a ticket; fails the test on anything but 201. */
export async function issue(url: string, serviceId: string, language = 'de', cookie?: string): Promise<IssuedTicket> {
  const res = await api<IssuedTicket>(url, 'POST', '/api/tickets', { body: { serviceId, language }, ...(cookie ? { cookie } : {}) });
  if (res.status !== 201) throw new Error(`issue ${serviceId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** POST /api/counters/:id/:action with a staff cookie; the answer is the ticket (or 204, none, after a call-next with nobody waiting). */
export function counterAction<T = unknown>(url: string, cookie: string, counterId: string, action: string, body?: unknown) {
  return api<T>(url, 'POST', `/api/counters/${counterId}/${action}`, { cookie, ...(body !== undefined ? { body } : {}) });
}
