import type { ServiceQueueStats, SessionUser, StaffCounter, StaffTicket } from '../common/dto.js';
import { canApply, type TicketCommandType } from '../common/lifecycle.js';
import type { TicketStatus } from '../common/model.js';
import { CALL_ORDER_LIMIT, type CounterSnapshot, type QueueChanged } from '../common/protocol.js';

/**
 * What the counter app knows of the office, rebuilt from `counter:snapshot` and
 * advanced by `queue:changed` only: pure functions, so the screen is always the
 * server's state and nothing is guessed locally.
 */
export interface DeskState {
  user: SessionUser;
  /** Today's waiting, called and serving tickets by id. */
  tickets: ReadonlyMap<string, StaffTicket>;
  counters: readonly StaffCounter[];
  services: readonly ServiceQueueStats[];
  /** Per open counter, its callable tickets' staff refs in the order `call-next` would take them (the server's policy). */
  callOrder: Readonly<Record<string, readonly string[]>>;
}

const OPEN_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

export function fromSnapshot(s: CounterSnapshot): DeskState {
  return {
    user: s.user,
    tickets: new Map(s.tickets.filter((t) => OPEN_STATUSES.includes(t.status)).map((t) => [t.ref, t])),
    counters: s.counters,
    services: s.services,
    callOrder: s.callOrder,
  };
}

/** A changed ticket that left the open states (done, no-show, cancelled) leaves the map. */
export function applyQueueChanged(state: DeskState, e: QueueChanged): DeskState {
  const tickets = new Map(state.tickets);
  for (const t of e.tickets) {
    if (OPEN_STATUSES.includes(t.status)) tickets.set(t.ref, t);
    else tickets.delete(t.ref);
  }
  return { ...state, tickets, counters: e.counters, services: e.services, callOrder: nextCallOrder(state.callOrder, e) };
}

/** A push names only the orders that changed; a counter no longer open has none. */
function nextCallOrder(known: DeskState['callOrder'], e: QueueChanged): DeskState['callOrder'] {
  const open = new Set(e.counters.filter((c) => c.open).map((c) => c.id));
  return Object.fromEntries(Object.entries({ ...known, ...e.callOrder }).filter(([counterId]) => open.has(counterId)));
}

export type CounterAvailability = 'free' | 'mine' | 'taken';

export function availability(counter: StaffCounter, user: SessionUser): CounterAvailability {
  if (!counter.open) return 'free';
  return counter.userId === user.id ? 'mine' : 'taken';
}

/** Staff see counters that are free or already theirs; an admin also sees taken ones (to take over). */
export function pickableCounters(state: DeskState): Array<{ counter: StaffCounter; availability: CounterAvailability }> {
  return state.counters
    .map((counter) => ({ counter, availability: availability(counter, state.user) }))
    .filter((c) => c.availability !== 'taken' || state.user.role === 'admin');
}

export function servedServiceIds(counter: StaffCounter): string[] {
  return [...counter.primaryServiceIds, ...counter.secondaryServiceIds];
}

/** The counter's current ticket while it is called or serving there. */
export function currentTicket(state: DeskState, counter: StaffCounter): StaffTicket | null {
  const t = counter.currentTicketRef ? state.tickets.get(counter.currentTicketRef) : undefined;
  return t && t.counterId === counter.id && (t.status === 'called' || t.status === 'serving') ? t : null;
}

/**
 * The waiting tickets to list for a counter. An open counter lists what it may
 * call in the order `call-next` would take them, as the server works it out
 * (queue policy, cool-downs, appointments, transfers to a named counter). A
 * counter that is not open has no call order yet: it lists the tickets it would
 * serve (its services, and tickets transferred to it by name; not those sent to
 * another named counter) by their place in line.
 */
export function waitingFor(state: DeskState, counter: StaffCounter): StaffTicket[] {
  if (counter.open) {
    const order = state.callOrder[counter.id] ?? [];
    return order.map((ref) => state.tickets.get(ref)).filter((t): t is StaffTicket => t?.status === 'waiting');
  }
  return servedWaiting(state, counter).sort((a, b) => a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.number.localeCompare(b.number));
}

/** The waiting tickets a counter serves: its services, and those transferred to it by name. */
function servedWaiting(state: DeskState, counter: StaffCounter): StaffTicket[] {
  const served = servedServiceIds(counter);
  return [...state.tickets.values()]
    .filter((t) => t.status === 'waiting')
    .filter((t) => (t.targetCounterId === null ? served.includes(t.serviceId) : t.targetCounterId === counter.id));
}

