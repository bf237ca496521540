import type { DisplayCall, SessionUser } from '../../common/dto.js';
import type { CounterSnapshot, DisplaySnapshot, KioskSnapshot, Sequenced } from '../../common/protocol.js';
import { startOfDay } from '../domain/time.js';
import { openAlarmsIn } from './alarms.js';
import { openCounterCallOrder } from './call-order.js';
import { ANNOUNCEMENT_LOOKBACK_CALLS, CALL_EVENTS, displayCall, ticketOf } from './calls.js';
import type { Office } from './office.js';

/**
 * What a screen gets on connect and after a gap. The socket adapter numbers
 * it (`seq`, `epoch`) with the namespace's sequence as it was before the read,
 * so a push the snapshot already contains may follow it, but none is missed.
 */
export type Unsequenced<S extends Sequenced> = Omit<S, keyof Sequenced>;

/** Calls of all areas together; enough that every area's screen gets its own recent history, and each can be announced. */
export const DISPLAY_HISTORY_SIZE = ANNOUNCEMENT_LOOKBACK_CALLS;

export function displaySnapshot(office: Office): Promise<Unsequenced<DisplaySnapshot>> {
  return office.view(async (v) => {
    const timeZone = v.settings.timeZone;
    const calls: DisplayCall[] = [];
    for (const e of await v.r.events.latest(CALL_EVENTS, DISPLAY_HISTORY_SIZE, startOfDay(v.today, timeZone))) {
      const call = displayCall(v, e, await ticketOf(v, e));
      if (call) calls.push(call);
    }
    return {
      timeZone,
      calls,
      counters: v.counters.map((c) => v.publicCounter(c)),
      services: v.publicServices(),
    };
  });
}

export function kioskSnapshot(office: Office): Promise<Unsequenced<KioskSnapshot>> {
  return office.view((v) => ({ timeZone: v.settings.timeZone, services: v.publicServices() }));
}

/**
 * `callOrder`, when given, is the call order as last pushed: later pushes carry
 * only the counters whose order changed since, so they must apply to it.
 */
export function counterSnapshot(
  office: Office,
  user: SessionUser,
  callOrder: CounterSnapshot['callOrder'] | null = null,
): Promise<Unsequenced<CounterSnapshot>> {
  return office.view(async (v) => ({
    timeZone: v.settings.timeZone,
    user,
    services: v.queueStats(),
    tickets: v.open.map((t) => v.staffTicket(t)),
    counters: v.counters.map((c) => v.staffCounter(c)),
    alarms: await openAlarmsIn(v.r, v.now),
    callOrder: callOrder ?? openCounterCallOrder(v),
  }));
}
