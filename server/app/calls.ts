import type { DisplayCall } from '../../common/dto.js';
import type { LoggedEvent } from '../domain/events.js';
import { startOfDay } from '../domain/time.js';
import type { Office } from './office.js';
import type { QueueView } from './views.js';

export const CALL_EVENTS = ['ticket.called', 'ticket.recalled'] as const;

/** Calls further back than this are not announced any more, so the lookup stays small. */
export const ANNOUNCEMENT_LOOKBACK_CALLS = 200;

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

/**
 * Today's latest call of a ticket number (or the call at instant `at`), as
 * screens announce it; null when the number was not called today.
 */
export function todaysCall(office: Office, number: string, at?: number): Promise<DisplayCall | null> {
  return office.view((v) => {
    const since = startOfDay(v.today, v.settings.timeZone);
    const event = v.r
      .latestEvents(CALL_EVENTS, ANNOUNCEMENT_LOOKBACK_CALLS, since)
      .find((e) => e.data.number === number && (at === undefined || e.at === at));
    return event ? displayCall(v, event) : null;
  });
}

