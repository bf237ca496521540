import type { EventType, LoggedEvent } from '../../domain/events.js';
import type { AppointmentFact } from '../../domain/stats/facts.js';
import { localHour } from '../../domain/stats/local-hour.js';
import { foldTicket, STATS_CHANNEL, type FoldContext, type TicketFacts } from '../../domain/stats/segments.js';
import { businessDate } from '../../domain/time.js';
import type { SiteTx } from '../../store/store.js';
import type { Office } from '../office.js';

/**
 * #16: keeps a site's statistics facts (server/domain/stats/facts.ts) up to
 * date with its event log. It follows the log from the cursor stored with the
 * facts (the seq of the last event projected), in batches, each batch one
 * store transaction of its own: the facts and the cursor move together, so a
 * second process following the same log sees the same, and a rolled-back group
 * takes the batch's facts with its events. A ticket's facts are continued from
 * its rows (segments.ts folds resumably), so no event is read twice.
 *
 * It runs after commits, batched (`delayMs` after the first commit it has not
 * seen), never inside a command's transaction; stats reads call `catchUp()`
 * first, so the figures are current. `rebuild()` drops the facts and projects
 * the whole log again (`npm run stats:rebuild`, after a definition changed).
 */
export interface ProjectionOptions {
  /** Events per transaction while following commits (small: commands wait meanwhile). */
  batch?: number;
  /** How long after a commit the projection runs, collecting the commits meanwhile. */
  delayMs?: number;
  onError?: (err: unknown) => void;
}

export interface ProjectionCounts {
  events: number;
  segments: number;
  refusals: number;
  appointments: number;
}

/** The ticket events the segment facts depend on (segments.ts); the others (notes, estimates, returns, …) change nothing. */
const SEGMENT_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'ticket.issued',
  'ticket.checked_in',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.expired',
  'ticket.transferred',
  'ticket.next_service', // #17 (part B): ends a segment served, opens the next
]);

const DEFAULTS = { batch: 500, delayMs: 250 };
/** A rebuild's batches: larger, it runs on its own. */
const REBUILD_BATCH = 5000;
/** Stale day packs packed per transaction (each reads and writes one office day's segments: ~600 rows). */
const STALE_DAYS = 10;

const projections = new WeakMap<Office, StatsProjection>();

/** The office's projection (one per office, created on first use). */
export function statsProjection(office: Office, options?: ProjectionOptions): StatsProjection {
  let p = projections.get(office);
  if (!p) {
    p = new StatsProjection(office, options);
    projections.set(office, p);
  }
  return p;
}

export class StatsProjection {
  private readonly batch: number;
  private readonly delayMs: number;
  private readonly onError: (err: unknown) => void;
  private tail: Promise<unknown> = Promise.resolve();
  private waiting: Promise<number> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly listener = () => this.schedule();
  private following = false;

  constructor(
    readonly office: Office,
    options: ProjectionOptions = {},
  ) {
    this.batch = options.batch ?? DEFAULTS.batch;
    this.delayMs = options.delayMs ?? DEFAULTS.delayMs;
    this.onError = options.onError ?? (() => undefined);
  }

  /** Follows the office's commits until `stop()`. */
  start(): void {
    if (this.following) return;
    this.following = true;
    this.office.events.on('committed', this.listener);
    this.schedule();
  }

  /** Stops following; resolves when a run under way has ended. */
  async stop(): Promise<void> {
    this.following = false;
    this.office.events.off('committed', this.listener);
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.tail;
  }

  /**
   * Projects every event committed so far (calls at the same time share a
   * run; a call during a run waits for it and runs again). Resolves with the
   * number of events projected.
   */
  catchUp(): Promise<number> {
    if (!this.waiting) {
      const run = this.tail.then(() => {
        this.waiting = null;
        return this.drain(this.batch);
      });
      this.waiting = run;
      this.tail = run.catch(() => undefined);
    }
    return this.waiting;
  }

