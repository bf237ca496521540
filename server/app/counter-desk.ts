import type { SessionUser, StaffCounter, StaffTicket } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Counter, Ticket } from '../../common/model.js';
import type { CounterAction } from '../../common/protocol.js';
import { event, type DomainEvent } from '../domain/events.js';
import { nextServicePlacement } from '../domain/settings.js';
import { businessDate } from '../domain/time.js';
import type { SiteTx } from '../store/store.js';
import { applyToTicket } from './apply.js';
import { counterProfile } from './call-order.js';
import type { Office } from './office.js';
import { staffTicketByRef } from './staff-tickets.js';
import { can } from './access.js';

export interface CounterCommandInput {
  counterId: string;
  /** `call`: the ticket's staff reference. */
  ticketRef?: string;
  /** `call`, deprecated (HTTP only): the ticket's id, the visitor's token. */
  ticketId?: string;
  serviceId?: string;
  targetCounterId?: string;
  keepPlace?: boolean;
  force?: boolean;
}

export interface CounterOutcome {
  ticket: StaffTicket | null;
  counter: StaffCounter;
}

type Step = { ticket: Ticket | null; counter: Counter; events: DomainEvent[] };

/**
 * Staff actions on a counter. HTTP routes and socket events both call
 * `runCounterAction`, so authorisation and validation are the same on both.
 */
export async function runCounterAction(
  office: Office,
  action: CounterAction,
  input: CounterCommandInput,
  user: SessionUser,
): Promise<CounterOutcome> {
  const step = await office.command(async (tx, now) => {
    const counter = await tx.catalog.counter(input.counterId);
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    const s = await decide(office, tx, now, action, counter, input, user);
    if (s.counter !== counter) await tx.catalog.putCounter(s.counter);
    return { result: s, events: s.events };
  });
  // The answer needs places in line and names, no service's figures.
  return office.view(async (v) => {
    const ticket = step.ticket ? await v.r.tickets.get(step.ticket.id) : null;
    const counter = v.counters.find((c) => c.id === step.counter.id) ?? step.counter;
    return { ticket: ticket ? v.staffTicket(ticket) : null, counter: v.staffCounter(counter) };
  }, []);
}

async function decide(
  office: Office,
  tx: SiteTx,
  now: number,
  action: CounterAction,
  counter: Counter,
  input: CounterCommandInput,
  user: SessionUser,
): Promise<Step> {
  // Take over a counter someone else holds, hold several (server/app/access.ts).
  const isAdmin = can(user, 'counter.anyDesk');
  const base = { counterId: counter.id, userId: user.id };

  if (action === 'open') {
    if (counter.open && counter.userId !== user.id && !(isAdmin && input.force)) throw new AppError('COUNTER_TAKEN');
    if (counter.open && counter.userId === user.id) return { ticket: null, counter, events: [] };
    // A staff member works at one desk at a time (admins may hold several, e.g. to cover).
    if (!isAdmin) {
      const held = (await tx.catalog.counters()).find((c) => c.open && c.userId === user.id && c.id !== counter.id);
      if (held) throw new AppError('COUNTER_LIMIT', `You already hold ${held.name}; close it before opening another counter.`, { counterId: held.id });
    }
    return {
      ticket: null,
      counter: { ...counter, open: true, userId: user.id },
      events: [event('counter.opened', now, { ...base, data: { takenOverFrom: counter.userId } })],
    };
  }

  if (!counter.open) throw new AppError('COUNTER_CLOSED');
  if (counter.userId !== user.id && !isAdmin) throw new AppError('COUNTER_NOT_YOURS');
  const current = counter.currentTicketId ? await tx.tickets.get(counter.currentTicketId) : null;
  // A ticket left open at a counter yesterday does not block today's work.
  const today = businessDate(now, (await tx.catalog.settings()).timeZone);
  const activeCurrent =
    current && current.businessDate === today && (current.status === 'called' || current.status === 'serving')
      ? current
      : null;

  switch (action) {
    case 'close': {
      if (activeCurrent) throw new AppError('COUNTER_BUSY', 'Finish or return the current ticket before closing.');
      return {
        ticket: null,
        counter: { ...counter, open: false, userId: null, currentTicketId: null },
        events: [event('counter.closed', now, base)],
      };
    }
    case 'call-next':
    case 'call': {
      if (activeCurrent) throw new AppError('COUNTER_BUSY');
      const next = action === 'call' ? await ticketForCall(tx, now, counter, input) : await pickFor(office, tx, now, counter);
      if (!next) return { ticket: null, counter, events: [] };
      const r = await applyToTicket(tx, next, { type: 'call', counterId: counter.id, userId: user.id }, now);
      return { ticket: r.result, counter: { ...counter, currentTicketId: r.result.id }, events: r.events };
    }
    default: {
      if (!activeCurrent) throw new AppError('NO_CURRENT_TICKET');
      const r = await applyToTicket(tx, activeCurrent, await ticketCommand(tx, action, counter, activeCurrent, input, user), now);
      const stays = r.result.status === 'called' || r.result.status === 'serving';
      return { ticket: r.result, counter: stays ? counter : { ...counter, currentTicketId: null }, events: r.events };
    }
  }
}

