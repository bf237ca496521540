import type { FloorPicture } from '../../../common/floor.js';
import { floorPicture, type FloorCounterInput } from '../../domain/stats/floor.js';
import { waitTargetMinutes } from '../../domain/settings.js';
import { startOfDay } from '../../domain/time.js';
import type { SiteReader } from '../../store/store.js';
import { openAlarmsIn } from '../alarms.js';
import type { Office } from '../office.js';
import type { QueueView } from '../views.js';

/** Events read per step while following the log for refusals. */
const FOLLOW_STEP = 1000;

/**
 * Today's `ticket.refused` events per service, counted from the event log. It
 * reads the day's refusals once and then follows the log by seq from where it
 * stopped, so a picture costs the events since the last one, not the whole day.
 * A new office day, or a log that moved back (a rolled-back group commit), counts afresh.
 * Kept in memory only: nothing is stored.
 */
export class RefusedToday {
  private day: string | null = null;
  private seq = 0;
  private counts: Record<string, number> = {};

  async read(r: SiteReader, today: string, timeZone: string): Promise<Readonly<Record<string, number>>> {
    const latest = await r.events.lastSeq();
    const dayStart = startOfDay(today, timeZone);
    if (this.day !== today || latest < this.seq) {
      const counts: Record<string, number> = {};
      for (const e of await r.events.latest(['ticket.refused'], Number.MAX_SAFE_INTEGER, dayStart)) if (e.seq <= latest) countIn(counts, e.serviceId);
      this.counts = counts;
      this.day = today;
      this.seq = latest;
      return { ...counts };
    }
    // Two pictures read at once may follow the same events: each counts only what is past `this.seq` when it gets there.
    let from = this.seq;
    while (from < latest) {
      const events = await r.events.after(from, FOLLOW_STEP, ['ticket.refused']);
      if (this.day !== today) break;
      for (const e of events) if (e.seq > this.seq && e.seq <= latest && e.at >= dayStart) countIn(this.counts, e.serviceId);
      const last = events[events.length - 1];
      from = events.length < FOLLOW_STEP || !last ? latest : Math.min(last.seq, latest);
      this.seq = Math.max(this.seq, from);
    }
    return { ...this.counts };
  }
}

function countIn(counts: Record<string, number>, serviceId: string | null): void {
  if (serviceId !== null) counts[serviceId] = (counts[serviceId] ?? 0) + 1;
}

function counterInput(v: QueueView, c: QueueView['counters'][number]): FloorCounterInput {
  const t = c.currentTicketId ? v.heldTicket(c.currentTicketId) : null;
  return {
    id: c.id,
    name: c.name,
    area: c.area,
    open: c.open,
    primaryServiceIds: c.primaryServiceIds,
    secondaryServiceIds: c.secondaryServiceIds,
    current: t ? { number: t.number, serviceId: t.serviceId, status: t.status, calledAt: t.calledAt, servingAt: t.servingAt } : null,
  };
}

/**
 * The floor now, read in one view: the views' service states (waiting count,
 * estimate), the waiting line's oldest place per service, the counters with the
 * ticket each holds, today's refusals and the open alarms.
 */
export function floorNow(office: Office, refused: RefusedToday): Promise<{ timeZone: string; floor: FloorPicture }> {
  return office.view(async (v) => {
    const timeZone = v.settings.timeZone;
    const floor = floorPicture({
      now: v.now,
      businessDate: v.today,
      waitTargetMinutes: waitTargetMinutes(v.settings),
      services: v.serviceStates().map((s) => ({
        id: s.service.id,
        prefix: s.service.prefix,
        names: s.service.names,
        active: s.service.active,
        waiting: s.waitingCount,
        oldestQueuedAt: v.line.oldestQueuedAt(s.service.id),
        estimate: s.estimate,
      })),
      counters: v.counters.map((c) => counterInput(v, c)),
      refusedToday: await refused.read(v.r, v.today, timeZone),
      alarms: await openAlarmsIn(v.r, v.now),
    });
    return { timeZone, floor };
  });
}