  /** Drops the site's facts, sets the cursor to 0 and projects the whole log. */
  async rebuild(): Promise<ProjectionCounts> {
    const run = this.tail.then(async () => {
      await this.office.store.transaction(this.office.siteId, (tx) => tx.stats.clear());
      const events = await this.drain(REBUILD_BATCH);
      const counts = await this.office.store.transaction(this.office.siteId, (tx) => tx.stats.counts());
      return { events, ...counts };
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    if (!this.following || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.catchUp().catch(this.onError);
    }, this.delayMs);
    this.timer.unref();
  }

  /** Batches until the log is exhausted; then packs the days left stale by an upgrade (migration 10), a few per transaction. */
  private async drain(limit: number): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.office.now();
      let packed = 0;
      const n = await this.office.store.transaction(this.office.siteId, async (tx) => {
        const projected = await projectBatch(tx, now, limit);
        if (projected < limit) packed = await tx.stats.packStale(STALE_DAYS);
        return projected;
      });
      total += n;
      if (n < limit && packed < STALE_DAYS) return total;
    }
  }
}

/** One batch: the events after the cursor → facts, then the cursor. How many events it projected. */
export async function projectBatch(tx: SiteTx, now: number, limit: number): Promise<number> {
  const from = await tx.stats.cursor();
  const events = await tx.events.after(from, limit);
  const settings = await tx.catalog.settings();
  const tz = settings.timeZone;
  if (events.length > 0) {
    const ticketEvents = new Map<string, LoggedEvent[]>();
    const appointmentIds = new Set<string>();
    for (const e of events) {
      if (e.type === 'appointment.created' || e.type === 'appointment.cancelled' || e.type === 'ticket.checked_in') appointmentIds.add(e.data.appointmentId);
      if (e.ticketId !== null && SEGMENT_EVENTS.has(e.type)) {
        const list = ticketEvents.get(e.ticketId);
        if (list) list.push(e);
        else ticketEvents.set(e.ticketId, [e]);
      }
    }
    // A ticket's kept facts name its appointment: its slot start is needed again at the first call.
    const kept = await tx.stats.ticketFacts([...ticketEvents.keys()]);
    for (const f of kept.values()) if (f.segments[0]?.appointmentId) appointmentIds.add(f.segments[0].appointmentId);
    const appointments = await tx.stats.appointmentFacts([...appointmentIds]);
    const changed = new Set<string>();
    for (const e of events) {
      if (e.type === 'appointment.created') {
        const local = localHour(e.data.startsAt, tz);
        const booked = await tx.appointments.get(e.data.appointmentId);
        appointments.set(e.data.appointmentId, {
          appointmentId: e.data.appointmentId,
          businessDate: local.date,
          hour: local.hour,
          weekday: local.weekday,
          serviceId: e.serviceId ?? booked?.serviceId ?? '',
          language: booked?.language ?? '',
          slotStart: e.data.startsAt,
          status: 'booked',
        });
        changed.add(e.data.appointmentId);
      } else if (e.type === 'appointment.cancelled' || e.type === 'ticket.checked_in') {
        const known = appointments.get(e.data.appointmentId);
        if (!known) continue;
        const next: AppointmentFact =
          e.type === 'ticket.checked_in' ? { ...known, status: 'checked_in', language: e.data.language } : { ...known, status: 'cancelled' };
        appointments.set(e.data.appointmentId, next);
        changed.add(e.data.appointmentId);
      } else if (e.type === 'ticket.refused') {
        const local = localHour(e.at, tz);
        await tx.stats.putRefusal(e.seq, {
          at: e.at,
          businessDate: local.date,
          hour: local.hour,
          weekday: local.weekday,
          serviceId: e.serviceId ?? '',
          reason: e.data.reason,
          channel: STATS_CHANNEL[e.data.channel],
          language: e.data.language,
        });
      }
    }
    for (const id of changed) {
      const fact = appointments.get(id);
      if (fact) await tx.stats.putAppointment(fact);
    }
    const ctx: FoldContext = {
      timeZone: tz,
      earlyGraceMinutes: settings.checkin.earlyGraceMinutes,
      slotStart: (id) => appointments.get(id)?.slotStart ?? null,
    };
    const next: TicketFacts[] = [];
    for (const [id, list] of ticketEvents) {
      const folded = foldTicket(kept.get(id) ?? null, list, ctx);
      if (folded) next.push(folded);
    }
    await tx.stats.putTicketFacts(next);
    await tx.stats.setCursor((events[events.length - 1] as LoggedEvent).seq);
  }
  // An appointment nobody checked in by the end of its day was missed.
  await tx.stats.markMissed(businessDate(now, tz));
  return events.length;
}
