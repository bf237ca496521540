import { EventEmitter } from 'node:events';
import type { PublicTicket, SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Appointment, PriorityClass, Ticket, TicketChannel } from '../../common/model.js';
import { checkIn } from '../domain/check-in.js';
import { event, type DomainEvent, type EventPayloads, type LoggedEvent } from '../domain/events.js';
import { formatTicketNumber } from '../domain/numbering.js';
import { businessDate } from '../domain/time.js';
import type { WaitingLine } from '../domain/waiting-line.js';
import { StorageError, type CatalogWriter, type QueueStore, type SiteReader, type SiteTx } from '../store/store.js';
import { keyedEvents, keyedTicket, keyedTickets } from './actors.js';
import { applyToTicket } from './apply.js';
import { newBookingCode, newId, newTicketRef, newToken, normaliseBookingCode } from './ids.js';
import { liveTicket } from './live-ticket.js';
import { CachedCatalog } from './catalog-cache.js';
import { refusalOf } from './refusals.js';
import { SiteModel, ticketsNamed } from './read-model.js';
import { QueueView, type ServiceScope, type ServiceState } from './views.js';

export interface IssueInput {
  serviceId: string;
  language: string;
  priority?: boolean;
  /** #17 "I also need…": further services of the visit, in order (at most two, each once). */
  alsoServiceIds?: readonly string[];
  /** Set when a staff session issues: staff may issue past capacity limits. */
  staff?: SessionUser | null;
  channel?: TicketChannel;
}

export interface AppointmentInput {
  serviceId: string;
  startsAt: number;
  language?: string | null;
}

/** Bookings far in the past or future are typing mistakes, not appointments. */
const APPOINTMENT_PAST_LIMIT_MS = 24 * 60 * 60 * 1000;
const APPOINTMENT_FUTURE_LIMIT_MS = 366 * 24 * 60 * 60 * 1000;

/** What a command decided: its answer, the events it records, and optionally the tickets it wrote. */
export interface CommandOutcome<T> {
  result: T;
  events: DomainEvent[];
  /** Tickets exactly as this command last wrote them: the model takes them instead of reading them back. */
  written?: readonly Ticket[];
}

export interface OfficeDeps {
  store: QueueStore;
  /** The site this office is: every command reads and writes only its rows. */
  siteId: string;
  now: () => number;
  publicUrl: string;
}

/**
 * The application service of one site: each command is a single store
 * transaction of that site (load → decide in the domain → write state and
 * events), and `committed` fires only after the transaction has committed.
 */
export class Office {
  /** `committed`: events after their transaction committed; `sessionEnded`: a staff session's token after logout. */
  readonly events = new EventEmitter<{ committed: [LoggedEvent[]]; sessionEnded: [string] }>();
  /** The site's day kept per event: views read it instead of the whole queue. */
  readonly model = new SiteModel();

  constructor(readonly deps: OfficeDeps) {}

  get store(): QueueStore {
    return this.deps.store;
  }

  get siteId(): string {
    return this.deps.siteId;
  }

  now(): number {
    return this.deps.now();
  }

  /** Runs a command transaction and announces its events after commit. */
  async command<T>(fn: (tx: SiteTx, now: number) => Promise<CommandOutcome<T>>): Promise<T> {
    const now = this.now();
    let outcome;
    try {
      outcome = await this.store.transaction(this.siteId, async (raw) => {
        const { unit, ready } = this.unitOf(raw, now);
        // #17: the one choke point where staff references become actor keys (actors.ts): ticket rows here, events below.
        const tx: SiteTx = { ...unit, tickets: keyedTickets(unit, now) };
        const out = await fn(tx, now);
        if (out.events.length === 0) return { result: out.result, logged: [] };
        // The model is brought to what this unit saw before its own events (nothing else appends while it runs) …
        await ready();
        const logged = await tx.events.append(await keyedEvents(tx, out.events, now));
        // … and takes them at once: the next unit of the same group commit finds it current instead of
        // following the log for them. A failed group rolls them back and invalidates the model (below).
        const written = out.written && (await Promise.all(out.written.map((t) => keyedTicket(tx, t, now))));
        this.model.apply(logged, await ticketsNamed(tx, logged, written));
        return { result: out.result, logged };
      });
    } catch (err) {
      // A failed commit may take back writes that later units of work already saw.
      if (err instanceof StorageError) this.model.invalidate();
      throw err;
    }
    const { result, logged } = outcome;
    if (logged.length > 0) this.events.emit('committed', logged);
    return result;
  }

