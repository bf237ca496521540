import type { ServiceQueueStats, SessionUser, StaffCounter, StaffTicket } from '../common/dto.js';
import type { TicketStatus } from '../common/model.js';
import type { CounterSnapshot, QueueChanged } from '../common/protocol.js';

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
}

const OPEN_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

export function fromSnapshot(s: CounterSnapshot): DeskState {
  return {
    user: s.user,
    tickets: new Map(s.tickets.filter((t) => OPEN_STATUSES.includes(t.status)).map((t) => [t.id, t])),
    counters: s.counters,
    services: s.services,
  };
}

/** A changed ticket that left the open states (done, no-show, cancelled) leaves the map. */
export function applyQueueChanged(state: DeskState, e: QueueChanged): DeskState {
  const tickets = new Map(state.tickets);
  for (const t of e.tickets) {
    if (OPEN_STATUSES.includes(t.status)) tickets.set(t.id, t);
    else tickets.delete(t.id);
  }
  return { ...state, tickets, counters: e.counters, services: e.services };
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
  const t = counter.currentTicketId ? state.tickets.get(counter.currentTicketId) : undefined;
  return t && t.counterId === counter.id && (t.status === 'called' || t.status === 'serving') ? t : null;
}

/**
 * Waiting tickets this counter may call: its services, plus tickets transferred to
 * it by name; tickets sent to another named counter are not offered here.
 * Earliest place in line first.
 */
export function waitingFor(state: DeskState, counter: StaffCounter): StaffTicket[] {
  const served = servedServiceIds(counter);
  return [...state.tickets.values()]
    .filter((t) => t.status === 'waiting')
    .filter((t) => (t.targetCounterId === null ? served.includes(t.serviceId) : t.targetCounterId === counter.id))
    .sort((a, b) => a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.number.localeCompare(b.number));
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

export const DESK_ACTIONS = ['call-next', 'recall', 'start', 'finish', 'no-show', 'return', 'transfer', 'reprint'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

/**
 * Which buttons make sense now. The server checks the same rules (and refuses
 * anyway); this only keeps impossible buttons from being offered.
 */
export function enabledActions(counter: StaffCounter | null, user: SessionUser, ticket: StaffTicket | null): Record<DeskAction, boolean> {
  // An admin acts on another's counter only after taking it over (force-open), so "mine" is enough.
  const mine = counter !== null && counter.open && counter.userId === user.id;
  const status = mine ? ticket?.status : undefined;
  return {
    'call-next': mine && ticket === null,
    recall: status === 'called',
    start: status === 'called',
    finish: status === 'serving',
    'no-show': status === 'called',
    return: status === 'called' || status === 'serving',
    transfer: status === 'called' || status === 'serving',
    reprint: status === 'called' || status === 'serving',
  };
}

/** Whether the state already shows what a command's acknowledgement reported (the push may come after the ack). */
export function showsOutcome(state: DeskState, reply: { ticket: StaffTicket | null; counter: StaffCounter }): boolean {
  const counter = state.counters.find((c) => c.id === reply.counter.id);
  if (!counter || counter.open !== reply.counter.open || counter.currentTicketId !== reply.counter.currentTicketId) return false;
  if (!reply.ticket) return true;
  const ticket = state.tickets.get(reply.ticket.id);
  if (!ticket) return !OPEN_STATUSES.includes(reply.ticket.status);
  return ticket.status === reply.ticket.status && ticket.serviceId === reply.ticket.serviceId;
}
