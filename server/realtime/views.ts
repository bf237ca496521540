import type { DisplayCall, SessionUser } from '../../common/dto.js';
import type { CounterSnapshot, DisplaySnapshot, KioskSnapshot, Sequenced } from '../../common/protocol.js';
import type { QueueView } from '../app/views.js';
import type { LoggedEvent } from '../domain/events.js';
import { startOfDay } from '../domain/time.js';

/** Calls of all areas together; enough that every area's screen gets its own recent history. */
export const DISPLAY_HISTORY_SIZE = 40;
export const CALL_EVENTS = ['ticket.called', 'ticket.recalled'] as const;

export function displayCall(v: QueueView, e: LoggedEvent): DisplayCall | null {
  const counter = v.counters.find((c) => c.id === e.counterId);
  const ticket = e.ticketId ? v.r.ticket(e.ticketId) : null;
  if (!counter || !ticket) return null;
  return {
    number: ticket.number,
    counterId: counter.id,
    counterName: counter.name,
    area: counter.area,
    serviceId: e.serviceId ?? ticket.serviceId,
    language: ticket.language,
    recall: e.type === 'ticket.recalled',
    at: e.at,
  };
}

export function displaySnapshot(v: QueueView, seq: Sequenced): DisplaySnapshot {
  const since = startOfDay(v.today, v.r.settings().timeZone);
  const calls = v.r
    .latestEvents(CALL_EVENTS, DISPLAY_HISTORY_SIZE, since)
    .map((e) => displayCall(v, e))
    .filter((c): c is DisplayCall => c !== null);
  return {
    ...seq,
    calls,
    counters: v.counters.map((c) => v.publicCounter(c)),
    services: v.publicServices(),
  };
}

export function kioskSnapshot(v: QueueView, seq: Sequenced): KioskSnapshot {
  return { ...seq, services: v.publicServices() };
}

export function counterSnapshot(v: QueueView, seq: Sequenced, user: SessionUser): CounterSnapshot {
  return {
    ...seq,
    user,
    services: v.queueStats(),
    tickets: v.r.openTickets(v.today).map((t) => v.staffTicket(t)),
    counters: v.counters.map((c) => v.staffCounter(c)),
    alarms: [],
    callOrder: {},
  };
}
