import { describe, expect, it } from 'vitest';
import type { PriorityClass, Ticket } from '../../common/model.js';
import { isEligible, pickNext, sortKey, type CounterProfile } from '../../server/domain/queue-policy.js';
import { DEFAULT_POLICY, type PolicySettings } from '../../server/domain/settings.js';
import { applyTicketCommand } from '../../server/domain/ticket-lifecycle.js';
import { seededRandom } from '../../bench/stats.js';
import { makeCounter, makeTicket, MIN, T0 } from '../helpers/ticket-factory.js';

/**
 * The anti-starvation bound documented in queue-policy.ts, checked by a
 * sweep, a seeded property test against a sort-based oracle, and one long queue.
 */

const P = DEFAULT_POLICY; // maxOvertake 30, priority 20, appointment 30, language 10, secondary 10
const NOW = T0 + 60 * MIN;

const walkIn = (minutes: number, o: Partial<Ticket> = {}) => makeTicket({ queuedAt: T0 + minutes * MIN, ...o });
const priority = (minutes: number, o: Partial<Ticket> = {}) => walkIn(minutes, { priorityClass: 'priority', ...o });
const appointment = (dueMinutes: number, o: Partial<Ticket> = {}) =>
  walkIn(dueMinutes - 10, { priorityClass: 'appointment', dueAt: T0 + dueMinutes * MIN, ...o });

const services = ['residence', 'asylum', 'naturalisation', 'pickup'];
const languages = ['de', 'ar', 'tr', 'uk', 'fa'];
const classes: PriorityClass[] = ['walk_in', 'priority', 'appointment'];

/** A seeded random source: uniform floats, integers in [lo, hi], a pick from a list. */
function randomSource(seed: number) {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { rand, int, pick };
}

