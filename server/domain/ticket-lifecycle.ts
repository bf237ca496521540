import type { Ticket, TicketStatus } from '../../common/model.js';
import { event, type DomainEvent } from './events.js';
import { fail, ok, type Result } from './result.js';
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
 *
 * At the end of the office day, tickets still open expire (→ cancelled).
 */
export type TicketCommand =
  | { type: 'call'; counterId: string; userId: string | null }
  | { type: 'recall'; userId: string | null }
  | { type: 'start'; userId: string | null }
  | { type: 'finish'; userId: string | null }
  | { type: 'no_show'; userId: string | null }
  | { type: 'return'; userId: string | null }
  | {
      type: 'transfer';
      userId: string | null;
      serviceId: string;
      /** Only this counter may call it next. */
      targetCounterId: string | null;
      /** Keep the original place in line instead of joining at the end. */
      keepPlace: boolean;
    }
  | { type: 'cancel' }
  /** The office day ended with the ticket still open: it is closed, never carried over. */
  | { type: 'expire' };

export type TicketCommandType = TicketCommand['type'];

export const TRANSITIONS: Record<TicketCommandType, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  no_show: ['called'],
  return: ['called', 'serving'],
  transfer: ['called', 'serving'],
  cancel: ['waiting', 'called'],
  expire: ['waiting', 'called', 'serving'],
};

export function canApply(status: TicketStatus, command: TicketCommandType): boolean {
  return TRANSITIONS[command].includes(status);
}

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
  const base = { ticketId: ticket.id, serviceId: ticket.serviceId, counterId: ticket.counterId };
  const userId = 'userId' in command ? command.userId : null;
  const done = (next: Ticket, type: DomainEvent['type'], data: Record<string, unknown> = {}): Result<Transition> =>
    ok({ ticket: next, event: event(type, now, { ...base, counterId: next.counterId ?? base.counterId, userId, data }) });

  switch (command.type) {
    case 'call':
      return done(
        {
          ...ticket,
          status: 'called',
          counterId: command.counterId,
          userId: command.userId,
          calledAt: now,
          callCount: ticket.callCount + 1,
          targetCounterId: null,
        },
        'ticket.called',
        { number: ticket.number, callCount: ticket.callCount + 1, waitedMs: now - ticket.queuedAt },
      );
    case 'recall':
      return done({ ...ticket, calledAt: now, callCount: ticket.callCount + 1 }, 'ticket.recalled', {
        number: ticket.number,
        callCount: ticket.callCount + 1,
      });
    case 'start':
      return done({ ...ticket, status: 'serving', servingAt: now }, 'ticket.started');
    case 'finish':
      return done({ ...ticket, status: 'done', finishedAt: now }, 'ticket.finished', {
        serviceMs: now - (ticket.servingAt ?? now),
      });
    case 'no_show':
      return done({ ...ticket, status: 'no_show', finishedAt: now }, 'ticket.no_show', { callCount: ticket.callCount });
    case 'return': {
      if (ticket.status === 'called' && ticket.callCount >= policy.maxCalls) {
        return done({ ...ticket, status: 'no_show', finishedAt: now }, 'ticket.no_show', {
          callCount: ticket.callCount,
          reason: 'max_calls',
        });
      }
      return done(
        {
          ...ticket,
          status: 'waiting',
          counterId: null,
          calledAt: null,
          servingAt: null,
          availableAt: now + policy.recallCooldownSeconds * 1000,
        },
        'ticket.returned',
        { from: ticket.status },
      );
    }
    case 'transfer':
      return done(
        {
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
        },
        'ticket.transferred',
        {
          fromServiceId: ticket.serviceId,
          toServiceId: command.serviceId,
          toCounterId: command.targetCounterId,
          keepPlace: command.keepPlace,
          serviceMs: ticket.servingAt === null ? 0 : now - ticket.servingAt,
        },
      );
    case 'cancel':
      return done({ ...ticket, status: 'cancelled', finishedAt: now }, 'ticket.cancelled');
    case 'expire':
      return done({ ...ticket, status: 'cancelled', finishedAt: now }, 'ticket.expired', { from: ticket.status });
  }
}
