import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Device } from '../../common/model.js';
import { agentTokenMatches, newAgentToken } from '../auth/agent-token.js';
import { event } from '../domain/events.js';
import type { SiteTx } from '../store/store.js';
import type { Office } from './office.js';
import { can } from './access.js';

/** Where a kiosk keeps the hash of its print agent's token (device settings). */
const AGENT_TOKEN_SETTING = 'agentTokenHash';
/** …and when that token stops working (epoch ms); absent: never. */
const AGENT_TOKEN_EXPIRY_SETTING = 'agentTokenExpiresAt';
/** The longest expiry an admin may choose. */
export const AGENT_TOKEN_MAX_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A kiosk enrolled for a print agent: its jobs wait for the agent even when none is connected. */
export function hasAgentToken(device: Device): boolean {
  return typeof device.settings[AGENT_TOKEN_SETTING] === 'string';
}

/** The kiosk a print agent may act for, or null for an unknown kiosk or a wrong token. */
export async function authenticateAgent(office: Office, kioskId: string, token: unknown): Promise<string | null> {
  const device = await office.store.read(office.siteId, (r) => r.catalog.device(kioskId));
  if (!device || device.kind !== 'kiosk') return null;
  const expiresAt = device.settings[AGENT_TOKEN_EXPIRY_SETTING];
  if (typeof expiresAt === 'number' && expiresAt <= office.now()) return null;
  return agentTokenMatches(token, device.settings[AGENT_TOKEN_SETTING]) ? kioskId : null;
}

/**
 * Admin: a new print agent token for a kiosk, returned once. The previous
 * token stops working; whoever holds the agent connection listens for
 * `device.agent_token_issued` and drops the old agent.
 */
export async function issueAgentToken(
  office: Office,
  kioskId: string,
  user: SessionUser,
  expiresInDays?: number,
): Promise<{ token: string; expiresAt: number | null }> {
  if (expiresInDays !== undefined && (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > AGENT_TOKEN_MAX_DAYS)) {
    throw new AppError('INVALID_INPUT', `expiresInDays must be a whole number from 1 to ${AGENT_TOKEN_MAX_DAYS}.`);
  }
  const { token, hash } = newAgentToken();
  const expiresAt = await office.command(async (tx, now) => {
    const device = await kioskForAdmin(tx, kioskId, user);
    const until = expiresInDays === undefined ? null : now + expiresInDays * DAY_MS;
    const { [AGENT_TOKEN_EXPIRY_SETTING]: _old, ...settings } = device.settings;
    await tx.catalog.putDevice({
      ...device,
      settings: { ...settings, [AGENT_TOKEN_SETTING]: hash, ...(until === null ? {} : { [AGENT_TOKEN_EXPIRY_SETTING]: until }) },
    });
    return {
      result: until,
      events: [event('device.agent_token_issued', now, { userId: user.id, data: { kioskId, replaced: hasAgentToken(device) } })],
    };
  });
  return { token, expiresAt };
}

/**
 * Admin: the kiosk's print agent token stops working, and no new one is
 * issued (a stolen or retired kiosk PC). The connected agent is dropped by
 * whoever listens for `device.agent_token_revoked`. Revoking twice is no error.
 */
export async function revokeAgentToken(office: Office, kioskId: string, user: SessionUser): Promise<void> {
  await office.command(async (tx, now) => {
    const device = await kioskForAdmin(tx, kioskId, user);
    if (!hasAgentToken(device)) return { result: undefined, events: [] };
    const { [AGENT_TOKEN_SETTING]: _hash, [AGENT_TOKEN_EXPIRY_SETTING]: _expiry, ...settings } = device.settings;
    await tx.catalog.putDevice({ ...device, settings });
    return { result: undefined, events: [event('device.agent_token_revoked', now, { userId: user.id, data: { kioskId } })] };
  });
}

async function kioskForAdmin(tx: SiteTx, kioskId: string, user: SessionUser): Promise<Device> {
  const device = await tx.catalog.device(kioskId);
  // Staff may learn that a kiosk exists (they see the kiosks anyway); only an admin enrols its agent.
  if (!device || device.kind !== 'kiosk') throw new AppError('NOT_FOUND', 'No kiosk with this id.');
  if (!can(user, 'printers.agentToken')) throw new AppError('FORBIDDEN');
  return device;
}
