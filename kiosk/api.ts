import { http } from '../common/client/http.js';
import type { KioskSettings } from '../common/device-config.js';
import type { IssuedTicket } from '../common/dto.js';
import { deviceHeaders, pageDeviceToken } from './pairing.js';

/** Printing happens before the answer; a slow printer must not look like a dead server. */
export const ISSUE_TIMEOUT_MS = 20_000;

export interface PublicKiosk {
  id: string;
  name: string;
  area: string | null;
}

/** This kiosk's device token (from its pairing link), read once at start-up; null = not paired. */
export const deviceToken: string | null = pageDeviceToken();
const headers = deviceHeaders(deviceToken);

/**
 * The kiosk's requests; each answer is a value (see HttpResult), so every
 * failure can be shown. Each carries the device token: the server prints on
 * the kiosk the token belongs to, and refuses an unpaired one (DEVICE_REQUIRED).
 */
export const api = {
  /** `alsoServiceIds`: the services the visitor needs after the first, in order (#17). */
  issue: (body: { serviceId: string; language: string; priority?: boolean; alsoServiceIds?: string[] }) =>
    http<IssuedTicket>('POST', '/api/tickets', { body, timeoutMs: ISSUE_TIMEOUT_MS, headers }),
  checkIn: (body: { code: string; language: string }) =>
    http<IssuedTicket>('POST', '/api/checkin', { body, timeoutMs: ISSUE_TIMEOUT_MS, headers }),
  /** The kiosk the token belongs to; DEVICE_REQUIRED when it is unpaired or was revoked. */
  me: () => http<PublicKiosk>('GET', '/api/kiosks/me', { headers }),
  /** This kiosk's own settings from its device record (#15): services and languages offered, idle seconds, version. */
  settings: () => http<KioskSettings>('GET', '/api/kiosks/me/settings', { headers }),
};
