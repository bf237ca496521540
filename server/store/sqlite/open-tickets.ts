import type { Ticket } from '../../../common/model.js';

const isOpen = (t: Ticket) => t.status === 'waiting' || t.status === 'called' || t.status === 'serving';

/** Same order as the SQL it replaces: place in line, then number. */
const byQueue = (a: Ticket, b: Ticket) => a.queuedAt - b.queuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/**
 * The day's open tickets (waiting, called, serving) kept in memory. Every
 * queue view needs them, and reading hundreds of rows per command was most of
 * a command's cost. Writes of a running transaction are held apart and only
 * become visible to others when it commits; a rollback drops them.
 */
class DayCache {
  private readonly committed = new Map<string, Map<string, Ticket>>();
  private pending: Map<string, Ticket> | null = null;
  /** Days first read inside the running transaction: the database showed its uncommitted writes. */
  private readonly loadedInTransaction = new Set<string>();
  /** Sorted committed lists, rebuilt only after a day changed. */
  private readonly sorted = new Map<string, Ticket[]>();

  constructor(private readonly load: (businessDate: string) => Ticket[]) {}

  begin(): void {
    this.pending = new Map();
  }

  commit(): void {
    for (const t of this.pending?.values() ?? []) {
      const day = this.committed.get(t.businessDate);
      if (!day) continue; // not loaded yet: the next read loads it from the database
      if (isOpen(t)) day.set(t.id, t);
      else day.delete(t.id);
      this.sorted.delete(t.businessDate);
    }
    this.pending = null;
    this.loadedInTransaction.clear();
  }

  rollback(): void {
    for (const date of this.loadedInTransaction) {
      this.committed.delete(date);
      this.sorted.delete(date);
    }
    this.loadedInTransaction.clear();
    this.pending = null;
  }

  /** Records a ticket written in the running transaction. */
  written(t: Ticket): void {
    this.pending?.set(t.id, t);
  }

  open(businessDate: string): Ticket[] {
    let day = this.committed.get(businessDate);
    if (!day) {
      day = new Map(this.load(businessDate).map((t) => [t.id, t]));
      this.committed.set(businessDate, day);
      if (this.pending) this.loadedInTransaction.add(businessDate);
      // Only today and yesterday matter; older days are closed by the day-end job.
      for (const date of this.committed.keys()) {
        if (date < businessDate && this.committed.size > 2) {
          this.committed.delete(date);
          this.sorted.delete(date);
        }
      }
    }
    if (!this.pending || this.pending.size === 0) {
      let list = this.sorted.get(businessDate);
      if (!list) {
        list = [...day.values()].sort(byQueue);
        this.sorted.set(businessDate, list);
      }
      return list.slice();
    }
    const merged = new Map(day);
    for (const t of this.pending.values()) {
      if (t.businessDate !== businessDate) continue;
      if (isOpen(t)) merged.set(t.id, t);
      else merged.delete(t.id);
    }
    return [...merged.values()].sort(byQueue);
  }
}

/** One DayCache per site: sites never share a ticket, a number or a day. */
export class OpenTicketCache {
  private readonly sites = new Map<string, DayCache>();

  constructor(private readonly load: (siteId: string, businessDate: string) => Ticket[]) {}

  private site(siteId: string): DayCache {
    let cache = this.sites.get(siteId);
    if (!cache) {
      cache = new DayCache((date) => this.load(siteId, date));
      if (this.inTransaction) cache.begin();
      this.sites.set(siteId, cache);
    }
    return cache;
  }

  private inTransaction = false;

  begin(): void {
    this.inTransaction = true;
    for (const c of this.sites.values()) c.begin();
  }

  commit(): void {
    this.inTransaction = false;
    for (const c of this.sites.values()) c.commit();
  }

  rollback(): void {
    this.inTransaction = false;
    for (const c of this.sites.values()) c.rollback();
  }

  written(siteId: string, t: Ticket): void {
    this.site(siteId).written(t);
  }

  open(siteId: string, businessDate: string): Ticket[] {
    return this.site(siteId).open(businessDate);
  }
}
