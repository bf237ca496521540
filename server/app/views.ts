import type {
  PublicCounter,
  PublicService,
  PublicTicket,
  ServiceQueueStats,
  StaffCounter,
  StaffTicket,
} from '../../common/dto.js';
import type { ClosedReason, Counter, Estimate, Service, Ticket } from '../../common/model.js';
import { anonymousShareOf, issuingStatus } from '../domain/capacity.js';
import { averageServiceMinutes, estimateWait } from '../domain/estimate.js';
import { ticketExpiresAt } from '../domain/ticket-expiry.js';
import { businessDate } from '../domain/time.js';
import { kioskSettings, type OfficeSettings } from '../domain/settings.js';
import type { WaitingLine } from '../domain/waiting-line.js';
import type { SiteReader, UserRecord } from '../store/store.js';
import { rawCatalog } from './catalog-cache.js';
import type { SiteModel } from './read-model.js';

/** Everything the views need about one service at one instant. */
export interface ServiceState {
  service: Service;
  /** Its waiting tickets, those sent to a named counter included. */
  waitingCount: number;
  openCounters: number;
  avgServiceMinutes: number;
  /** Estimate for a ticket drawn now (everyone waiting is ahead). */
  estimate: Estimate | null;
  open: boolean;
  closedReason: ClosedReason | null;
  closesAt: number | null;
}

/** Which services' figures (estimate, opening, capacity) a view works out: all, or the ones named. */
export type ServiceScope = 'all' | readonly string[];

/**
 * One consistent picture of a site's day for one unit of work, read
 * synchronously by the pure core. The queue itself comes from the site's read
 * model (lookups, not a pass over the queue); the catalog and the counters are
 * read from the store. Only the services in scope get their figures: issuing
 * needs one service, a broadcast all.
 */
export class QueueView {
  readonly today: string;
  private readonly states = new Map<string, ServiceState>();

  private constructor(
    readonly r: SiteReader,
    readonly now: number,
    readonly publicUrl: string,
    readonly settings: OfficeSettings,
    private readonly model: SiteModel,
    readonly counters: Counter[],
    readonly services: Service[],
    private readonly people: {
      /** The staff of the open counters, by id. */
      staff: Map<string, UserRecord>;
      /** Tickets counters hold that are not among today's open ones (left from an earlier day). */
      held: Map<string, Ticket>;
    } | null,
    private readonly figures: {
      issued: Record<string, number>;
      /** Drawn at kiosks today; loaded only when a service in scope caps the kiosks' share of its contingent. */
      kioskIssued: Record<string, number>;
      durations: Map<string, readonly number[]>;
    },
  ) {
    this.today = businessDate(now, settings.timeZone);
  }

  /**
   * `people`: the staff of the open counters and the tickets counters hold, for
   * the views that show counters; a view for one visitor's ticket does without.
   */
  static async load(r: SiteReader, model: SiteModel, now: number, publicUrl: string, scope: ServiceScope = 'all', people = true): Promise<QueueView> {
    const settings = await model.ready(r, now);
    const today = businessDate(now, settings.timeZone);
    const raw = rawCatalog(r.catalog);
    const counters = [...(await model.catalog.counters(raw)).list];
    const services = [...(await model.catalog.services(raw)).list];
    const issued = await r.tickets.issuedCounts(today);
    const inScope = scope === 'all' ? services : services.filter((s) => scope.includes(s.id));
    const kiosk = kioskSettings(settings);
    const capped = inScope.some((s) => s.dailyLimit !== null && anonymousShareOf(s.id, kiosk) < 1);
    const kioskIssued = capped ? await r.tickets.kioskIssuedCounts(today) : {};
    const durations = new Map<string, readonly number[]>();
    for (const s of inScope) {
      let known = model.recentDurations(s.id);
      if (!known) {
        known = await r.tickets.recentServiceDurations(s.id, settings.estimate.historySize);
        model.rememberDurations(s.id, known);
      }
      durations.set(s.id, known);
    }
    const staff = new Map<string, UserRecord>();
    const held = new Map<string, Ticket>();
    for (const c of people ? counters : []) {
      if (c.userId && !staff.has(c.userId)) {
        const user = await r.staff.user(c.userId);
        if (user) staff.set(user.id, user);
      }
      if (c.currentTicketId && !model.openTicket(c.currentTicketId)) {
        const t = await r.tickets.get(c.currentTicketId);
        if (t) held.set(t.id, t);
      }
    }
    return new QueueView(r, now, publicUrl, settings, model, counters, services, people ? { staff, held } : null, { issued, kioskIssued, durations });
  }

  /** The day's waiting tickets in an ordered structure: call orders, places in line. */
  get line(): WaitingLine {
    return this.model.waiting;
  }

  /** The day's waiting, called and serving tickets, in line order. */
  get open(): readonly Ticket[] {
    return this.model.openTickets();
  }

  /** How many tickets wait: for one service, or in all. */
  waitingCount(serviceId?: string): number {
    return serviceId === undefined ? this.line.size : this.line.count(serviceId);
  }

  /** A ticket of today's open ones, or one a counter holds. */
  heldTicket(id: string): Ticket | null {
    return this.model.openTicket(id) ?? this.loadedPeople().held.get(id) ?? null;
  }

