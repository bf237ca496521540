import type { DisplayCall, PublicService } from '../../common/dto.js';
import type { QueueChanged } from '../../common/protocol.js';
import type { Ticket } from '../../common/model.js';
import type { LoggedEvent } from '../domain/events.js';
import { alarmChanges, type AlarmChange } from './alarms.js';
import { touchedBy, type CallOrderCache } from './call-order.js';
import { CALL_EVENTS, displayCall, ticketOf } from './calls.js';
import type { Office } from './office.js';
import type { Unsequenced } from './snapshots.js';

export interface CommittedPushes {
  /** For staff screens; null when not asked for. */
  queue: Unsequenced<QueueChanged> | null;
  alarms: AlarmChange[];
}

export const isCall = (e: LoggedEvent): boolean => (CALL_EVENTS as readonly string[]).includes(e.type);

/**
 * The calls and recalls of a committed batch as the waiting-room screens show
 * them, read after the commit on their own (#14: they go out before the
 * staff's push is worked out). Only the called tickets are read.
 */
export function callPushes(office: Office, events: readonly LoggedEvent[]): Promise<DisplayCall[]> {
  const called = events.filter(isCall);
  if (called.length === 0) return Promise.resolve([]);
  return office.view(async (v) => {
    const calls: DisplayCall[] = [];
    for (const e of called) {
      const call = displayCall(v, e, await ticketOf(v, e));
      if (call) calls.push(call);
    }
    return calls;
  }, []);
}

/**
 * What one committed batch changes on the staff's screens, read in one view
 * after the commit. The queue's state (with every open counter's call order, the costly
 * part, kept between batches in `orders`) is worked out once per batch, and
 * only when `queue` is asked for.
 */
export function committedPushes(
  office: Office,
  events: readonly LoggedEvent[],
  want: { queue: boolean },
  orders: CallOrderCache,
): Promise<CommittedPushes> {
  // Staff get every ticket the batch names (callPushes reads the called ones for the screens).
  const ticketIds = want.queue ? [...new Set(events.map((e) => e.ticketId).filter((id) => id !== null))] : [];
  return office.view(async (v) => {
    const tickets = new Map<string, Ticket>();
    for (const id of ticketIds) {
      const t = await v.r.tickets.get(id);
      if (t) tickets.set(id, t);
    }
    return {
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
