import type { PriorityClass, Ticket } from '../../common/model.js';
import type { PolicySettings } from './settings.js';

/**
 * WHO IS NEXT — the office's call policy, deterministic and documented.
 *
 * 1. Eligibility at a counter. A ticket may be offered to counter C when it is
 *    `waiting`, its `availableAt` has passed (recall cool-down, early
 *    appointment), and either it was transferred to C by name
 *    (`targetCounterId === C.id`) or it is untargeted and its service is one of
 *    C's primary or secondary services. A targeted ticket is offered nowhere else.
 *
 * 2. Virtual queue time. Every eligible ticket gets a key in epoch ms; the
 *    smallest key is called. The key starts from a base time:
 *      - checked-in appointment: its slot time (`dueAt`), so an appointment is
 *        due at its slot however early the visitor arrived;
 *      - everyone else: `queuedAt`, the moment they joined the line (a transfer
 *        that keeps its place keeps it).
 *    An advantage is subtracted:
 *      - appointmentBoostMinutes for an appointment, or priorityBoostMinutes
 *        for a priority ticket (accessibility, urgency); walk-ins get none;
 *      - plus languageMatchMinutes when the counter's staff speak the ticket's
 *        language;
 *      - the sum is capped at maxOvertakeMinutes.
 *    At a counter where the ticket's service is only secondary (and the ticket
 *    was not sent to this counter by name) secondaryPenaltyMinutes is added, so
 *    counters work their own services first and help out with the others.
 *
 * 3. Ties (equal keys) go to the class rank appointment < priority < walk_in,
 *    then the earlier `queuedAt`, then the display number (shorter first, then
 *    alphabetical, so A999 before A1000), then the ticket id — a total order,
 *    so the same snapshot always yields the same call.
 *
 * ANTI-STARVATION GUARANTEE. Let W be a walk-in queued at time t that is
 * eligible at counter C for one of C's primary services. W's key is at most t
 * (walk-ins only ever gain advantages; primary services carry no penalty).
 * Any ticket X has key ≥ base(X) − maxOvertakeMinutes, because advantages are
 * capped and penalties are never negative. So if base(X) > t + maxOvertake,
 * key(X) > key(W) and X is not called before W: no boost, language or
 * appointment lets anyone jump more than maxOvertakeMinutes ahead of a
 * waiting walk-in.
 *
 * MULTI-SERVICE VISITS (#17). "Finish and next service" puts the same ticket in
 * the next service's line at the moment T it joins it, with `queuedAt` = T −
 * credit (the policy's `nextServicePlacement`: `credit` the time already waited
 * in this visit, or join at the `back` with none). The credit is capped so that
 * credit + the ticket's largest advantage ≤ maxOvertakeMinutes
 * (`maxVisitCreditMs`), so its key is ≥ T − maxOvertakeMinutes, and the
 * guarantee above holds with T as the moment it joined that queue. Its next
 * segment is never an appointment (the slot was for the first service).
 *
 * Visitor positions (`orderForService`, `positionOf`) use the same keys
 * without counter-specific terms (no language match, no penalty), because a
 * visitor does not know which counter will call them.
 */

export interface CounterProfile {
  id: string;
  primaryServiceIds: readonly string[];
  secondaryServiceIds: readonly string[];
  staffLanguages: readonly string[];
}

const MINUTE_MS = 60_000;

const CLASS_RANK: Record<PriorityClass, number> = { appointment: 0, priority: 1, walk_in: 2 };

export function isEligible(counter: CounterProfile, t: Ticket, now: number): boolean {
  if (t.status !== 'waiting' || t.availableAt > now) return false;
  if (t.targetCounterId !== null) return t.targetCounterId === counter.id;
  return counter.primaryServiceIds.includes(t.serviceId) || counter.secondaryServiceIds.includes(t.serviceId);
}

/** The advantage of the ticket's class in minutes (appointment with a slot, priority; none for walk-ins). */
function classAdvantage(t: Ticket, p: PolicySettings): number {
  if (t.priorityClass === 'appointment' && t.dueAt !== null) return p.appointmentBoostMinutes;
  return t.priorityClass === 'priority' ? p.priorityBoostMinutes : 0;
}

/** The advantage (minutes) `sortKey` gives a ticket, capped at maxOvertakeMinutes. */
function cappedAdvantage(raw: number, p: PolicySettings): number {
  return Math.min(Math.max(0, raw), Math.max(0, p.maxOvertakeMinutes));
}

/**
 * #17: the most a "finish and next service" may credit (ms) to a ticket for the time it already
 * waited in this visit. The credit moves its place in line (`queuedAt`) back, and its own
 * advantages still apply on top; so credit and the largest advantage it can get at any counter
 * together stay within maxOvertakeMinutes, and the ANTI-STARVATION GUARANTEE above holds for the
 * new segment as for a walk-in who joined at that moment (tests/domain/queue-policy-fairness.test.ts).
 */
export function maxVisitCreditMs(t: Ticket, p: PolicySettings): number {
  const best = cappedAdvantage(classAdvantage(t, p) + Math.max(0, p.languageMatchMinutes), p);
  return Math.max(0, Math.max(0, p.maxOvertakeMinutes) - best) * MINUTE_MS;
}

