import type { DisplayCall } from '../../common/dto.js';
import type { LoggedEvent } from '../domain/events.js';
import type { QueueView } from './views.js';

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

