import type { Ticket } from '../../common/model.js';
import { compare, sortKey, type CounterProfile } from './queue-policy.js';
import type { PolicySettings } from './settings.js';
import { ascending, DEFAULT_CHUNK_LOAD, SortedList, type ListCursor } from './sorted-array.js';

/**
 * THE DAY'S WAITING TICKETS, ORDERED — the same answers as the scans in
 * queue-policy.ts (`pickNext`, `callOrder`, `nextCallableAt`, `positionOf`),
 * which stay the reference (tests/domain/waiting-line.test.ts compares them
 * decision by decision), without a pass over the whole queue.
 *
 * Why lanes work. A ticket's key at counter C is base + (penalty − advantage),
 * where base and the advantage before the language bonus depend only on its
 * kind (appointment with a slot, appointment without one, priority, walk-in),
 * the language bonus only on its language, and the penalty only on whether it
 * was sent to C by name or on its service. So in a lane of tickets that share
 * (service — or target counter for tickets sent by name —, kind, language)
 * every ticket gets the SAME offset at a given counter, and its order by
 * (base, queuedAt, number, id) is exactly `compare`'s order there. A counter's
 * best ticket is the best of the lanes' first available tickets, its call
 * order a merge of its lanes.
 *
 * One lane per language (rather than one per (service, kind) plus sub-lanes
 * for the counter's languages) keeps every ticket in a single call lane; a
 * counter looks at ≤ kinds × languages heads per group, a few µs.
 *
 * Positions are counter-neutral (no language, no penalty), so per (service,
 * kind) one sorted lane of ALL the service's tickets (sent by name or not)
 * gives the count ahead by binary search.
 *
 * Exact for finite policy values and integer epoch-ms times: then equal keys
 * within a lane mean equal bases, as the lane order needs. Tickets are
 * immutable values: `put` a new object, never change a stored one.
 */

/** 0 appointment with a slot, 1 appointment without one, 2 priority, 3 walk-in. */
type Kind = 0 | 1 | 2 | 3;

function kindOf(t: Ticket): Kind {
  if (t.priorityClass === 'appointment') return t.dueAt !== null ? 0 : 1;
  return t.priorityClass === 'priority' ? 2 : 3;
}

/** The base time of the key (`sortKey` without advantages and penalty). */
function baseOf(t: Ticket): number {
  return t.priorityClass === 'appointment' && t.dueAt !== null ? t.dueAt : t.queuedAt;
}

/** Order inside one lane (tickets of one kind): base, queuedAt, number, id. */
function laneOrder(a: Ticket, b: Ticket): number {
  return compare(a, baseOf(a), b, baseOf(b));
}

/** The lanes a counter calls from: one service's untargeted tickets, or the tickets sent to one counter by name. */
interface CallGroup {
  /** By kind + language; only non-empty lanes. */
  lanes: Map<string, SortedList<Ticket>>;
  /** availableAt of every ticket of the group (for `nextCallableAt`). */
  availableAts: SortedList<number>;
}

/** One service's tickets, targeted ones included, for positions and statistics. */
interface ServiceLine {
  byKind: [SortedList<Ticket>, SortedList<Ticket>, SortedList<Ticket>, SortedList<Ticket>];
  queuedAts: SortedList<number>;
  /** availableAt of the service's appointment tickets. */
  appointmentAvailableAts: SortedList<number>;
}

/** A lane's read position in `callOrder`'s merge: its current ticket and that ticket's key. */
interface Cursor extends ListCursor {
  lane: SortedList<Ticket>;
  t: Ticket;
  key: number;
}

export class WaitingLine {
  readonly policy: PolicySettings;
  private readonly byId = new Map<string, Ticket>();
  private readonly byService = new Map<string, CallGroup>();
  private readonly byTarget = new Map<string, CallGroup>();
  private readonly services = new Map<string, ServiceLine>();

  private readonly chunkLoad: number;

