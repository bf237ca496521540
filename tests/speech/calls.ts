import { TEST_KIOSK_TOKEN } from '../../server/config.js';
/** Drawing and calling tickets over the real HTTP API, for the speech and display tests. */

export interface Called {
  id: string;
  number: string;
}

async function post(url: string, path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    // Without a session, as the test server's paired kiosk (anonymous draws need its device token).
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : { authorization: `Device ${TEST_KIOSK_TOKEN}` }) },
    body: JSON.stringify(body),
  });
}

export async function drawTicket(url: string, serviceId: string, language: string): Promise<Called> {
  const res = await post(url, '/api/tickets', { serviceId, language });
  if (res.status !== 201) throw new Error(`draw ${serviceId}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Called;
}

export async function counterAction(url: string, cookie: string, counterId: string, action: string, body: unknown = {}): Promise<Response> {
  const res = await post(url, `/api/counters/${counterId}/${action}`, body, cookie);
  if (res.status >= 300) throw new Error(`${action} at ${counterId}: ${res.status} ${await res.text()}`);
  return res;
}

/** Calls a specific ticket at a counter (which must be open and free). */
export async function callTicket(url: string, cookie: string, counterId: string, ticketId: string): Promise<void> {
  await counterAction(url, cookie, counterId, 'call', { ticketId });
}

/** Frees a counter whose visitor came and was served. */
export async function serve(url: string, cookie: string, counterId: string): Promise<void> {
  await counterAction(url, cookie, counterId, 'start');
  await counterAction(url, cookie, counterId, 'finish');
}
