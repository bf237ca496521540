import type { PublicTicket } from '../../common/dto.js';
import { event } from '../domain/events.js';
import type { Office } from './office.js';

type Shown = Pick<PublicTicket, 'id' | 'serviceId' | 'status' | 'estimate' | 'position'>;

/**
 * What a phone shows of the wait, as a comparable key: the range while the
 * ticket waits (null too: "unknown"), nothing once it is called or closed.
 */
export function shownEstimate(t: Shown): string | null {
  return t.status === 'waiting' ? JSON.stringify(t.estimate) : null;
}

/**
 * Logs the new wait ranges just pushed to visitors' phones, in one
 * transaction, so the estimate's accuracy can be replayed from the log.
 * `ticket.estimate_shown` is record-only (EVENT_CATALOG changesQueue=false):
 * pushers ignore a batch of them, so logging can never cause another push.
 */
export async function recordEstimatesShown(office: Office, shown: readonly Shown[]): Promise<void> {
  if (shown.length === 0) return;
  await office.command((_tx, now) =>
    Promise.resolve({
      result: undefined,
      events: shown.map((t) =>
        event('ticket.estimate_shown', now, {
          ticketId: t.id,
          serviceId: t.serviceId,
          data: { estimate: t.estimate, position: t.position },
        }),
      ),
    }),
  );
}
