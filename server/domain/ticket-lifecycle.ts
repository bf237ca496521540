import { canApply, type TicketCommandType } from '../../common/lifecycle.js';
import type { Ticket } from '../../common/model.js';
import { event, type DomainEvent, type EventIds } from './events.js';
import { fail, ok, type Result } from './result.js';
import { maxVisitCreditMs } from './queue-policy.js';
import type { PolicySettings } from './settings.js';

/**
 * Every ticket state change goes through `applyTicketCommand`, and every
 * command is allowed only from the states listed in TRANSITIONS. Nothing else
 * in the code base writes a ticket's status.
 *
 *   waiting ──call──▶ called ──start──▶ serving ──finish──▶ done
 *      ▲  │             │ ▲recall           │
 *      │  │cancel       │ no-show           │ transfer (other service / named counter)
 *      │  ▼             ▼                   │ return (park)
 *      │ cancelled    no_show               │
 *      └──────return / transfer─────────────┘
 *      ▲                                    │
 *      └──── next_service (#17: called or serving; same number, next service of the visit)
 *
 * At the end of the office day, tickets still open expire (→ cancelled).
 * The table itself is common/lifecycle.ts, so the counter app offers exactly
 * the commands this file accepts.
 */
export { canApply, TRANSITIONS, type TicketCommandType } from '../../common/lifecycle.js';

/** What each command carries besides its type. */
interface CommandFields {
  call: { counterId: string; userId: string | null };
  recall: { userId: string | null };
  start: { userId: string | null };
  finish: { userId: string | null };
  /**
   * #17 "finish and next service": the segment ends served and the ticket waits for `serviceId`
   * (a service it listed, or one staff added). `placement`: the policy's `nextServicePlacement`.
   */
  next_service: { userId: string | null; serviceId: string; placement: 'credit' | 'back' };
  no_show: { userId: string | null };
  /**
   * `release`: the counter closed under the ticket (its staff member logged out).
   * The ticket keeps its place and may be called at once; it never becomes a no-show.
   */
  return: { userId: string | null; release?: boolean };
  transfer: {
    userId: string | null;
    serviceId: string;
    /** Only this counter may call it next. */
    targetCounterId: string | null;
    /** Keep the original place in line instead of joining at the end. */
    keepPlace: boolean;
  };
  /** By the visitor. */
  cancel: Record<never, never>;
  /** The office day ended with the ticket still open: it is closed, never carried over. */
  expire: Record<never, never>;
}

/** One command per entry of the common TRANSITIONS table (a missing one does not compile). */
export type TicketCommand = { [K in TicketCommandType]: { type: K } & CommandFields[K] }[TicketCommandType];

export interface Transition {
  ticket: Ticket;
  event: DomainEvent;
}

