import { http } from '../common/client/http.js';
import type { IssuedTicket } from '../common/dto.js';

/** Printing happens before the answer; a slow printer must not look like a dead server. */
export const ISSUE_TIMEOUT_MS = 20_000;

export interface PublicKiosk {
  id: string;
  name: string;
  area: string | null;
}

/** The kiosk's requests; each answer is a value (see HttpResult), so every failure can be shown. */
export const api = {
  issue: (body: { serviceId: string; language: string; priority?: boolean; kioskId?: string }) =>
    http<IssuedTicket>('POST', '/api/tickets', { body, timeoutMs: ISSUE_TIMEOUT_MS }),
  checkIn: (body: { code: string; language: string; kioskId?: string }) =>
    http<IssuedTicket>('POST', '/api/checkin', { body, timeoutMs: ISSUE_TIMEOUT_MS }),
  kiosk: (id: string) => http<PublicKiosk>('GET', `/api/kiosks/${encodeURIComponent(id)}`),
  kiosks: () => http<PublicKiosk[]>('GET', '/api/kiosks'),
};
