import type { DisplayCall } from '../../common/dto.js';
import type { Ticket } from '../../common/model.js';
import type { LoggedEvent } from '../domain/events.js';
import { startOfDay } from '../domain/time.js';
import type { Office } from './office.js';
import type { QueueView } from './views.js';

export const CALL_EVENTS = ['ticket.called', 'ticket.recalled'] as const;

/**
 * Only today's latest calls are announced: as many as a display shows in its
 * history (DISPLAY_HISTORY_SIZE), so every call a screen holds can be spoken,
 * and no client can have the server speak the whole day's numbers.
 */
export const ANNOUNCEMENT_LOOKBACK_CALLS = 40;

/** A call event as screens show it; `ticket` is the event's ticket. */
export function displayCall(v: QueueView, e: LoggedEvent, ticket: Ticket | null): DisplayCall | null {
  const counter = v.counters.find((c) => c.id === e.counterId);
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
  return office.view(async (v) => {
    const since = startOfDay(v.today, v.settings.timeZone);
    const event = (await v.r.events.latest(CALL_EVENTS, ANNOUNCEMENT_LOOKBACK_CALLS, since)).find(
      (e) => e.data.number === number && (at === undefined || e.at === at),
    );
    return event ? displayCall(v, event, await ticketOf(v, event)) : null;
  }, []);
}


/** The ticket of an event, from the view's open tickets when it is one of them. */
export async function ticketOf(v: QueueView, e: LoggedEvent): Promise<Ticket | null> {
  if (!e.ticketId) return null;
  return v.heldTicket(e.ticketId) ?? (await v.r.tickets.get(e.ticketId));
}
