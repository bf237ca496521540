import type { DisplayCall, SessionUser } from '../../common/dto.js';
import { CALL_EVENTS, displayCall } from '../app/calls.js';
import type { CounterSnapshot, DisplaySnapshot, KioskSnapshot, Sequenced } from '../../common/protocol.js';
import type { QueueView } from '../app/views.js';
import { startOfDay } from '../domain/time.js';

/** Calls of all areas together; enough that every area's screen gets its own recent history. */
export const DISPLAY_HISTORY_SIZE = 40;

export function displaySnapshot(v: QueueView, seq: Sequenced): DisplaySnapshot {
  const since = startOfDay(v.today, v.r.settings().timeZone);
  const calls = v.r
    .latestEvents(CALL_EVENTS, DISPLAY_HISTORY_SIZE, since)
    .map((e) => displayCall(v, e))
    .filter((c): c is DisplayCall => c !== null);
  return {
    ...seq,
    timeZone: v.r.settings().timeZone,
    calls,
    counters: v.counters.map((c) => v.publicCounter(c)),
    services: v.publicServices(),
  };
}

export function kioskSnapshot(v: QueueView, seq: Sequenced): KioskSnapshot {
  return { ...seq, timeZone: v.r.settings().timeZone, services: v.publicServices() };
}

export function counterSnapshot(v: QueueView, seq: Sequenced, user: SessionUser): CounterSnapshot {
  return {
    ...seq,
    timeZone: v.r.settings().timeZone,
    user,
    services: v.queueStats(),
    tickets: v.r.openTickets(v.today).map((t) => v.staffTicket(t)),
    counters: v.counters.map((c) => v.staffCounter(c)),
    alarms: [],
    callOrder: {},
  };
}