  /** A read of the site's day; `scope` names the services whose figures it needs (all by default). */
  view<T>(fn: (v: QueueView) => T | Promise<T>, scope: ServiceScope = 'all'): Promise<T> {
    const now = this.now();
    return this.store.read(this.siteId, async (r) => fn(await QueueView.load(this.cached(r, now), this.model, now, this.deps.publicUrl, scope))).catch((err: unknown) => {
      // A read that joined a group commit which then failed may have brought its writes into the model.
      if (err instanceof StorageError) this.model.invalidate();
      throw err;
    });
  }

  /**
   * The unit of work `r` with its catalog read from the site model's copies
   * (catalog-cache.ts); the model is brought to what `r` sees before the first read.
   */
  cached<R extends SiteReader>(r: R, now: number): R {
    return this.unitOf(r, now).unit;
  }

  /** `cached`, and the function that syncs the model once for this unit of work. */
  private unitOf<R extends SiteReader>(r: R, now: number): { unit: R; ready: () => Promise<void> } {
    let synced: Promise<unknown> | null = null;
    const model = this.model;
    const ready = async () => {
      synced ??= model.ready(r, now);
      await synced;
    };
    return { unit: { ...r, catalog: new CachedCatalog(r.catalog as CatalogWriter, model.catalog, ready) }, ready };
  }

  /** A view inside a command's transaction: what it shows includes the command's writes so far. */
  viewIn(tx: SiteTx, now: number, scope: ServiceScope = 'all', people = true): Promise<QueueView> {
    return QueueView.load(tx, this.model, now, this.deps.publicUrl, scope, people);
  }

  /** The site's waiting line as this unit of work sees it (call-next needs nothing else of a view). */
  async lineIn(r: SiteReader, now: number): Promise<WaitingLine> {
    await this.model.ready(r, now);
    return this.model.waiting;
  }

  /**
   * Draws a ticket. The answer is the ticket's public view worked out in the
   * issuing transaction, and the logged event records that very estimate and
   * place in line: what the visitor was shown is what the log says.
   */
  async issueTicket(input: IssueInput): Promise<PublicTicket> {
    const also = visitServices(input.serviceId, input.alsoServiceIds);
    const out = await this.command<{ shown: PublicTicket } | { refused: AppError }>(async (tx, now) => {
      const view = await this.viewIn(tx, now, [input.serviceId, ...also], false);
      // #16: a refusal is recorded (and committed), then answered as the error. #17: every service of the visit is offered now, or none.
      for (const serviceId of [input.serviceId, ...also]) {
        const state = view.serviceState(serviceId);
        if (!state) throw new AppError('SERVICE_NOT_FOUND');
        const refusal = refusalOf(state, input, now);
        if (refusal) return { result: { refused: refusal.error }, events: [refusal.event] };
      }
      const state = view.serviceState(input.serviceId) as ServiceState;
      const priority = input.priority === true && (state.service.priorityEnabled || Boolean(input.staff));
      const ticket = await this.newTicket(tx, now, {
        serviceId: input.serviceId,
        language: input.language,
        priorityClass: priority ? 'priority' : 'walk_in',
        channel: input.channel ?? (input.staff ? 'staff' : 'kiosk'),
        appointmentId: null,
        dueAt: null,
        queuedAt: now,
        availableAt: now,
        nextServiceIds: also,
      });
      // The view was taken before the insert. A ticket's place never counts the
      // ticket itself, so this is the view any later read gives, at no second read.
      const shown = view.publicTicket(ticket);
      return {
        result: { shown },
        written: [ticket],
        events: [
          event('ticket.issued', now, {
            ticketId: ticket.id,
            serviceId: ticket.serviceId,
            userId: input.staff?.id ?? null,
            data: createdData(ticket, shown),
          }),
        ],
      };
    });
    if ('refused' in out) throw out.refused;
    return out.shown;
  }

  /** Checks an appointment in; like issueTicket, the answer is the view the log records. */
  async checkIn(codeInput: string, language: string): Promise<PublicTicket> {
    const code = normaliseBookingCode(codeInput);
    return this.command(async (tx, now) => {
      const appt = await tx.appointments.byCode(code);
      if (!appt) throw new AppError('APPOINTMENT_NOT_FOUND');
      const settings = await tx.catalog.settings();
      const decision = checkIn(appt, now, settings.checkin, settings.timeZone);
      if (!decision.ok) throw new AppError(decision.code, decision.message);
      if (!(await tx.catalog.service(appt.serviceId))?.active) throw new AppError('SERVICE_NOT_FOUND');
      const ticket = await this.newTicket(tx, now, {
        serviceId: appt.serviceId,
        language: language || appt.language || 'de',
        channel: 'checkin',
        appointmentId: appt.id,
        ...decision.value,
        nextServiceIds: [],
      });
      await tx.appointments.put({ ...appt, status: 'checked_in', ticketId: ticket.id });
      const shown = (await this.viewIn(tx, now, [ticket.serviceId], false)).publicTicket(ticket);
      return {
        result: shown,
        events: [
          event('ticket.checked_in', now, {
            ticketId: ticket.id,
            serviceId: ticket.serviceId,
            data: { ...createdData(ticket, shown), appointmentId: appt.id, late: decision.value.priorityClass === 'walk_in' },
          }),
        ],
      };
    });
  }

