import type { DeviceTokenIssued, DeviceTokenRevoked, SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Device } from '../../common/model.js';
import { agentTokenMatches, hashToken, newAgentToken } from '../auth/agent-token.js';
import { kioskRate } from '../domain/capacity.js';
import { event } from '../domain/events.js';
import { kioskSettings } from '../domain/settings.js';
import type { KioskDevice } from './kiosks.js';
import type { SiteTx } from '../store/store.js';
import type { Office } from './office.js';
import { can } from './access.js';

/**
 * Kiosks are enrolled devices (#13 part 1). A kiosk holds a secret device
 * token (256 random bits, the print agent's kind of token: only its hash is
 * stored, in the device's settings); anonymous visitors draw tickets only
 * through a kiosk that presents it. Admins issue, rotate and revoke tokens.
 */

/** Where a kiosk keeps the hash of its device token (device settings). */
export const DEVICE_TOKEN_SETTING = 'deviceTokenHash';

/** The `Authorization` scheme a kiosk sends its token with: `Authorization: Device <token>`. */
export const DEVICE_AUTH_SCHEME = 'Device';

/** A kiosk with a device token: it may draw tickets for anonymous visitors. */
export function hasDeviceToken(device: Device): boolean {
  return typeof device.settings[DEVICE_TOKEN_SETTING] === 'string';
}

/** The device settings that enrol a kiosk with this token (for the seed: KIOSK_TOKEN or a random one). */
export function deviceTokenSettings(token: string): Record<string, string> {
  return { [DEVICE_TOKEN_SETTING]: hashToken(token) };
}

/** Whether `token` is the one a device's settings hold (the seed's drift check). */
export function deviceTokenMatches(device: Device, token: string): boolean {
  return agentTokenMatches(token, device.settings[DEVICE_TOKEN_SETTING]);
}

/** The token of an `Authorization: Device <token>` header, or null. */
export function deviceTokenFromHeader(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Device\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The active kiosk a device token belongs to, or null (no token, a wrong one, a revoked one). */
export async function authenticateKiosk(office: Office, token: unknown): Promise<KioskDevice | null> {
  if (typeof token !== 'string' || token === '') return null;
  const devices = await office.store.read(office.siteId, (r) => r.catalog.devices());
  for (const d of devices) {
    if (d.kind === 'kiosk' && agentTokenMatches(token, d.settings[DEVICE_TOKEN_SETTING])) return { ...d, kind: 'kiosk' };
  }
  return null;
}

/** Draw instants per kiosk in the last minute, per office (in memory: a sanity limit need not survive a restart). */
const draws = new WeakMap<Office, Map<string, number[]>>();

/**
 * The per-kiosk sanity limit (the office's `kiosk.ticketsPerMinute` setting):
 * counts this draw, or refuses it with 429 KIOSK_RATE_LIMITED.
 */
export async function countKioskDraw(office: Office, kioskId: string): Promise<void> {
  const settings = await office.store.read(office.siteId, (r) => office.cached(r, office.now()).catalog.settings());
  const perOffice = draws.get(office) ?? new Map<string, number[]>();
  draws.set(office, perOffice);
  const decision = kioskRate(perOffice.get(kioskId) ?? [], office.now(), kioskSettings(settings).ticketsPerMinute);
  perOffice.set(kioskId, decision.recent);
  if (!decision.allowed) {
    // `retryAfter` (seconds) becomes the Retry-After header, as with the HTTP rate limits.
    throw Object.assign(new AppError('KIOSK_RATE_LIMITED'), { retryAfter: Math.ceil(decision.retryAfterMs / 1000) });
  }
}


export function pairingUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/kiosk/?pair=${encodeURIComponent(token)}`;
}

async function adminKiosk(tx: SiteTx, kioskId: string, user: SessionUser): Promise<KioskDevice> {
  const device = await tx.catalog.device(kioskId);
  // As with print agents: staff may learn that a kiosk exists (they see the kiosks anyway); only an admin enrols it.
  if (!device || device.kind !== 'kiosk') throw new AppError('NOT_FOUND', 'No kiosk with this id.');
  if (!can(user, 'devices.tokens')) throw new AppError('FORBIDDEN', 'Only an admin may enrol or revoke kiosks.');
  return { ...device, kind: 'kiosk' };
}

/**
 * Admin: a new device token for a kiosk, returned once with its pairing link.
 * An earlier token stops working at once; the realtime adapter closes the
 * kiosk's open sockets on `device.token_issued`.
 */
export async function issueDeviceToken(office: Office, kioskId: string, user: SessionUser): Promise<DeviceTokenIssued> {
  const { token, hash } = newAgentToken();
  await office.command(async (tx, now) => {
    const device = await adminKiosk(tx, kioskId, user);
    await tx.catalog.putDevice({ ...device, settings: { ...device.settings, [DEVICE_TOKEN_SETTING]: hash } });
    return {
      result: null,
      events: [event('device.token_issued', now, { userId: user.id, data: { kioskId, replaced: hasDeviceToken(device) } })],
    };
  });
  return { kioskId, token, pairingUrl: pairingUrl(office.deps.publicUrl, token) };
}

/** Admin: the kiosk's token stops working at once (its sockets are closed on `device.token_revoked`). */
export async function revokeDeviceToken(office: Office, kioskId: string, user: SessionUser): Promise<DeviceTokenRevoked> {
  return office.command(async (tx, now) => {
    const device = await adminKiosk(tx, kioskId, user);
    const hadToken = hasDeviceToken(device);
    const { [DEVICE_TOKEN_SETTING]: _revoked, ...settings } = device.settings;
    if (hadToken) await tx.catalog.putDevice({ ...device, settings });
    return {
      result: { kioskId, revoked: hadToken },
      events: [event('device.token_revoked', now, { userId: user.id, data: { kioskId, hadToken } })],
    };
  });
}
