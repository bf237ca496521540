import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Device } from '../../common/model.js';
import { agentTokenMatches, newAgentToken } from '../auth/agent-token.js';
import { event } from '../domain/events.js';
import type { Office } from './office.js';

/** Where a kiosk keeps the hash of its print agent's token (device settings). */
const AGENT_TOKEN_SETTING = 'agentTokenHash';

/** A kiosk enrolled for a print agent: its jobs wait for the agent even when none is connected. */
export function hasAgentToken(device: Device): boolean {
  return typeof device.settings[AGENT_TOKEN_SETTING] === 'string';
}

/** The kiosk a print agent may act for, or null for an unknown kiosk or a wrong token. */
export async function authenticateAgent(office: Office, kioskId: string, token: unknown): Promise<string | null> {
  const device = await office.store.read(office.siteId, (r) => r.catalog.device(kioskId));
  if (!device || device.kind !== 'kiosk') return null;
  return agentTokenMatches(token, device.settings[AGENT_TOKEN_SETTING]) ? kioskId : null;
}

/**
 * Admin: a new print agent token for a kiosk, returned once. The previous
 * token stops working; whoever holds the agent connection listens for
 * `device.agent_token_issued` and drops the old agent.
 */
export async function issueAgentToken(office: Office, kioskId: string, user: SessionUser): Promise<string> {
  const { token, hash } = newAgentToken();
  await office.command(async (tx, now) => {
    const device = await tx.catalog.device(kioskId);
    // Staff may learn that a kiosk exists (they see the kiosks anyway); only an admin enrols its agent.
    if (!device || device.kind !== 'kiosk') throw new AppError('NOT_FOUND', 'No kiosk with this id.');
    if (user.role !== 'admin') throw new AppError('FORBIDDEN');
    await tx.catalog.putDevice({ ...device, settings: { ...device.settings, [AGENT_TOKEN_SETTING]: hash } });
    return {
      result: null,
      events: [event('device.agent_token_issued', now, { userId: user.id, data: { kioskId, replaced: hasAgentToken(device) } })],
    };
  });
  return token;
}
