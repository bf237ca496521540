import type { Ticket } from '../../../common/model.js';

const isOpen = (t: Ticket) => t.status === 'waiting' || t.status === 'called' || t.status === 'serving';

/** Same order as the SQL it replaces: place in line, then number. */
const byQueue = (a: Ticket, b: Ticket) => a.queuedAt - b.queuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/** One site's open tickets of one business date, as the connection sees them. */
interface Day {
  siteId: string;
  date: string;
  tickets: Map<string, Ticket>;
  /** The tickets in line order, rebuilt only after the day changed. */
  sorted: Ticket[] | null;
}

const keyOf = (siteId: string, date: string) => `${siteId}\u0000${date}`;

/**
 * The day's open tickets (waiting, called, serving) of every site, kept in
 * memory. Every queue view needs them, and reading hundreds of rows per
 * command was most of a command's cost.
 *
 * The cache shows what the connection shows. Units of work run one at a time
 * inside a group of units that commits once (sqlite-store.ts): a unit's own
 * writes are held apart while it runs (`beginUnit`) and join the cached days
 * when it ends well (`endUnit(true)`); a unit that fails drops them, and the
 * days it loaded (their rows held its writes). When the group's COMMIT fails,
 * the database drops every unit's writes and so does the cache: `dropAll`
 * forgets every day, and the next read loads it from the file again.
 */
export class OpenTicketCache {
  private readonly days = new Map<string, Day>();
  /** Writes of the running unit per site, by ticket id; null between units. */
  private unitWrites: Map<string, Map<string, Ticket>> | null = null;
  /** Days first read inside the running unit: the database showed its uncommitted writes. */
  private loadedInUnit: string[] = [];

  constructor(private readonly load: (siteId: string, businessDate: string) => Ticket[]) {}

  beginUnit(): void {
    this.unitWrites = new Map();
    this.loadedInUnit = [];
  }

  /** The running unit ended: its writes join the days (`ok`), or are dropped with what it loaded. */
  endUnit(ok: boolean): void {
    if (ok) {
      for (const [siteId, writes] of this.unitWrites ?? []) {
        for (const t of writes.values()) {
          const day = this.days.get(keyOf(siteId, t.businessDate));
          if (!day) continue; // not loaded yet: the next read loads it from the database
          if (isOpen(t)) day.tickets.set(t.id, t);
          else day.tickets.delete(t.id);
          day.sorted = null;
        }
      }
    } else {
      for (const key of this.loadedInUnit) this.days.delete(key);
    }
    this.unitWrites = null;
    this.loadedInUnit = [];
  }

  /** Forgets every day: the group's commit failed, so what its units wrote is gone from the file. */
  dropAll(): void {
    this.days.clear();
  }

  /** Records a ticket written by the running unit. */
  written(siteId: string, t: Ticket): void {
    if (!this.unitWrites) return;
    let writes = this.unitWrites.get(siteId);
    if (!writes) {
      writes = new Map();
      this.unitWrites.set(siteId, writes);
    }
    writes.set(t.id, t);
  }

  open(siteId: string, businessDate: string): Ticket[] {
    const day = this.day(siteId, businessDate);
    const writes = this.unitWrites?.get(siteId);
    let mine: Ticket[] | null = null;
    for (const t of writes?.values() ?? []) if (t.businessDate === businessDate) (mine ??= []).push(t);
    if (!mine) return (day.sorted ??= [...day.tickets.values()].sort(byQueue)).slice();
    const merged = new Map(day.tickets);
    for (const t of mine) {
      if (isOpen(t)) merged.set(t.id, t);
      else merged.delete(t.id);
    }
    return [...merged.values()].sort(byQueue);
  }

  private day(siteId: string, date: string): Day {
    const key = keyOf(siteId, date);
    let day = this.days.get(key);
    if (!day) {
      day = { siteId, date, tickets: new Map(this.load(siteId, date).map((t) => [t.id, t])), sorted: null };
      this.days.set(key, day);
      if (this.unitWrites) this.loadedInUnit.push(key);
      // Only today and yesterday matter; older days are closed by the day-end job.
      const ofSite = [...this.days.values()].filter((d) => d.siteId === siteId).sort((a, b) => (a.date < b.date ? -1 : 1));
      let cached = ofSite.length;
      for (const d of ofSite) {
        if (cached <= 2 || d.date >= date) break;
        this.days.delete(keyOf(siteId, d.date));
        cached--;
      }
    }
    return day;
  }
}
