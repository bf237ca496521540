import type { Ticket } from '../../common/model.js';
import { callOrder, groupWaiting, nextCallableAt, pickNext, positionOf, type CounterProfile } from './queue-policy.js';
import type { PolicySettings } from './settings.js';

/** STUB (lead): the scan functions behind the WaitingLine interface, until helper A's structure lands. */
export class WaitingLine {
  private readonly byId = new Map<string, Ticket>();

  constructor(
    readonly policy: PolicySettings,
    tickets: Iterable<Ticket> = [],
  ) {
    for (const t of tickets) this.put(t);
  }

  put(t: Ticket): void {
    if (t.status === 'waiting') this.byId.set(t.id, t);
    else this.byId.delete(t.id);
  }

  remove(id: string): void {
    this.byId.delete(id);
  }

  get(id: string): Ticket | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  tickets(): IterableIterator<Ticket> {
    return this.byId.values();
  }

  count(serviceId: string): number {
    let n = 0;
    for (const t of this.byId.values()) if (t.serviceId === serviceId) n++;
    return n;
  }

  pickNext(counter: CounterProfile, now: number): Ticket | null {
    return pickNext(counter, [...this.byId.values()], now, this.policy);
  }

  callOrder(counter: CounterProfile, now: number, limit: number): Ticket[] {
    return callOrder(counter, groupWaiting([...this.byId.values()])(counter), now, this.policy).slice(0, limit);
  }

  nextCallableAt(counter: CounterProfile, now: number): number {
    return nextCallableAt(groupWaiting([...this.byId.values()])(counter), now);
  }

  position(t: Ticket): number | null {
    if (t.status !== 'waiting') return null;
    return positionOf(t, [...this.byId.values()], 0, this.policy);
  }

  oldestQueuedAt(serviceId: string): number | null {
    let oldest: number | null = null;
    for (const t of this.byId.values()) if (t.serviceId === serviceId && (oldest === null || t.queuedAt < oldest)) oldest = t.queuedAt;
    return oldest;
  }

  dueAppointments(serviceId: string, now: number): number {
    let n = 0;
    for (const t of this.byId.values()) if (t.serviceId === serviceId && t.priorityClass === 'appointment' && t.availableAt <= now) n++;
    return n;
  }
}