describe('anti-starvation', () => {
  const base = (t: Ticket) => (t.priorityClass === 'appointment' && t.dueAt !== null ? t.dueAt : t.queuedAt);
  const langCounter = makeCounter({ id: 'c1', primaryServiceIds: ['residence'], secondaryServiceIds: ['asylum'], staffLanguages: ['de', 'ar'] });

  it('no one whose base time is more than maxOvertake after a waiting walk-in is called first (sweep)', () => {
    const kinds: Array<(offset: number) => Ticket> = [
      (o) => priority(o, { language: 'ar' }),
      (o) => appointment(o, { language: 'ar' }),
      (o) => appointment(o, { language: 'fa' }),
      (o) => walkIn(o, { language: 'ar' }),
      (o) => priority(o, { serviceId: 'asylum', language: 'ar' }),
      (o) => appointment(o, { targetCounterId: 'c1', serviceId: 'naturalisation', language: 'ar' }),
    ];
    let overtakes = 0;
    for (const kind of kinds) {
      for (let offsetSec = -3600; offsetSec <= 3600; offsetSec += 15) {
        const w = walkIn(0, { language: 'fa' });
        const x = kind(offsetSec / 60);
        const picked = pickNext(langCounter, [x, w], NOW + 2 * 3600_000, P);
        if (picked?.id === x.id) overtakes++;
        if (base(x) > w.queuedAt + P.maxOvertakeMinutes * MIN) expect(picked?.id).toBe(w.id);
      }
    }
    expect(overtakes).toBeGreaterThan(0);
  });

  it('the bound is tight: just inside it, an overtake is possible', () => {
    const w = walkIn(0, { language: 'fa' });
    const x = appointment(30, { language: 'ar' });
    expect(pickNext(langCounter, [w, x], NOW, P)?.id).toBe(x.id);
  });

  it('holds for many random queues, counters and settings (seeded property test)', () => {
    const { rand, int, pick } = randomSource(0x5eed);
    let checkedWalkIns = 0;

    for (let round = 0; round < 2000; round++) {
      const p: PolicySettings = {
        ...P,
        maxOvertakeMinutes: int(0, 60),
        priorityBoostMinutes: int(0, 90),
        appointmentBoostMinutes: int(0, 90),
        languageMatchMinutes: int(0, 40),
        secondaryPenaltyMinutes: int(0, 40),
      };
      const c = makeCounter({
        id: pick(['c1', 'c2']),
        primaryServiceIds: [pick(services)],
        secondaryServiceIds: [pick(services)],
        staffLanguages: [pick(languages), pick(languages)],
      });
      const queue = Array.from({ length: int(1, 40) }, () => {
        const cls = pick(classes);
        const queuedAt = T0 + int(-120, 120) * MIN + int(0, 59) * 1000;
        return makeTicket({
          serviceId: pick(services),
          language: pick(languages),
          priorityClass: cls,
          queuedAt,
          dueAt: cls === 'appointment' ? queuedAt + int(-30, 90) * MIN : null,
          availableAt: rand() < 0.2 ? NOW + MIN : queuedAt,
          targetCounterId: rand() < 0.15 ? pick(['c1', 'c2']) : null,
          status: rand() < 0.1 ? 'called' : 'waiting',
          number: `A${String(int(1, 50)).padStart(3, '0')}`,
        });
      });

      const picked = pickNext(c, queue, NOW, p);
      expect(picked?.id ?? null).toBe(rankedFirst(c, queue, NOW, p)?.id ?? null);
      if (picked === null) continue;
      const eligible = queue.filter((t) => isEligible(c, t, NOW));

      for (const w of eligible) {
        if (w.priorityClass !== 'walk_in' || !c.primaryServiceIds.includes(w.serviceId)) continue;
        checkedWalkIns++;
        expect(base(picked) <= w.queuedAt + p.maxOvertakeMinutes * MIN || picked.id === w.id).toBe(true);
      }
    }
    expect(checkedWalkIns).toBeGreaterThan(1000);
  });

  it('holds over multi-service visits: a ticket sent on to its next service (credit or back) overtakes no walk-in who joined that queue more than maxOvertake before it (seeded property test, #17)', () => {
    const { rand, int, pick } = randomSource(0x17);
    let checkedWalkIns = 0;
    let visitsPicked = 0;
    let creditedPicks = 0;

    for (let round = 0; round < 2000; round++) {
      const placement = rand() < 0.75 ? 'credit' : 'back';
      const p: PolicySettings = {
        ...P,
        maxOvertakeMinutes: int(0, 60),
        priorityBoostMinutes: int(0, 90),
        appointmentBoostMinutes: int(0, 90),
        languageMatchMinutes: int(0, 40),
        secondaryPenaltyMinutes: int(0, 40),
        nextServicePlacement: placement,
      };
      const c = makeCounter({
        id: pick(['c1', 'c2']),
        primaryServiceIds: [pick(services)],
        secondaryServiceIds: [pick(services)],
        staffLanguages: [pick(languages), pick(languages)],
      });
      /** When each ticket joined the queue it waits in: its issue, or the moment it was sent on to this service. */
      const joined = new Map<string, number>();
      const queue = Array.from({ length: int(1, 40) }, () => {
        const cls = pick(classes);
        const queuedAt = T0 + int(-120, 120) * MIN + int(0, 59) * 1000;
        const first = makeTicket({
          serviceId: pick(services),
          language: pick(languages),
          priorityClass: cls,
          queuedAt,
          dueAt: cls === 'appointment' ? queuedAt + int(-30, 90) * MIN : null,
          availableAt: queuedAt,
          number: `A${String(int(1, 50)).padStart(3, '0')}`,
        });
        if (rand() < 0.5) {
          joined.set(first.id, cls === 'appointment' && first.dueAt !== null ? first.dueAt : queuedAt);
          return { ...first, targetCounterId: rand() < 0.15 ? pick(['c1', 'c2']) : null, status: rand() < 0.1 ? ('called' as const) : ('waiting' as const) };
        }
        // A visit of several services: called (and maybe served) in its first, then sent on to the next.
        const calledAt = queuedAt + int(0, 90) * MIN;
        const at = calledAt + int(0, 30) * MIN;
        const serving = rand() < 0.7;
        const next = pick(services.filter((s) => s !== first.serviceId));
        const atCounter = { ...first, status: serving ? ('serving' as const) : ('called' as const), counterId: 'c9', calledAt, servingAt: serving ? calledAt + MIN : null, callCount: 1, nextServiceIds: [next] };
        const moved = applyTicketCommand(atCounter, { type: 'next_service', userId: 'u1', serviceId: next, placement }, at, p);
        if (!moved.ok) throw new Error(moved.message);
        joined.set(first.id, at);
        return moved.value.ticket;
      });

      const now = T0 + 4 * 60 * MIN;
      const picked = pickNext(c, queue, now, p);
      expect(picked?.id ?? null).toBe(rankedFirst(c, queue, now, p)?.id ?? null);
      if (picked === null) continue;
      if (picked.nextServiceIds.length === 0 && picked.callCount === 0 && joined.get(picked.id) !== base(picked)) {
        visitsPicked++;
        if (picked.queuedAt < (joined.get(picked.id) as number)) creditedPicks++;
      }
      for (const w of queue.filter((t) => isEligible(c, t, now))) {
        if (w.priorityClass !== 'walk_in' || !c.primaryServiceIds.includes(w.serviceId)) continue;
        checkedWalkIns++;
        expect((joined.get(picked.id) as number) <= w.queuedAt + p.maxOvertakeMinutes * MIN || picked.id === w.id).toBe(true);
      }
    }
    expect(checkedWalkIns).toBeGreaterThan(1000);
    expect(visitsPicked).toBeGreaterThan(100);
    expect(creditedPicks).toBeGreaterThan(50);
  });
});

