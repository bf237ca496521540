import type {
  PublicCounter,
  PublicService,
  PublicTicket,
  ServiceQueueStats,
  StaffCounter,
  StaffTicket,
} from '../../common/dto.js';
import type { ClosedReason, Counter, Estimate, Service, Ticket } from '../../common/model.js';
import { issuingStatus } from '../domain/capacity.js';
import { averageServiceMinutes, estimateWait } from '../domain/estimate.js';
import { positionOf } from '../domain/queue-policy.js';
import { ticketExpiresAt } from '../domain/ticket-expiry.js';
import { businessDate } from '../domain/time.js';
import type { OfficeSettings } from '../domain/settings.js';
import type { StoreReader } from '../store/store.js';

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

/**
 * One consistent picture of the day's queues within one read. A service's
 * state (estimate, opening, capacity) is worked out on first use only: issuing
 * needs one service, a command's answer none, a broadcast all.
 */
export class QueueView {
  readonly today: string;
  readonly settings: OfficeSettings;
  readonly waiting: Ticket[];
  readonly counters: Counter[];
  private readonly states = new Map<string, ServiceState>();

  constructor(
    readonly r: StoreReader,
    readonly now: number,
    readonly publicUrl: string,
  ) {
    this.settings = r.settings();
    this.today = businessDate(now, this.settings.timeZone);
    this.waiting = r.waitingTickets(this.today);
    this.counters = r.counters();
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
    const { r, now, settings } = this;
    const waiting = this.waitingByService().get(service.id) ?? [];
    const openCounters = this.counters.filter(
      (c) => c.open && (c.primaryServiceIds.includes(service.id) || c.secondaryServiceIds.includes(service.id)),
    ).length;
    const avg = averageServiceMinutes(
      r.recentServiceDurations(service.id, settings.estimate.historySize),
      service.defaultServiceMinutes,
    );
    const estimate = estimateWait(waiting.length, openCounters, avg, settings.estimate);
    const status = issuingStatus({
      service,
      now,
      timeZone: settings.timeZone,
      holidays: settings.holidays,
      issuedToday: r.issuedCount(service.id, this.today),
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
    const service = this.r.service(id);
    if (!service) return undefined;
    const state = this.computeState(service);
    this.states.set(id, state);
    return state;
  }

  serviceStates(): ServiceState[] {
    return this.r.services().map((service) => {
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

  staffTicket(t: Ticket): StaffTicket {
    return { ...t, position: this.position(t) };
  }

  staffCounter(c: Counter): StaffCounter {
    const user = c.userId ? this.r.user(c.userId) : null;
    return { ...c, userName: user ? user.displayName : null };
  }

  publicCounter(c: Counter): PublicCounter {
    const current = c.currentTicketId ? this.r.ticket(c.currentTicketId) : null;
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
