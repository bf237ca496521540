import { describe, expect, it } from 'vitest';
import { canApply as canApplyInTheApps } from '../../common/lifecycle.js';
import type { TicketStatus } from '../../common/model.js';
import { DEFAULT_POLICY } from '../../server/domain/settings.js';
import {
  applyTicketCommand,
  canApply,
  TRANSITIONS,
  type TicketCommand,
  type TicketCommandType,
} from '../../server/domain/ticket-lifecycle.js';
import { makeTicket, MIN, T0 } from '../helpers/ticket-factory.js';

/**
 * The lifecycle as README.md describes it, written out here rather than read
 * from TRANSITIONS: a wrong entry in the table must make this test fail.
 */
const ALLOWED: Record<TicketStatus, readonly TicketCommandType[]> = {
  waiting: ['call', 'cancel', 'expire'],
  called: ['recall', 'start', 'no_show', 'return', 'transfer', 'next_service', 'cancel', 'expire'],
  serving: ['finish', 'return', 'transfer', 'next_service', 'expire'],
  done: [],
  no_show: [],
  cancelled: [],
};
const ALL_STATUSES = Object.keys(ALLOWED) as TicketStatus[];

const COMMANDS: Record<TicketCommandType, TicketCommand> = {
  call: { type: 'call', counterId: 'c1', userId: 'u1' },
  recall: { type: 'recall', userId: 'u1' },
  start: { type: 'start', userId: 'u1' },
  finish: { type: 'finish', userId: 'u1' },
  no_show: { type: 'no_show', userId: 'u1' },
  return: { type: 'return', userId: 'u1' },
  transfer: { type: 'transfer', userId: 'u1', serviceId: 'asylum', targetCounterId: null, keepPlace: true },
  next_service: { type: 'next_service', userId: 'u1', serviceId: 'asylum', placement: 'credit' },
  cancel: { type: 'cancel' },
  expire: { type: 'expire' },
};

/** Status after a legal command from a ticket called once. */
const EXPECTED_STATUS: Record<TicketCommandType, TicketStatus> = {
  call: 'called',
  recall: 'called',
  start: 'serving',
  finish: 'done',
  no_show: 'no_show',
  return: 'waiting',
  transfer: 'waiting',
  next_service: 'waiting',
  cancel: 'cancelled',
  expire: 'cancelled',
};

const EXPECTED_EVENT: Record<TicketCommandType, string> = {
  call: 'ticket.called',
  recall: 'ticket.recalled',
  start: 'ticket.started',
  finish: 'ticket.finished',
  no_show: 'ticket.no_show',
  return: 'ticket.returned',
  transfer: 'ticket.transferred',
  next_service: 'ticket.next_service',
  cancel: 'ticket.cancelled',
  expire: 'ticket.expired',
};

const NOW = T0 + 10 * MIN;

function ticketIn(status: TicketStatus) {
  const active = status !== 'waiting';
  return makeTicket({
    status,
    counterId: active ? 'c1' : null,
    calledAt: active ? T0 + 5 * MIN : null,
    servingAt: status === 'serving' ? T0 + 6 * MIN : null,
    callCount: active ? 1 : 0,
  });
}

const ALL_COMMANDS = Object.keys(COMMANDS) as TicketCommandType[];
const pairs = ALL_STATUSES.flatMap((status) =>
  ALL_COMMANDS.map((command) => ({ status, command, allowed: ALLOWED[status].includes(command) })),
);

describe('ticket lifecycle: the TRANSITIONS table', () => {
  it.each(pairs.filter((p) => p.allowed))(
    'allows $command from $status',
    ({ status, command }) => {
      expect(canApply(status, command)).toBe(true);
      expect(canApplyInTheApps(status, command)).toBe(true);
      const r = applyTicketCommand(ticketIn(status), COMMANDS[command], NOW, DEFAULT_POLICY);
      if (!r.ok) throw new Error(r.code);
      expect(r.value.ticket.status).toBe(EXPECTED_STATUS[command]);
      expect(r.value.event.type).toBe(EXPECTED_EVENT[command]);
      expect(r.value.event.at).toBe(NOW);
      expect(r.value.event.ticketId).toBe(r.value.ticket.id);
    },
  );

  it.each(pairs.filter((p) => !p.allowed))(
    'rejects $command from $status',
    ({ status, command }) => {
      expect(canApply(status, command)).toBe(false);
      expect(canApplyInTheApps(status, command)).toBe(false);
      const before = ticketIn(status);
      const r = applyTicketCommand(before, COMMANDS[command], NOW, DEFAULT_POLICY);
      expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
      expect(before.status).toBe(status);
    },
  );

  it('covers every status and command, and the table names no other command', () => {
    expect(pairs).toHaveLength(6 * 10);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(16);
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ALL_COMMANDS].sort());
  });
});

