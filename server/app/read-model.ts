import type { Ticket } from '../../common/model.js';
import type { LoggedEvent } from '../domain/events.js';
import type { OfficeSettings, PolicySettings } from '../domain/settings.js';
import { businessDate } from '../domain/time.js';
import { WaitingLine } from '../domain/waiting-line.js';
import type { SiteReader } from '../store/store.js';
import { CatalogCache, rawCatalog } from './catalog-cache.js';

const isOpen = (t: Ticket) => t.status === 'waiting' || t.status === 'called' || t.status === 'serving';

/** Place in line, then number: the order staff screens list the day's open tickets in. */
const byQueue = (a: Ticket, b: Ticket) => a.queuedAt - b.queuedAt || (a.number < b.number ? -1 : a.number > b.number ? 1 : 0);

/** Further behind than this many events, loading the day afresh is cheaper than following them. */
const CATCH_UP_LIMIT = 256;

/** What the model is kept for: the office day and the rules that order its line. */
export interface ModelBasis {
  today: string;
  policy: PolicySettings;
  historySize: number;
}

export function modelBasis(settings: OfficeSettings, now: number): ModelBasis {
  return { today: businessDate(now, settings.timeZone), policy: settings.policy, historySize: settings.estimate.historySize };
}

/**
 * One site's day as every view needs it, kept up to date per committed event
 * instead of worked out from the whole queue per view: the open tickets, the
 * waiting line (call order and places in line as lookups) and each service's
 * recent service durations.
 *
 * It follows the site's event log by sequence number. Each command applies its
 * own events at the end of its unit of work, right after appending them (`apply`,
 * with the tickets it wrote; a failed group invalidates the model); every unit of
 * work first compares the log's last number with the model's (`sync`): behind
 * (another process, or a commit whose `apply` has not run yet) it follows the
 * missing events and re-reads the tickets they name; ahead (a write it saw was
 * rolled back), or far behind, a new day or a new policy, it loads afresh.
 */
export class SiteModel {
  /** Seq of the last event applied; -1 before the first load. */
  private seq = -1;
  private basis: ModelBasis | null = null;
  private policyKey = '';
  private line: WaitingLine | null = null;
  private readonly open = new Map<string, Ticket>();
  private sorted: Ticket[] | null = null;
  /** Recent service durations per service, newest first; loaded on first use. */
  private readonly durations = new Map<string, number[]>();
  /** Loads, for the tests and the bench. */
  rebuilds = 0;
  /** The site's settings, areas, services and counters, following the same events (catalog-cache.ts). */
  readonly catalog = new CatalogCache();

  /**
   * Brings the model to the state `r` sees, with the settings from the catalog
   * copy (read again when the events it followed changed them), and returns those settings.
   */
  async ready(r: SiteReader, now: number): Promise<OfficeSettings> {
    const raw = rawCatalog(r.catalog);
    const settings = await this.catalog.settings(raw);
    await this.sync(r, modelBasis(settings, now));
    const current = await this.catalog.settings(raw);
    if (current !== settings) await this.sync(r, modelBasis(current, now));
    return current;
  }

  /** Brings the model to the state `r` sees; call at the start of every unit of work that reads it. */
  async sync(r: SiteReader, basis: ModelBasis): Promise<void> {
    const latest = await r.events.lastSeq();
    if (!this.basis || basis.today !== this.basis.today || basis.historySize !== this.basis.historySize || latest < this.seq) {
      return this.load(r, basis, latest);
    }
    if (JSON.stringify(basis.policy) !== this.policyKey) this.reorder(basis.policy);
    if (latest === this.seq) return;
    const events = await r.events.after(this.seq, CATCH_UP_LIMIT + 1);
    if (events.length > CATCH_UP_LIMIT) return this.load(r, basis, latest);
    this.apply(events, await ticketsNamed(r, events));
    // Events of other sites share the numbering: what this site has seen is the log's last.
    this.seq = Math.max(this.seq, latest);
  }

  /**
   * A committed batch of this site's events with the tickets they name as the
   * batch left them. Events the model has seen already (a `sync` in between
   * followed them) change nothing.
   */
  apply(events: readonly LoggedEvent[], tickets: ReadonlyMap<string, Ticket | null>): void {
    const fresh = events.filter((e) => e.seq > this.seq);
    if (fresh.length === 0 || !this.basis) return;
    for (const e of fresh) {
      this.catalog.saw(e);
      if (e.type === 'ticket.finished' && e.serviceId) this.recordDuration(e.serviceId, e.data.serviceMs);
      const t = e.ticketId ? tickets.get(e.ticketId) : undefined;
      if (t) this.put(t);
    }
    this.seq = (fresh[fresh.length - 1] as LoggedEvent).seq;
  }

  /** After a failed unit of work whose writes may have been seen: load afresh at the next sync. */
  invalidate(): void {
    this.basis = null;
  }

  get waiting(): WaitingLine {
    if (!this.line) throw new Error('the site model is read before its first sync');
    return this.line;
  }

  /** A ticket of the day's open ones. */
  openTicket(id: string): Ticket | undefined {
    return this.open.get(id);
  }

  /** The day's waiting, called and serving tickets, by place in line. */
  openTickets(): readonly Ticket[] {
    this.sorted ??= [...this.open.values()].sort(byQueue);
    return this.sorted;
  }

  /** Newest first, at most historySize; null when not loaded yet. */
  recentDurations(serviceId: string): readonly number[] | null {
    return this.durations.get(serviceId) ?? null;
  }

  /** Remembers what the store said about a service's durations (they change only with `ticket.finished`). */
  rememberDurations(serviceId: string, durations: readonly number[]): void {
    this.durations.set(serviceId, [...durations]);
  }

  private recordDuration(serviceId: string, ms: number): void {
    const known = this.durations.get(serviceId);
    if (!known || !this.basis) return;
    known.unshift(ms);
    if (known.length > this.basis.historySize) known.length = this.basis.historySize;
  }

  private put(t: Ticket): void {
    if (this.basis && t.businessDate === this.basis.today && isOpen(t)) this.open.set(t.id, t);
    else this.open.delete(t.id);
    if (this.open.has(t.id)) this.line?.put(t);
    else this.line?.remove(t.id);
    this.sorted = null;
  }

  private async load(r: SiteReader, basis: ModelBasis, latest: number): Promise<void> {
    const tickets = await r.tickets.open(basis.today);
    this.open.clear();
    for (const t of tickets) this.open.set(t.id, t);
    this.sorted = null;
    this.durations.clear();
    this.catalog.drop();
    this.basis = basis;
    this.seq = latest;
    this.reorder(basis.policy);
    this.rebuilds++;
  }

  private reorder(policy: PolicySettings): void {
    this.policyKey = JSON.stringify(policy);
    this.line = new WaitingLine(policy, [...this.open.values()].filter((t) => t.status === 'waiting'));
  }
}

/** The tickets a run of events names, as the store has them now; `known`: some of them as their writer left them. */
export async function ticketsNamed(
  r: SiteReader,
  events: readonly { ticketId: string | null }[],
  known: readonly Ticket[] = [],
): Promise<Map<string, Ticket | null>> {
  const tickets = new Map<string, Ticket | null>(known.map((t) => [t.id, t]));
  for (const e of events) if (e.ticketId && !tickets.has(e.ticketId)) tickets.set(e.ticketId, await r.tickets.get(e.ticketId));
  return tickets;
}