/**
 * Closes every counter a user holds (at logout). A ticket still called or
 * being served there goes back to the queue at its old place, available at
 * once: the visitor did nothing wrong, so neither the return's cool-down nor
 * the no-show after too many calls applies. A ticket being served is returned
 * too, not finished: the visit did not end, and another counter may call it.
 */
export async function closeCountersOf(office: Office, user: SessionUser): Promise<void> {
  await office.command(async (tx, now) => {
    const events: DomainEvent[] = [];
    const today = businessDate(now, (await tx.catalog.settings()).timeZone);
    for (const counter of await tx.catalog.counters()) {
      if (!counter.open || counter.userId !== user.id) continue;
      const current = counter.currentTicketId ? await tx.tickets.get(counter.currentTicketId) : null;
      if (current && current.businessDate === today && (current.status === 'called' || current.status === 'serving')) {
        const r = await applyToTicket(tx, current, { type: 'return', userId: user.id, release: true }, now);
        events.push(...r.events);
      }
      await tx.catalog.putCounter({ ...counter, open: false, userId: null, currentTicketId: null });
      events.push(event('counter.closed', now, { counterId: counter.id, userId: user.id }));
    }
    return { result: undefined, events };
  });
}

/** The queue policy's choice, from the site's waiting line (brought up to date within this transaction). */
async function pickFor(office: Office, tx: SiteTx, now: number, counter: Counter): Promise<Ticket | null> {
  return (await office.lineIn(tx, now)).pickNext(await counterProfile(tx, counter), now);
}

/** Staff may call any waiting ticket of the day, except one another counter was sent by name. */
async function ticketForCall(tx: SiteTx, now: number, counter: Counter, input: CounterCommandInput): Promise<Ticket> {
  const t = input.ticketRef
    ? await staffTicketByRef(tx, input.ticketRef)
    : input.ticketId
      ? await tx.tickets.get(input.ticketId)
      : null;
  if (!t || t.businessDate !== businessDate(now, (await tx.catalog.settings()).timeZone)) throw new AppError('TICKET_NOT_FOUND');
  if (t.targetCounterId !== null && t.targetCounterId !== counter.id) {
    throw new AppError('INVALID_TARGET', 'This ticket was transferred to another counter.');
  }
  return t;
}

async function ticketCommand(
  tx: SiteTx,
  action: CounterAction,
  counter: Counter,
  ticket: Ticket,
  input: CounterCommandInput,
  user: SessionUser,
) {
  const userId = user.id;
  switch (action) {
    case 'recall':
      return { type: 'recall', userId } as const;
    case 'start':
      return { type: 'start', userId } as const;
    case 'finish':
      return { type: 'finish', userId } as const;
    case 'finish-next': {
      // #17: the service staff chose, else the next one the visitor listed.
      const serviceId = input.serviceId ?? ticket.nextServiceIds[0];
      if (serviceId === undefined) throw new AppError('NO_NEXT_SERVICE');
      if (serviceId === ticket.serviceId) throw new AppError('VISIT_SERVICE_REPEATED', 'The visitor is already in this service.', { field: '/serviceId' });
      if (!(await tx.catalog.service(serviceId))?.active) throw new AppError('INVALID_TARGET', 'No such service.');
      return { type: 'next_service', userId, serviceId, placement: nextServicePlacement((await tx.catalog.settings()).policy) } as const;
    }
    case 'no-show':
      return { type: 'no_show', userId } as const;
    case 'return':
      return { type: 'return', userId } as const;
    case 'transfer': {
      if (!input.serviceId && !input.targetCounterId) throw new AppError('INVALID_INPUT', 'Give a serviceId or a targetCounterId.');
      const serviceId = input.serviceId ?? ticket.serviceId;
      if (!(await tx.catalog.service(serviceId))?.active) throw new AppError('INVALID_TARGET', 'No such service.');
      if (input.targetCounterId !== undefined) {
        if (!(await tx.catalog.counter(input.targetCounterId))) throw new AppError('INVALID_TARGET', 'No such counter.');
        if (input.targetCounterId === counter.id) throw new AppError('INVALID_TARGET', 'That is this counter.');
      }
      if (serviceId === ticket.serviceId && input.targetCounterId === undefined) {
        throw new AppError('INVALID_TARGET', 'The ticket is already in this service.');
      }
      return {
        type: 'transfer',
        userId,
        serviceId,
        targetCounterId: input.targetCounterId ?? null,
        keepPlace: input.keepPlace ?? true,
      } as const;
    }
    default:
      throw new AppError('INVALID_INPUT', `Unknown action ${action}.`);
  }
}
