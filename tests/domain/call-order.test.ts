import { describe, expect, it } from 'vitest';
import type { PriorityClass, Ticket, TicketStatus } from '../../common/model.js';
import { callOrder, callOrders, pickNext, type CounterProfile } from '../../server/domain/queue-policy.js';
import { DEFAULT_POLICY, type PolicySettings } from '../../server/domain/settings.js';
import { seededRandom } from '../../bench/stats.js';
import { makeCounter, makeTicket, MIN, T0 } from '../helpers/ticket-factory.js';

/**
 * The counter app lists a desk's waiting tickets in `callOrder`; call-next
 * takes `pickNext`. Over many generated queues the two must agree ticket for
 * ticket: the order is what successive calls at that desk would do.
 */

const SERVICES = ['residence', 'asylum', 'naturalisation', 'information'];
const LANGUAGES = ['de', 'ar', 'tr', 'uk'];
const COUNTER_IDS = ['c1', 'c2', 'c3', 'c4'];
const NOW = T0 + 90 * MIN;

function generate(seed: number): { counters: CounterProfile[]; tickets: Ticket[]; policy: PolicySettings } {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const some = <T>(xs: readonly T[]): T[] => xs.filter(() => rnd() < 0.4);
  const counters = COUNTER_IDS.map((id) => {
    const primary = [pick(SERVICES)];
    return makeCounter({
      id,
      primaryServiceIds: primary,
      secondaryServiceIds: some(SERVICES.filter((s) => !primary.includes(s))),
      staffLanguages: some(LANGUAGES),
    });
  });
  const size = Math.floor(rnd() * 60);
  const tickets = Array.from({ length: size }, (_, i) => {
    // Coarse times make equal keys common, so the tie-breaks are exercised too.
    const queuedAt = T0 + Math.floor(rnd() * 12) * 5 * MIN;
    const priorityClass = pick<PriorityClass>(['walk_in', 'walk_in', 'priority', 'appointment']);
    const status = rnd() < 0.85 ? 'waiting' : pick<TicketStatus>(['called', 'serving']);
    return makeTicket({
      id: `g${seed}-${String(i).padStart(3, '0')}`,
      number: `${pick(['A', 'B'])}${pick(['998', '999', '1000', '017'])}`,
      serviceId: pick(SERVICES),
      language: pick(LANGUAGES),
      status,
      priorityClass,
      dueAt: priorityClass === 'appointment' ? queuedAt + Math.floor(rnd() * 6) * 10 * MIN : null,
      queuedAt,
      // Some are still in their cool-down (or early for their slot): not callable yet.
      availableAt: rnd() < 0.15 ? NOW + MIN : queuedAt,
      targetCounterId: rnd() < 0.1 ? pick([...COUNTER_IDS, 'elsewhere']) : null,
    });
  });
  const policy = { ...DEFAULT_POLICY, languageMatchMinutes: pick([0, 10, 40]), secondaryPenaltyMinutes: pick([0, 10]) };
  return { counters, tickets, policy };
}

/** What call-next does at one desk, again and again, until nobody is left. */
function drain(counter: CounterProfile, tickets: readonly Ticket[], policy: PolicySettings): string[] {
  const left = [...tickets];
  const out: string[] = [];
  for (let t = pickNext(counter, left, NOW, policy); t !== null; t = pickNext(counter, left, NOW, policy)) {
    out.push(t.id);
    left.splice(left.indexOf(t), 1);
  }
  return out;
}

const ids = (ts: readonly Ticket[]) => ts.map((t) => t.id);

describe('callOrder', () => {
  it('is the order successive pickNext calls take, with pickNext at its head, over 500 generated queues', () => {
    let nonEmpty = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const { counters, tickets, policy } = generate(seed);
      const all = callOrders(counters, tickets, NOW, policy);
      for (const counter of counters) {
        const order = callOrder(counter, tickets, NOW, policy);
        const label = `seed ${seed}, counter ${counter.id}`;
        expect(order[0] ?? null, label).toBe(pickNext(counter, tickets, NOW, policy));
        expect(ids(order), label).toEqual(drain(counter, tickets, policy));
        expect(ids(all.get(counter.id) ?? []), label).toEqual(ids(order));
        if (order.length > 1) nonEmpty++;
      }
    }
    // The generator must produce real queues, not a run of empty ones.
    expect(nonEmpty).toBeGreaterThan(1000);
  });

  it('holds only what may be called now at that desk', () => {
    const c1 = makeCounter({ id: 'c1', primaryServiceIds: ['residence'], secondaryServiceIds: ['asylum'] });
    const mine = makeTicket({ queuedAt: T0 + MIN });
    const secondary = makeTicket({ serviceId: 'asylum', queuedAt: T0 });
    const sentHere = makeTicket({ serviceId: 'naturalisation', targetCounterId: 'c1', queuedAt: T0 + 2 * MIN });
    const sentElsewhere = makeTicket({ targetCounterId: 'c2' });
    const coolingDown = makeTicket({ availableAt: NOW + 1 });
    const called = makeTicket({ status: 'called' });
    const otherService = makeTicket({ serviceId: 'information' });
    const order = callOrder(c1, [mine, secondary, sentHere, sentElsewhere, coolingDown, called, otherService], NOW, DEFAULT_POLICY);
    // The secondary service waits its penalty (10 min), so the later primary ticket and the one sent here go first.
    expect(ids(order)).toEqual([mine.id, sentHere.id, secondary.id]);
  });

  it('gives every counter asked for an entry, an empty one when nobody may be called', () => {
    const counters = [makeCounter({ id: 'c1' }), makeCounter({ id: 'c2', primaryServiceIds: ['asylum'] })];
    const orders = callOrders(counters, [makeTicket()], NOW, DEFAULT_POLICY);
    expect([...orders.keys()]).toEqual(['c1', 'c2']);
    expect(orders.get('c2')).toEqual([]);
  });
});