  private async newTicket(
    tx: SiteTx,
    now: number,
    t: Pick<Ticket, 'serviceId' | 'language' | 'channel' | 'appointmentId' | 'dueAt' | 'queuedAt' | 'availableAt' | 'nextServiceIds'> & {
      priorityClass: PriorityClass;
    },
  ): Promise<Ticket> {
    const service = await tx.catalog.service(t.serviceId);
    if (!service) throw new AppError('SERVICE_NOT_FOUND');
    const day = businessDate(now, (await tx.catalog.settings()).timeZone);
    const seq = await tx.tickets.nextNumber(service.prefix, day);
    const ticket: Ticket = {
      ...t,
      id: newToken(),
      ref: newTicketRef(),
      number: formatTicketNumber(service.prefix, seq),
      businessDate: day,
      status: 'waiting',
      issuedAt: now,
      targetCounterId: null,
      counterId: null,
      userId: null,
      calledAt: null,
      servingAt: null,
      finishedAt: null,
      callCount: 0,
      transferredFrom: null,
      notes: '',
    };
    await tx.tickets.insert(ticket, seq);
    return ticket;
  }

  /** The visitor's view; a token stops working at the end of its office day. */
  async publicTicket(id: string): Promise<PublicTicket> {
    const now = this.now();
    return this.store.read(this.siteId, async (raw) => {
      const r = this.cached(raw, now);
      const t = await liveTicket(r, id, now);
      return (await QueueView.load(r, this.model, now, this.deps.publicUrl, [t.serviceId], false)).publicTicket(t);
    });
  }

  async cancelTicket(id: string): Promise<PublicTicket> {
    await this.command(async (tx, now) => {
      const t = await liveTicket(tx, id, now);
      const counter = t.counterId ? await tx.catalog.counter(t.counterId) : null;
      if (counter?.currentTicketId === t.id) await tx.catalog.putCounter({ ...counter, currentTicketId: null });
      return applyToTicket(tx, t, { type: 'cancel' }, now);
    });
    return this.publicTicket(id);
  }

  async createAppointment(input: AppointmentInput, staff: SessionUser): Promise<Appointment> {
    return this.command(async (tx, now) => {
      if (!(await tx.catalog.service(input.serviceId))?.active) throw new AppError('SERVICE_NOT_FOUND');
      if (input.startsAt < now - APPOINTMENT_PAST_LIMIT_MS || input.startsAt > now + APPOINTMENT_FUTURE_LIMIT_MS) {
        throw new AppError('INVALID_INPUT', 'startsAt must lie between yesterday and one year ahead.');
      }
      let code = newBookingCode();
      while (await tx.appointments.byCode(code)) code = newBookingCode();
      const appt: Appointment = {
        id: newId('apt'),
        code,
        serviceId: input.serviceId,
        startsAt: input.startsAt,
        language: input.language ?? null,
        status: 'booked',
        ticketId: null,
        createdAt: now,
      };
      await tx.appointments.put(appt);
      return {
        result: appt,
        events: [
          event('appointment.created', now, {
            serviceId: appt.serviceId,
            userId: staff.id,
            data: { appointmentId: appt.id, startsAt: appt.startsAt },
          }),
        ],
      };
    });
  }
}

/** What every new ticket records: who drew what, how, and the wait they were shown. */
function createdData(t: Ticket, shown: PublicTicket): EventPayloads['ticket.issued'] {
  return {
    number: t.number,
    businessDate: t.businessDate,
    language: t.language,
    priorityClass: t.priorityClass,
    channel: t.channel,
    estimate: shown.estimate,
    position: shown.position,
    nextServiceIds: t.nextServiceIds,
  };
}

/** Most further services one ticket may list (the kiosk's "I also need…"). */
export const MAX_ALSO_SERVICES = 2;

/**
 * #17: the further services of a visit, checked: each differs from the first and from the others
 * (400 VISIT_SERVICE_REPEATED). Whether each is offered now is the issue's business (same refusals).
 */
export function visitServices(serviceId: string, also: readonly string[] | undefined): string[] {
  const list = [...(also ?? [])];
  if (list.length > MAX_ALSO_SERVICES) throw new AppError('INVALID_INPUT', `A visit lists at most ${MAX_ALSO_SERVICES} further services.`, { field: '/alsoServiceIds' });
  if (new Set([serviceId, ...list]).size !== list.length + 1) throw new AppError('VISIT_SERVICE_REPEATED', undefined, { field: '/alsoServiceIds' });
  return list;
}