  /** `options.chunkLoad`: elements per chunk of the sorted lists (tests use tiny ones). */
  constructor(policy: PolicySettings, tickets: Iterable<Ticket> = [], options: { chunkLoad?: number } = {}) {
    this.policy = policy;
    this.chunkLoad = options.chunkLoad ?? DEFAULT_CHUNK_LOAD;
    // Bulk load: append everything, sort each array once (n log n instead of n splices).
    for (const t of tickets) {
      if (t.status === 'waiting') this.byId.set(t.id, t);
      else this.byId.delete(t.id);
    }
    for (const t of this.byId.values()) this.add(t, false);
    for (const g of [...this.byService.values(), ...this.byTarget.values()]) {
      for (const lane of g.lanes.values()) lane.settle();
      g.availableAts.settle();
    }
    for (const s of this.services.values()) {
      for (const lane of s.byKind) lane.settle();
      s.queuedAts.settle();
      s.appointmentAvailableAts.settle();
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /** Adds, moves or removes: a ticket is in the line exactly while status === 'waiting'. */
  put(t: Ticket): void {
    const old = this.byId.get(t.id);
    if (old === t) return;
    if (old) this.unlink(old);
    if (t.status !== 'waiting') return;
    this.byId.set(t.id, t);
    this.add(t, true);
  }

  remove(id: string): void {
    const old = this.byId.get(id);
    if (old) this.unlink(old);
  }

  get(id: string): Ticket | undefined {
    return this.byId.get(id);
  }

  /** All waiting tickets (any order). */
  tickets(): IterableIterator<Ticket> {
    return this.byId.values();
  }

  /** Waiting tickets of a service (targeted ones included), as `positionOf` counts them. */
  count(serviceId: string): number {
    return this.services.get(serviceId)?.queuedAts.size ?? 0;
  }

  /** == pickNext(counter, allWaiting, now, policy) */
  pickNext(counter: CounterProfile, now: number): Ticket | null {
    let best: Ticket | null = null;
    let bestKey = 0;
    for (const g of this.groupsOf(counter)) {
      for (const lane of g.lanes.values()) {
        const head = lane.first() as Ticket;
        const t = head.availableAt <= now ? head : lane.find((x) => x.availableAt <= now);
        if (t === undefined) continue;
        const key = sortKey(counter, t, this.policy);
        if (best === null || compare(t, key, best, bestKey) < 0) {
          best = t;
          bestKey = key;
        }
      }
    }
    return best;
  }

  /** == callOrder(counter, allWaiting, now, policy).slice(0, limit): a merge of the counter's lanes. */
  callOrder(counter: CounterProfile, now: number, limit: number): Ticket[] {
    const out: Ticket[] = [];
    if (!(limit > 0)) return out;
    const heap: Cursor[] = [];
    // Cool-downs and early appointments are skipped.
    const available = (t: Ticket) => t.availableAt <= now;
    for (const g of this.groupsOf(counter)) {
      for (const lane of g.lanes.values()) {
        const at = { chunk: 0, index: 0 };
        const t = lane.seek(at, available);
        if (t) heap.push({ lane, chunk: at.chunk, index: at.index, t, key: sortKey(counter, t, this.policy) });
      }
    }
    const less = (a: Cursor, b: Cursor) => compare(a.t, a.key, b.t, b.key) < 0;
    for (let k = (heap.length >>> 1) - 1; k >= 0; k--) siftDown(heap, k, less);
    while (heap.length > 0 && out.length < limit) {
      const top = heap[0] as Cursor;
      out.push(top.t);
      top.index++;
      const next = top.lane.seek(top, available);
      if (next) {
        top.t = next;
        top.key = sortKey(counter, next, this.policy);
      } else {
        const last = heap.pop() as Cursor;
        if (heap.length === 0) break;
        heap[0] = last;
      }
      siftDown(heap, 0, less);
    }
    return out;
  }

  /** == nextCallableAt(tickets this counter may call, now): the earliest availableAt > now among them, else Infinity. */
  nextCallableAt(counter: CounterProfile, now: number): number {
    let next = Infinity;
    for (const g of this.groupsOf(counter)) {
      const at = g.availableAts.firstNotBefore((x) => x <= now);
      if (at !== undefined && at < next) next = at;
    }
    return next;
  }

  /**
   * == positionOf(t, allWaiting, now, policy) for a waiting t, null otherwise. `t` may differ from the stored
   * ticket with the same id (a command's own write not applied yet): the stored one is never counted.
   */
  position(t: Ticket): number | null {
    if (t.status !== 'waiting') return null;
    const s = this.services.get(t.serviceId);
    if (!s) return 1;
    const p = this.policy;
    const own = sortKey(null, t, p);
    const ahead = (x: Ticket) => compare(x, sortKey(null, x, p), t, own) < 0;
    let count = 0;
    for (const lane of s.byKind) count += lane.countBefore(ahead);
    const stored = this.byId.get(t.id);
    if (stored && stored.serviceId === t.serviceId && ahead(stored)) count--;
    return count + 1;
  }

  /** Smallest queuedAt of the service's waiting tickets (longest wait), null if none. */
  oldestQueuedAt(serviceId: string): number | null {
    return this.services.get(serviceId)?.queuedAts.first() ?? null;
  }

  /** Count of the service's waiting appointment tickets with availableAt <= now. */
  dueAppointments(serviceId: string, now: number): number {
    const s = this.services.get(serviceId);
    return s ? s.appointmentAvailableAts.countBefore((x) => x <= now) : 0;
  }

  /** The counter's call groups, each once: tickets sent to it by name, then its services' untargeted ones. */
  private groupsOf(counter: CounterProfile): CallGroup[] {
    const groups: CallGroup[] = [];
    const sent = this.byTarget.get(counter.id);
    if (sent) groups.push(sent);
    for (const ids of [counter.primaryServiceIds, counter.secondaryServiceIds]) {
      for (const id of ids) {
        const g = this.byService.get(id);
        if (g && !groups.includes(g)) groups.push(g);
      }
    }
    return groups;
  }

  /** Links a waiting ticket (already in byId) into every structure; `sorted` false = stage it, the constructor settles. */
  private add(t: Ticket, sorted: boolean): void {
    const [groups, groupId] = t.targetCounterId === null ? [this.byService, t.serviceId] : [this.byTarget, t.targetCounterId];
    let g = groups.get(groupId);
    if (!g) groups.set(groupId, (g = { lanes: new Map(), availableAts: new SortedList(ascending, this.chunkLoad) }));
    const laneId = laneIdOf(t);
    let lane = g.lanes.get(laneId);
    if (!lane) g.lanes.set(laneId, (lane = new SortedList(laneOrder, this.chunkLoad)));
    let s = this.services.get(t.serviceId);
    if (!s) this.services.set(t.serviceId, (s = newServiceLine(this.chunkLoad)));
    const appointment = t.priorityClass === 'appointment';
    if (sorted) {
      lane.insert(t);
      g.availableAts.insert(t.availableAt);
      s.byKind[kindOf(t)].insert(t);
      s.queuedAts.insert(t.queuedAt);
      if (appointment) s.appointmentAvailableAts.insert(t.availableAt);
    } else {
      lane.stage(t);
      g.availableAts.stage(t.availableAt);
      s.byKind[kindOf(t)].stage(t);
      s.queuedAts.stage(t.queuedAt);
      if (appointment) s.appointmentAvailableAts.stage(t.availableAt);
    }
  }

  /** Removes a stored ticket from every structure and from byId. */
  private unlink(t: Ticket): void {
    this.byId.delete(t.id);
    const [groups, groupId] = t.targetCounterId === null ? [this.byService, t.serviceId] : [this.byTarget, t.targetCounterId];
    const g = groups.get(groupId);
    const laneId = laneIdOf(t);
    const lane = g?.lanes.get(laneId);
    const s = this.services.get(t.serviceId);
    if (!g || !lane || !s) throw new Error(`WaitingLine: ticket ${t.id} is not linked`);
    lane.delete(t);
    if (lane.size === 0) g.lanes.delete(laneId);
    g.availableAts.delete(t.availableAt);
    if (g.availableAts.size === 0) groups.delete(groupId);
    s.byKind[kindOf(t)].delete(t);
    s.queuedAts.delete(t.queuedAt);
    if (t.priorityClass === 'appointment') s.appointmentAvailableAts.delete(t.availableAt);
    if (s.queuedAts.size === 0) this.services.delete(t.serviceId);
  }
}

function newServiceLine(load: number): ServiceLine {
  const byKind = () => new SortedList<Ticket>(laneOrder, load);
  return {
    byKind: [byKind(), byKind(), byKind(), byKind()],
    queuedAts: new SortedList(ascending, load),
    appointmentAvailableAts: new SortedList(ascending, load),
  };
}

function laneIdOf(t: Ticket): string {
  return `${kindOf(t)}${t.language}`;
}

/** Restores the heap order below index k. */
function siftDown<T>(heap: T[], k: number, less: (a: T, b: T) => boolean): void {
  const n = heap.length;
  const x = heap[k] as T;
  for (;;) {
    let child = 2 * k + 1;
    if (child >= n) break;
    if (child + 1 < n && less(heap[child + 1] as T, heap[child] as T)) child++;
    if (!less(heap[child] as T, x)) break;
    heap[k] = heap[child] as T;
    k = child;
  }
  heap[k] = x;
}