describe('ticket lifecycle: effects', () => {
  it('call assigns the counter, counts the call, clears the target and reports the wait', () => {
    const t = makeTicket({ queuedAt: T0, targetCounterId: 'c1' });
    const r = applyTicketCommand(t, COMMANDS.call, NOW, DEFAULT_POLICY);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.ticket).toMatchObject({ counterId: 'c1', userId: 'u1', calledAt: NOW, callCount: 1, targetCounterId: null });
    expect(r.value.event).toMatchObject({ counterId: 'c1', userId: 'u1', data: { number: t.number, callCount: 1, waitedMs: 10 * MIN } });
  });

  it('recall counts another call', () => {
    const r = applyTicketCommand(ticketIn('called'), COMMANDS.recall, NOW, DEFAULT_POLICY);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.ticket).toMatchObject({ callCount: 2, calledAt: NOW, status: 'called' });
  });

  it('finish records the service duration', () => {
    const r = applyTicketCommand(ticketIn('serving'), COMMANDS.finish, NOW, DEFAULT_POLICY);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.ticket.finishedAt).toBe(NOW);
    expect(r.value.event.data).toEqual({ serviceMs: 4 * MIN });
  });

  it('return parks the ticket behind a cool-down and keeps its place', () => {
    const t = ticketIn('called');
    const r = applyTicketCommand(t, COMMANDS.return, NOW, DEFAULT_POLICY);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.ticket).toMatchObject({
      status: 'waiting',
      counterId: null,
      calledAt: null,
      queuedAt: t.queuedAt,
      availableAt: NOW + DEFAULT_POLICY.recallCooldownSeconds * 1000,
    });
    expect(r.value.event.data).toEqual({ from: 'called' });
  });

  it('return after maxCalls calls makes a no-show', () => {
    const t = makeTicket({ status: 'called', counterId: 'c1', callCount: DEFAULT_POLICY.maxCalls });
    const r = applyTicketCommand(t, COMMANDS.return, NOW, DEFAULT_POLICY);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.ticket).toMatchObject({ status: 'no_show', finishedAt: NOW });
    expect(r.value.event).toMatchObject({ type: 'ticket.no_show', data: { reason: 'max_calls' } });

    const below = applyTicketCommand({ ...t, callCount: DEFAULT_POLICY.maxCalls - 1 }, COMMANDS.return, NOW, DEFAULT_POLICY);
    expect(below.ok && below.value.ticket.status).toBe('waiting');
  });

  it('return from serving never becomes a no-show', () => {
    const t = makeTicket({ status: 'serving', counterId: 'c1', callCount: 5, servingAt: T0 });
    const r = applyTicketCommand(t, COMMANDS.return, NOW, DEFAULT_POLICY);
    expect(r.ok && r.value.ticket.status).toBe('waiting');
  });

  it('transfer keeps the number and, if asked, the place in line', () => {
    const t = ticketIn('serving');
    const keep = applyTicketCommand(t, COMMANDS.transfer, NOW, DEFAULT_POLICY);
    if (!keep.ok) throw new Error(keep.code);
    expect(keep.value.ticket).toMatchObject({
      number: t.number,
      id: t.id,
      serviceId: 'asylum',
      transferredFrom: 'residence',
      queuedAt: t.queuedAt,
      availableAt: NOW,
      callCount: 0,
      counterId: null,
      targetCounterId: null,
    });
    expect(keep.value.event).toMatchObject({
      type: 'ticket.transferred',
      counterId: 'c1',
      data: { fromServiceId: 'residence', toServiceId: 'asylum', keepPlace: true, serviceMs: 4 * MIN },
    });

    const moveBack = applyTicketCommand(
      t,
      { type: 'transfer', userId: null, serviceId: 'asylum', targetCounterId: 'c7', keepPlace: false },
      NOW,
      DEFAULT_POLICY,
    );
    if (!moveBack.ok) throw new Error(moveBack.code);
    expect(moveBack.value.ticket).toMatchObject({ number: t.number, queuedAt: NOW, targetCounterId: 'c7' });
  });

  it('does not mutate the input ticket', () => {
    const t = ticketIn('called');
    const copy = structuredClone(t);
    applyTicketCommand(t, COMMANDS.start, NOW, DEFAULT_POLICY);
    expect(t).toEqual(copy);
  });
});
