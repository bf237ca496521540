import type { DomainEvent } from '../domain/events.js';
import { applyTicketCommand } from '../domain/ticket-lifecycle.js';
import { businessDate, endOfDay } from '../domain/time.js';
import type { Office } from './office.js';
import { runPurge } from './purge.js';

/**
 * Closes what an ended office day left open: tickets still waiting, called or
 * serving expire (with an event, so statistics see them), and counters let go
 * of them. Runs at start-up and after every local midnight.
 */
export async function closeEndedDays(office: Office): Promise<number> {
  return office.command(async (tx, now) => {
    const settings = await tx.catalog.settings();
    const stale = await tx.tickets.openBefore(businessDate(now, settings.timeZone));
    const events: DomainEvent[] = [];
    for (const ticket of stale) {
      const outcome = applyTicketCommand(ticket, { type: 'expire' }, now, settings.policy);
      if (!outcome.ok) continue;
      await tx.tickets.update(outcome.value.ticket);
      events.push(outcome.value.event);
    }
    const staleIds = new Set(stale.map((t) => t.id));
    for (const counter of await tx.catalog.counters()) {
      if (counter.currentTicketId && staleIds.has(counter.currentTicketId)) await tx.catalog.putCounter({ ...counter, currentTicketId: null });
    }
    return { result: events.length, events };
  });
}

/**
 * Schedules `closeEndedDays` and then the purge (#17, purge.ts) just after each local midnight of the office's
 * time zone, read from the store each time (an admin may change it); the
 * delay is recomputed every day (DST).
 */
export function scheduleDayClose(office: Office, onError: (err: unknown) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = async () => {
    const timeZone = (await office.store.read(office.siteId, (r) => r.catalog.settings())).timeZone;
    if (stopped) return;
    const now = office.now();
    const delay = Math.max(1000, endOfDay(businessDate(now, timeZone), timeZone) - now + 1000);
    timer = setTimeout(() => {
      closeEndedDays(office)
        .catch(onError)
        // #17: the nightly purge, after the day close (its own small units of work).
        .then(() => runPurge(office))
        .catch(onError)
        .finally(() => void arm().catch(onError));
    }, Math.min(delay, 2 ** 31 - 1));
    timer.unref();
  };
  void arm().catch(onError);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