/**
 * How many of a counter's waiting tickets its list leaves out: the server sends
 * an open counter's first CALL_ORDER_LIMIT only. Zero when the list is whole.
 */
export function waitingBeyondList(state: DeskState, counter: StaffCounter): number {
  const listed = waitingFor(state, counter).length;
  return listed < CALL_ORDER_LIMIT ? 0 : Math.max(0, servedWaiting(state, counter).length - listed);
}

/** Queue figures of the counter's services, primary ones first. */
export function statsFor(state: DeskState, counter: StaffCounter): ServiceQueueStats[] {
  return servedServiceIds(counter)
    .map((id) => state.services.find((s) => s.serviceId === id))
    .filter((s): s is ServiceQueueStats => s !== undefined);
}

/** Longest current wait of a service's waiting tickets at `now`, from their place in line. */
export function longestWaitMs(state: DeskState, serviceId: string, now: number): number {
  let longest = 0;
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting' && t.serviceId === serviceId) longest = Math.max(longest, now - t.queuedAt);
  }
  return longest;
}

export const DESK_ACTIONS = ['call-next', 'recall', 'start', 'finish', 'finish-next', 'no-show', 'return', 'transfer', 'reprint'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/** The lifecycle command behind each button that acts on the current ticket (common/lifecycle.ts). */
const TICKET_BUTTONS = {
  recall: 'recall',
  start: 'start',
  finish: 'finish',
  'finish-next': 'next_service',
  'no-show': 'no_show',
  return: 'return',
  transfer: 'transfer',
} as const satisfies Record<Exclude<DeskAction, 'call-next' | 'reprint'>, TicketCommandType>;

/**
 * Which buttons make sense now, from the lifecycle's transition table: the
 * server enforces the same table (and refuses anyway); this only keeps
 * impossible buttons from being offered.
 */
export function enabledActions(counter: StaffCounter | null, user: SessionUser | null, ticket: StaffTicket | null): Record<DeskAction, boolean> {
  // An admin acts on another's counter only after taking it over (force-open), so "mine" is enough.
  const mine = counter !== null && user !== null && counter.open && counter.userId === user.id;
  const current = mine ? ticket : null;
  const can = (command: TicketCommandType) => current !== null && canApply(current.status, command);
  return {
    'call-next': mine && ticket === null,
    recall: can(TICKET_BUTTONS.recall),
    start: can(TICKET_BUTTONS.start),
    finish: can(TICKET_BUTTONS.finish),
    'finish-next': can(TICKET_BUTTONS['finish-next']),
    'no-show': can(TICKET_BUTTONS['no-show']),
    return: can(TICKET_BUTTONS.return),
    transfer: can(TICKET_BUTTONS.transfer),
    // Printing again changes nothing in the lifecycle: whatever ticket the counter has can be reprinted.
    reprint: current !== null,
  };
}

/** Whether the state already shows what a command's acknowledgement reported (the push may come after the ack). */
export function showsOutcome(state: DeskState, reply: { ticket: StaffTicket | null; counter: StaffCounter }): boolean {
  const counter = state.counters.find((c) => c.id === reply.counter.id);
  if (!counter || counter.open !== reply.counter.open || counter.currentTicketRef !== reply.counter.currentTicketRef) return false;
  if (!reply.ticket) return true;
  const ticket = state.tickets.get(reply.ticket.ref);
  if (!ticket) return !OPEN_STATUSES.includes(reply.ticket.status);
  return ticket.status === reply.ticket.status && ticket.serviceId === reply.ticket.serviceId;
}

/**
 * The services still to come in a ticket's visit, in order (#17); none from a
 * server that sends none.
 */
export function laterServiceIds(ticket: { ref: string; nextServiceIds?: readonly string[] | undefined }): readonly string[] {
  return ticket.nextServiceIds ?? [];
}

/**
 * What "Finish and next service" offers: the services there are, except the
 * one being finished, the listed next one first (the default), then the rest
 * of the visit's, then the others in their order.
 */
export function nextServiceChoices(
  ticket: { ref: string; serviceId: string; nextServiceIds?: readonly string[] | undefined },
  serviceIds: readonly string[],
): { ids: string[]; listed: readonly string[] } {
  const listed = laterServiceIds(ticket).filter((id) => serviceIds.includes(id) && id !== ticket.serviceId);
  const rest = serviceIds.filter((id) => id !== ticket.serviceId && !listed.includes(id));
  return { ids: [...listed, ...rest], listed };
}