export function applyTicketCommand(
  ticket: Ticket,
  command: TicketCommand,
  now: number,
  policy: PolicySettings,
): Result<Transition> {
  if (!canApply(ticket.status, command.type)) {
    return fail('INVALID_TRANSITION', `Cannot ${command.type.replace('_', '-')} a ticket that is ${ticket.status.replace('_', '-')}.`);
  }
  const userId = 'userId' in command ? command.userId : null;
  /** The service the ticket was in before the change, the counter it is (or was) at. */
  const ids = (next: Ticket): EventIds => ({
    ticketId: ticket.id,
    serviceId: ticket.serviceId,
    counterId: next.counterId ?? ticket.counterId,
    userId,
  });
  const done = (next: Ticket, e: DomainEvent): Result<Transition> => ok({ ticket: next, event: e });

  switch (command.type) {
    case 'call': {
      const next: Ticket = {
        ...ticket,
        status: 'called',
        counterId: command.counterId,
        userId: command.userId,
        calledAt: now,
        callCount: ticket.callCount + 1,
        targetCounterId: null,
      };
      return done(
        next,
        event('ticket.called', now, {
          ...ids(next),
          data: { number: ticket.number, callCount: next.callCount, waitedMs: now - ticket.queuedAt },
        }),
      );
    }
    case 'recall': {
      const next: Ticket = { ...ticket, calledAt: now, callCount: ticket.callCount + 1 };
      return done(next, event('ticket.recalled', now, { ...ids(next), data: { number: ticket.number, callCount: next.callCount } }));
    }
    case 'start': {
      const next: Ticket = { ...ticket, status: 'serving', servingAt: now };
      return done(next, event('ticket.started', now, ids(next)));
    }
    case 'finish': {
      const next: Ticket = { ...ticket, status: 'done', finishedAt: now };
      return done(next, event('ticket.finished', now, { ...ids(next), data: { serviceMs: now - (ticket.servingAt ?? now) } }));
    }
    case 'next_service': {
      const listed = ticket.nextServiceIds.includes(command.serviceId);
      // The appointment was for the first service: later segments wait like walk-ins (priority stays).
      const base: Ticket = ticket.priorityClass === 'appointment' ? { ...ticket, priorityClass: 'walk_in', dueAt: null } : ticket;
      // What the visit waited so far: its place in line (which holds what earlier segments were credited) to its call here.
      const waited = Math.max(0, (ticket.calledAt ?? now) - ticket.queuedAt);
      const creditMs = command.placement === 'credit' ? Math.min(waited, maxVisitCreditMs(base, policy)) : 0;
      const next: Ticket = {
        ...base,
        status: 'waiting',
        serviceId: command.serviceId,
        nextServiceIds: ticket.nextServiceIds.filter((id) => id !== command.serviceId),
        transferredFrom: null,
        targetCounterId: null,
        counterId: null,
        calledAt: null,
        servingAt: null,
        callCount: 0,
        queuedAt: now - creditMs,
        availableAt: now,
      };
      return done(
        next,
        event('ticket.next_service', now, {
          ...ids(next),
          data: {
            fromServiceId: ticket.serviceId,
            toServiceId: command.serviceId,
            placement: command.placement,
            creditMs,
            serviceMs: ticket.servingAt === null ? 0 : now - ticket.servingAt,
            added: !listed,
          },
        }),
      );
    }
    case 'no_show': {
      const next: Ticket = { ...ticket, status: 'no_show', finishedAt: now };
      return done(next, event('ticket.no_show', now, { ...ids(next), data: { callCount: ticket.callCount } }));
    }
    case 'return': {
      if (ticket.status === 'called' && ticket.callCount >= policy.maxCalls && !command.release) {
        const next: Ticket = { ...ticket, status: 'no_show', finishedAt: now };
        return done(next, event('ticket.no_show', now, { ...ids(next), data: { callCount: ticket.callCount, reason: 'max_calls' } }));
      }
      // canApply let only called and serving tickets through.
      const from = ticket.status === 'serving' ? 'serving' : 'called';
      const next: Ticket = {
        ...ticket,
        status: 'waiting',
        counterId: null,
        calledAt: null,
        servingAt: null,
        availableAt: command.release ? Math.min(ticket.availableAt, now) : now + policy.recallCooldownSeconds * 1000,
      };
      return done(next, event('ticket.returned', now, { ...ids(next), data: { from } }));
    }
    case 'transfer': {
      const next: Ticket = {
        ...ticket,
        status: 'waiting',
        serviceId: command.serviceId,
        transferredFrom: ticket.serviceId,
        targetCounterId: command.targetCounterId,
        counterId: null,
        calledAt: null,
        servingAt: null,
        callCount: 0,
        queuedAt: command.keepPlace ? ticket.queuedAt : now,
        availableAt: now,
      };
      return done(
        next,
        event('ticket.transferred', now, {
          ...ids(next),
          data: {
            fromServiceId: ticket.serviceId,
            toServiceId: command.serviceId,
            toCounterId: command.targetCounterId,
            keepPlace: command.keepPlace,
            serviceMs: ticket.servingAt === null ? 0 : now - ticket.servingAt,
          },
        }),
      );
    }
    case 'cancel': {
      const next: Ticket = { ...ticket, status: 'cancelled', finishedAt: now };
      return done(next, event('ticket.cancelled', now, ids(next)));
    }
    case 'expire': {
      const next: Ticket = { ...ticket, status: 'cancelled', finishedAt: now };
      return done(next, event('ticket.expired', now, { ...ids(next), data: { from: ticket.status } }));
    }
  }
}