  /** The staff member at an open counter. */
  staffMember(userId: string): UserRecord | null {
    return this.loadedPeople().staff.get(userId) ?? null;
  }

  private loadedPeople(): NonNullable<QueueView['people']> {
    if (!this.people) throw new Error('this view was loaded without the counters\' staff and tickets');
    return this.people;
  }

  private computeState(service: Service): ServiceState {
    const { now, settings } = this;
    const durations = this.figures.durations.get(service.id);
    if (!durations) throw new Error(`the view was loaded without the figures of service ${service.id}`);
    const waitingCount = this.line.count(service.id);
    const openCounters = this.counters.filter(
      (c) => c.open && (c.primaryServiceIds.includes(service.id) || c.secondaryServiceIds.includes(service.id)),
    ).length;
    const avg = averageServiceMinutes(durations, service.defaultServiceMinutes);
    const estimate = estimateWait(waitingCount, openCounters, avg, settings.estimate);
    const status = issuingStatus({
      service,
      now,
      timeZone: settings.timeZone,
      holidays: settings.holidays,
      issuedToday: this.figures.issued[service.id] ?? 0,
      // The status anyone sees is the kiosks' (staff may issue past it anyway).
      anonymous: { issuedToday: this.figures.kioskIssued[service.id] ?? 0, share: anonymousShareOf(service.id, kioskSettings(settings)) },
      estimate,
    });
    return {
      service,
      waitingCount,
      openCounters,
      avgServiceMinutes: avg,
      estimate,
      open: status.open,
      closedReason: status.open ? null : status.reason,
      closesAt: status.open ? status.closesAt : null,
    };
  }

  serviceState(id: string): ServiceState | undefined {
    const known = this.states.get(id);
    if (known) return known;
    const service = this.services.find((x) => x.id === id);
    if (!service) return undefined;
    const state = this.computeState(service);
    this.states.set(id, state);
    return state;
  }

  serviceStates(): ServiceState[] {
    return this.services.map((service) => {
      const known = this.states.get(service.id);
      if (known) return known;
      const state = this.computeState(service);
      this.states.set(service.id, state);
      return state;
    });
  }

  publicServices(): PublicService[] {
    return this.serviceStates()
      .filter((s) => s.service.active)
      .map((s) => ({
        id: s.service.id,
        prefix: s.service.prefix,
        names: s.service.names,
        icon: s.service.icon,
        open: s.open,
        closedReason: s.closedReason,
        waiting: s.waitingCount,
        estimate: s.estimate,
        priorityEnabled: s.service.priorityEnabled,
        closesAt: s.closesAt,
      }));
  }

  queueStats(): ServiceQueueStats[] {
    return this.serviceStates().map((s) => ({
      serviceId: s.service.id,
      waiting: s.waitingCount,
      longestWaitMs: Math.max(0, this.now - (this.line.oldestQueuedAt(s.service.id) ?? this.now)),
      dueAppointments: this.line.dueAppointments(s.service.id, this.now),
      estimate: s.estimate,
      open: s.open,
    }));
  }

  position(t: Ticket): number | null {
    return this.line.position(t);
  }

  ticketEstimate(t: Ticket, position: number | null): Estimate | null {
    if (position === null) return null;
    const s = this.serviceState(t.serviceId);
    if (!s) return null;
    return estimateWait(position - 1, s.openCounters, s.avgServiceMinutes, this.settings.estimate);
  }

  publicTicket(t: Ticket): PublicTicket {
    const position = this.position(t);
    const counter = t.counterId ? this.counters.find((c) => c.id === t.counterId) : undefined;
    const showCounter = t.status === 'called' || t.status === 'serving';
    return {
      id: t.id,
      number: t.number,
      serviceId: t.serviceId,
      language: t.language,
      status: t.status,
      position,
      estimate: this.ticketEstimate(t, position),
      issuedAt: t.issuedAt,
      appointmentAt: t.priorityClass === 'appointment' ? t.dueAt : null,
      calledAt: t.calledAt,
      counterName: showCounter && counter ? counter.name : null,
      transferredFrom: t.transferredFrom,
      nextServiceIds: t.nextServiceIds,
      statusUrl: statusUrl(this.publicUrl, t.id),
      expiresAt: ticketExpiresAt(t, this.settings.timeZone),
    };
  }

  /** Without the id: the visitor's token never reaches staff screens (`ref` names the ticket there). */
  staffTicket(t: Ticket): StaffTicket {
    const { id: _token, ...rest } = t;
    return { ...rest, position: this.position(t) };
  }

  staffCounter(c: Counter): StaffCounter {
    const user = c.userId ? this.staffMember(c.userId) : null;
    const { currentTicketId, ...rest } = c;
    const current = currentTicketId ? this.heldTicket(currentTicketId) : null;
    return { ...rest, currentTicketRef: current ? current.ref : null, userName: user ? user.displayName : null };
  }

  publicCounter(c: Counter): PublicCounter {
    const current = c.currentTicketId ? this.heldTicket(c.currentTicketId) : null;
    return {
      id: c.id,
      name: c.name,
      area: c.area,
      serviceIds: [...c.primaryServiceIds, ...c.secondaryServiceIds],
      open: c.open,
      currentTicket: current ? { number: current.number, status: current.status } : null,
    };
  }
}

export function statusUrl(publicUrl: string, ticketId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/t/${ticketId}`;
}
