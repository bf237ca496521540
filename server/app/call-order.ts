import type { Counter, Ticket } from '../../common/model.js';
import type { LoggedEvent } from '../domain/events.js';
import { CALL_ORDER_LIMIT } from '../../common/protocol.js';
import type { CounterProfile } from '../domain/queue-policy.js';
import type { SiteReader, UserRecord } from '../store/store.js';
import type { QueueView } from './views.js';

/** A counter as the queue policy sees it: its services and the languages of whoever staffs it. */
export async function counterProfile(r: SiteReader, counter: Counter): Promise<CounterProfile> {
  return profileOf(counter, counter.userId ? await r.staff.user(counter.userId) : null);
}

function profileOf(counter: Counter, staff: UserRecord | null): CounterProfile {
  return {
    id: counter.id,
    primaryServiceIds: counter.primaryServiceIds,
    secondaryServiceIds: counter.secondaryServiceIds,
    staffLanguages: staff?.languages ?? [],
  };
}

const viewProfile = (v: QueueView, c: Counter): CounterProfile => profileOf(c, c.userId ? v.staffMember(c.userId) : null);

/** Staff screens name tickets by their staff reference, never by the visitor's token. */
const refs = (tickets: readonly { ref: string }[]) => tickets.map((t) => t.ref);

/** Every open counter's first callable tickets (staff refs) in the order call-next would take them. */
export function openCounterCallOrder(v: QueueView): Record<string, string[]> {
  const order: Record<string, string[]> = {};
  for (const c of v.counters) if (c.open) order[c.id] = refs(v.line.callOrder(viewProfile(v, c), v.now, CALL_ORDER_LIMIT));
  return order;
}

/** What a committed batch may have changed in the call orders: the services and counters its tickets belong to. */
export interface Touched {
  services: Set<string>;
  counters: Set<string>;
}

/** `tickets`: the batch's tickets as they are now, by id. */
export function touchedBy(tickets: ReadonlyMap<string, Ticket>, events: readonly LoggedEvent[]): Touched {
  const touched: Touched = { services: new Set(), counters: new Set() };
  for (const e of events) {
    if (e.serviceId) touched.services.add(e.serviceId);
    if (e.counterId) touched.counters.add(e.counterId);
    // As it is now: a transfer moves a ticket to another service or sends it to a counter.
    const t = e.ticketId ? tickets.get(e.ticketId) : undefined;
    if (t) touched.services.add(t.serviceId);
    if (t?.targetCounterId) touched.counters.add(t.targetCounterId);
  }
  return touched;
}

interface Entry {
  /** The profile and office day it was worked out for. */
  basis: string;
  order: string[];
  /** It changes by itself (a ticket's cool-down ends) at this moment. */
  until: number;
}

/**
 * Every open counter's call order, kept between committed batches: a counter's
 * order is worked out again only when the batch touched one of its services
 * or the counter itself, its staff or the policy changed, or one of its
 * tickets became callable meanwhile. A burst of commands then costs a few
 * counters' orders each instead of all of them.
 */
export class CallOrderCache {
  private readonly entries = new Map<string, Entry>();
  private policy = '';

  /** Forget everything, e.g. when batches went by without being looked at. */
  clear(): void {
    this.entries.clear();
  }

  orders(v: QueueView, touched: Touched): Record<string, string[]> {
    const policy = JSON.stringify(v.settings.policy);
    if (policy !== this.policy) this.clear();
    this.policy = policy;
    const order: Record<string, string[]> = {};
    const open = new Set<string>();
    for (const counter of v.counters.filter((c) => c.open)) {
      open.add(counter.id);
      const profile = viewProfile(v, counter);
      const basis = JSON.stringify([v.today, profile]);
      const known = this.entries.get(counter.id);
      const touches =
        touched.counters.has(counter.id) ||
        profile.primaryServiceIds.some((s) => touched.services.has(s)) ||
        profile.secondaryServiceIds.some((s) => touched.services.has(s));
      if (known && known.basis === basis && v.now < known.until && !touches) {
        order[counter.id] = known.order;
        continue;
      }
      const entry = {
        basis,
        order: refs(v.line.callOrder(profile, v.now, CALL_ORDER_LIMIT)),
        until: v.line.nextCallableAt(profile, v.now),
      };
      this.entries.set(counter.id, entry);
      order[counter.id] = entry.order;
    }
    for (const id of this.entries.keys()) if (!open.has(id)) this.entries.delete(id);
    return order;
  }
}