/** Virtual queue time in epoch ms (smaller = sooner). `counter` null = counter-neutral. */
export function sortKey(counter: CounterProfile | null, t: Ticket, p: PolicySettings): number {
  const isAppointment = t.priorityClass === 'appointment' && t.dueAt !== null;
  const base = isAppointment ? (t.dueAt as number) : t.queuedAt;
  let advantage = classAdvantage(t, p);
  if (counter !== null && counter.staffLanguages.includes(t.language)) advantage += p.languageMatchMinutes;
  advantage = cappedAdvantage(advantage, p);

  let penalty = 0;
  if (
    counter !== null &&
    t.targetCounterId !== counter.id &&
    !counter.primaryServiceIds.includes(t.serviceId) &&
    counter.secondaryServiceIds.includes(t.serviceId)
  ) {
    penalty = Math.max(0, p.secondaryPenaltyMinutes);
  }
  return base + (penalty - advantage) * MINUTE_MS;
}

function compareNumbers(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Total order given both keys: key, class rank, queuedAt, number, id. (Also the order of `WaitingLine`.) */
export function compare(a: Ticket, keyA: number, b: Ticket, keyB: number): number {
  if (keyA !== keyB) return keyA - keyB;
  const rank = CLASS_RANK[a.priorityClass] - CLASS_RANK[b.priorityClass];
  if (rank !== 0) return rank;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt;
  const byNumber = compareNumbers(a.number, b.number);
  if (byNumber !== 0) return byNumber;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The ticket counter `counter` should call now, or null. One pass, no allocation per ticket. */
export function pickNext(
  counter: CounterProfile,
  waiting: readonly Ticket[],
  now: number,
  p: PolicySettings,
): Ticket | null {
  let best: Ticket | null = null;
  let bestKey = 0;
  for (let i = 0; i < waiting.length; i++) {
    const t = waiting[i] as Ticket;
    if (!isEligible(counter, t, now)) continue;
    const key = sortKey(counter, t, p);
    if (best === null || compare(t, key, best, bestKey) < 0) {
      best = t;
      bestKey = key;
    }
  }
  return best;
}

/**
 * The tickets counter `counter` may call now, in the order successive
 * `pickNext` calls would take them: the same eligibility and the same total
 * order, so `pickNext` is always the head.
 */
export function callOrder(counter: CounterProfile, waiting: readonly Ticket[], now: number, p: PolicySettings): Ticket[] {
  const keyed: Array<{ t: Ticket; key: number }> = [];
  for (const t of waiting) if (isEligible(counter, t, now)) keyed.push({ t, key: sortKey(counter, t, p) });
  keyed.sort((a, b) => compare(a.t, a.key, b.t, b.key));
  return keyed.map((k) => k.t);
}

/**
 * The waiting tickets grouped once (untargeted by service, targeted by
 * counter), so that each counter's candidates for `callOrder` are found
 * without a pass over the whole queue. A counter's candidates include every
 * ticket it may call; `callOrder` filters out the rest.
 */
export function groupWaiting(waiting: readonly Ticket[]): (counter: CounterProfile) => Ticket[] {
  const byService = new Map<string, Ticket[]>();
  const byTarget = new Map<string, Ticket[]>();
  for (const t of waiting) {
    const [groups, key] = t.targetCounterId === null ? [byService, t.serviceId] : [byTarget, t.targetCounterId];
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return (counter) => {
    const services = new Set([...counter.primaryServiceIds, ...counter.secondaryServiceIds]);
    return [...(byTarget.get(counter.id) ?? []), ...[...services].flatMap((id) => byService.get(id) ?? [])];
  };
}

/** `callOrder` for several counters at once, over one grouping of the queue. */
export function callOrders(
  counters: readonly CounterProfile[],
  waiting: readonly Ticket[],
  now: number,
  p: PolicySettings,
): Map<string, Ticket[]> {
  const candidates = groupWaiting(waiting);
  return new Map(counters.map((c) => [c.id, callOrder(c, candidates(c), now, p)]));
}

/** When a call order over these tickets next changes by itself: the first moment one more of them may be called. */
export function nextCallableAt(tickets: readonly Ticket[], now: number): number {
  let next = Infinity;
  for (const t of tickets) if (t.status === 'waiting' && t.availableAt > now && t.availableAt < next) next = t.availableAt;
  return next;
}

/**
 * A service's waiting tickets in call order as a visitor would see it.
 * Tickets still in cool-down or early are included at their key; they are
 * offered as soon as they become available, so that is where they stand.
 */
export function orderForService(
  serviceId: string,
  waiting: readonly Ticket[],
  _now: number,
  p: PolicySettings,
): Ticket[] {
  const keyed = waiting
    .filter((t) => t.status === 'waiting' && t.serviceId === serviceId)
    .map((t) => ({ t, key: sortKey(null, t, p) }));
  keyed.sort((a, b) => compare(a.t, a.key, b.t, b.key));
  return keyed.map((k) => k.t);
}

/**
 * 1-based place of `ticket` in `orderForService` for its service, 0 when it
 * is not waiting. Counts instead of sorting, so it is O(n) per ticket.
 */
export function positionOf(ticket: Ticket, waiting: readonly Ticket[], _now: number, p: PolicySettings): number {
  if (ticket.status !== 'waiting') return 0;
  const own = sortKey(null, ticket, p);
  let ahead = 0;
  for (const t of waiting) {
    if (t.id === ticket.id || t.status !== 'waiting' || t.serviceId !== ticket.serviceId) continue;
    if (compare(t, sortKey(null, t, p), ticket, own) < 0) ahead++;
  }
  return ahead + 1;
}
