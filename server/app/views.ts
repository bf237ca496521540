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
import { positionOf } from '../domain/queue-policy.js';
import { ticketExpiresAt } from '../domain/ticket-expiry.js';
import { businessDate } from '../domain/time.js';
import { kioskSettings, type OfficeSettings } from '../domain/settings.js';
import type { SiteReader, UserRecord } from '../store/store.js';

/** Everything the read models need about one service at one instant. */
export interface ServiceState {
  service: Service;
  waiting: Ticket[];
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
 * One consistent picture of a site's day, loaded in one unit of work and then
 * read synchronously by the pure core. Only the services in scope get their
 * figures: issuing needs one service, a broadcast all.
 */
export class QueueView {
  readonly today: string;
  /** The day's waiting tickets, in line order. */
  readonly waiting: Ticket[];
  private readonly states = new Map<string, ServiceState>();
  private readonly openById: Map<string, Ticket>;

  private constructor(
    readonly r: SiteReader,
    readonly now: number,
    readonly publicUrl: string,
    readonly settings: OfficeSettings,
    /** The day's waiting, called and serving tickets, in line order. */
    readonly open: Ticket[],
    readonly counters: Counter[],
    readonly services: Service[],
    /** The staff of the open counters, by id. */
    private readonly staff: Map<string, UserRecord>,
    /** Tickets counters hold that are not among today's open ones (left from an earlier day). */
    private readonly held: Map<string, Ticket>,
    private readonly figures: {
      issued: Record<string, number>;
      /** Drawn at kiosks today; loaded only when a service in scope caps the kiosks' share of its contingent. */
      kioskIssued: Record<string, number>;
      durations: Map<string, number[]>;
    },
  ) {
    this.today = businessDate(now, settings.timeZone);
    this.waiting = open.filter((t) => t.status === 'waiting');
    this.openById = new Map(open.map((t) => [t.id, t]));
  }

  static async load(r: SiteReader, now: number, publicUrl: string, scope: ServiceScope = 'all'): Promise<QueueView> {
    const settings = await r.catalog.settings();
    const today = businessDate(now, settings.timeZone);
    const [open, counters, services, issued] = await Promise.all([
      r.tickets.open(today),
      r.catalog.counters(),
      r.catalog.services(),
      r.tickets.issuedCounts(today),
    ]);
    const inScope = scope === 'all' ? services : services.filter((s) => scope.includes(s.id));
    const kiosk = kioskSettings(settings);
    const capped = inScope.some((s) => s.dailyLimit !== null && anonymousShareOf(s.id, kiosk) < 1);
    const kioskIssued = capped ? await r.tickets.kioskIssuedCounts(today) : {};
    const durations = new Map<string, number[]>();
    for (const s of inScope) durations.set(s.id, await r.tickets.recentServiceDurations(s.id, settings.estimate.historySize));
    const staff = new Map<string, UserRecord>();
    const held = new Map<string, Ticket>();
    const openIds = new Set(open.map((t) => t.id));
    for (const c of counters) {
      if (c.userId && !staff.has(c.userId)) {
        const user = await r.staff.user(c.userId);
        if (user) staff.set(user.id, user);
      }
      if (c.currentTicketId && !openIds.has(c.currentTicketId)) {
        const t = await r.tickets.get(c.currentTicketId);
        if (t) held.set(t.id, t);
      }
    }
    return new QueueView(r, now, publicUrl, settings, open, counters, services, staff, held, { issued, kioskIssued, durations });
  }

  /** A ticket of today's open ones, or one a counter holds. */
  heldTicket(id: string): Ticket | null {
    return this.openById.get(id) ?? this.held.get(id) ?? null;
  }

  /** The staff member at an open counter. */
  staffMember(userId: string): UserRecord | null {
    return this.staff.get(userId) ?? null;
  }

  private byService: Map<string, Ticket[]> | null = null;

  /** One pass over the waiting tickets, however many services ask. */
  private waitingByService(): Map<string, Ticket[]> {
    if (this.byService) return this.byService;
    const groups = new Map<string, Ticket[]>();
    for (const t of this.waiting) {
      const list = groups.get(t.serviceId);
      if (list) list.push(t);
      else groups.set(t.serviceId, [t]);
    }
    this.byService = groups;
    return groups;
  }

  private computeState(service: Service): ServiceState {
    const { now, settings } = this;
    const durations = this.figures.durations.get(service.id);
    if (!durations) throw new Error(`the view was loaded without the figures of service ${service.id}`);
    const waiting = this.waitingByService().get(service.id) ?? [];
    const openCounters = this.counters.filter(
      (c) => c.open && (c.primaryServiceIds.includes(service.id) || c.secondaryServiceIds.includes(service.id)),
    ).length;
    const avg = averageServiceMinutes(durations, service.defaultServiceMinutes);
    const estimate = estimateWait(waiting.length, openCounters, avg, settings.estimate);
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
      waiting,
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
        waiting: s.waiting.length,
        estimate: s.estimate,
        priorityEnabled: s.service.priorityEnabled,
        closesAt: s.closesAt,
      }));
  }

  queueStats(): ServiceQueueStats[] {
    return this.serviceStates().map((s) => ({
      serviceId: s.service.id,
      waiting: s.waiting.length,
      longestWaitMs: s.waiting.reduce((max, t) => Math.max(max, this.now - t.queuedAt), 0),
      dueAppointments: s.waiting.filter((t) => t.priorityClass === 'appointment' && t.availableAt <= this.now).length,
      estimate: s.estimate,
      open: s.open,
    }));
  }

  position(t: Ticket): number | null {
    if (t.status !== 'waiting') return null;
    return positionOf(t, this.waiting, this.now, this.settings.policy);
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
