import type { DomainEvent } from '../domain/events.js';
import { applyTicketCommand } from '../domain/ticket-lifecycle.js';
import { businessDate, endOfDay } from '../domain/time.js';
import type { Office } from './office.js';

/**
 * Closes what an ended office day left open: tickets still waiting, called or
 * serving expire (with an event, so statistics see them), and counters let go
 * of them. Runs at start-up and after every local midnight.
 */
export async function closeEndedDays(office: Office): Promise<number> {
  return office.command((tx, now) => {
    const settings = tx.settings();
    const stale = tx.openTicketsBefore(businessDate(now, settings.timeZone));
    const events: DomainEvent[] = [];
    for (const ticket of stale) {
      const outcome = applyTicketCommand(ticket, { type: 'expire' }, now, settings.policy);
      if (!outcome.ok) continue;
      tx.updateTicket(outcome.value.ticket);
      events.push(outcome.value.event);
    }
    const staleIds = new Set(stale.map((t) => t.id));
    for (const counter of tx.counters()) {
      if (counter.currentTicketId && staleIds.has(counter.currentTicketId)) tx.putCounter({ ...counter, currentTicketId: null });
    }
    return { result: events.length, events };
  });
}

/** Schedules `closeEndedDays` just after each local midnight; the delay is recomputed every day (DST). */
export function scheduleDayClose(office: Office, timeZone: () => string, onError: (err: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const now = office.now();
    const delay = Math.max(1000, endOfDay(businessDate(now, timeZone()), timeZone()) - now + 1000);
    timer = setTimeout(() => {
      closeEndedDays(office).catch(onError).finally(arm);
    }, Math.min(delay, 2 ** 31 - 1));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