describe('a long queue', () => {
  // How fast this is (under a millisecond at 10,000) is measured by the bench, scenario 3.
  it('pickNext over 10,000 waiting tickets picks what a full sort ranks first', () => {
    const rand = seededRandom(42);
    const services = ['residence', 'asylum', 'naturalisation', 'pickup', 'info', 'courses'];
    const queue = Array.from({ length: 10_000 }, (_, i) =>
      makeTicket({
        serviceId: services[i % services.length] as string,
        language: rand() < 0.3 ? 'ar' : 'de',
        priorityClass: rand() < 0.1 ? 'priority' : 'walk_in',
        queuedAt: T0 + Math.floor(rand() * 3600_000),
      }),
    );
    const counters = [
      makeCounter({ primaryServiceIds: ['residence', 'asylum'], secondaryServiceIds: ['info'], staffLanguages: ['de', 'ar'] }),
      makeCounter({ primaryServiceIds: ['courses'], secondaryServiceIds: ['pickup', 'naturalisation'], staffLanguages: ['ar'] }),
    ];
    // Both orders, so the winner is once in the first half of the list and once in the second.
    for (const order of [queue, [...queue].reverse()]) {
      for (const c of counters) {
        const first = rankedFirst(c, order, NOW, P);
        expect(first).toBeDefined();
        expect(pickNext(c, order, NOW, P)?.id).toBe(first?.id);
      }
    }
  });
});

/** The oracle: the first eligible ticket of a full sort by key and tie-breaks. */
function rankedFirst(c: CounterProfile, queue: Ticket[], now: number, p: PolicySettings): Ticket | undefined {
  const rank = { appointment: 0, priority: 1, walk_in: 2 } as const;
  return queue
    .filter((t) => isEligible(c, t, now))
    .sort(
      (a, b) =>
        sortKey(c, a, p) - sortKey(c, b, p) ||
        rank[a.priorityClass] - rank[b.priorityClass] ||
        a.queuedAt - b.queuedAt ||
        a.number.length - b.number.length ||
        (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) ||
        (a.id < b.id ? -1 : 1),
    )[0];
}

