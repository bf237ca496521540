import type { DisplayCall, PublicService } from '../../common/dto.js';
import type { QueueChanged } from '../../common/protocol.js';
import type { Ticket } from '../../common/model.js';
import type { LoggedEvent } from '../domain/events.js';
import { alarmChanges, type AlarmChange } from './alarms.js';
import { touchedBy, type CallOrderCache } from './call-order.js';
import { CALL_EVENTS, displayCall } from './calls.js';
import type { Office } from './office.js';
import type { Unsequenced } from './snapshots.js';

export interface CommittedPushes {
  /** For the waiting-room screens, one per call or recall. */
  calls: DisplayCall[];
  /** For staff screens; null when not asked for. */
  queue: Unsequenced<QueueChanged> | null;
  alarms: AlarmChange[];
}

const isCall = (e: LoggedEvent) => (CALL_EVENTS as readonly string[]).includes(e.type);

/**
 * What one committed batch changes on the screens, read in one view after the
 * commit. The queue's state (with every open counter's call order, the costly
 * part, kept between batches in `orders`) is worked out once per batch, and
 * only when `queue` is asked for.
 */
export function committedPushes(
  office: Office,
  events: readonly LoggedEvent[],
  want: { queue: boolean },
  orders: CallOrderCache,
): Promise<CommittedPushes> {
  // Staff get every ticket the batch names; screens only the called ones (a batch of logged
  // estimates names thousands and shows on no screen).
  const ticketIds = [...new Set((want.queue ? events : events.filter(isCall)).map((e) => e.ticketId).filter((id) => id !== null))];
  return office.view(async (v) => {
    const tickets = new Map<string, Ticket>();
    for (const id of ticketIds) {
      const t = await v.r.tickets.get(id);
      if (t) tickets.set(id, t);
    }
    return {
      calls: events
        .filter(isCall)
        .map((e) => displayCall(v, e, e.ticketId ? (tickets.get(e.ticketId) ?? null) : null))
        .filter((c) => c !== null),
      queue: want.queue
        ? {
            tickets: [...tickets.values()].map((t) => v.staffTicket(t)),
            counters: v.counters.map((c) => v.staffCounter(c)),
            services: v.queueStats(),
            callOrder: orders.orders(v, touchedBy(tickets, events)),
          }
        : null,
      alarms: await alarmChanges(v.r, events),
    };
  });
}

/** The services as kiosks and screens show them. */
export function publicServices(office: Office): Promise<PublicService[]> {
  return office.view((v) => v.publicServices());
}
