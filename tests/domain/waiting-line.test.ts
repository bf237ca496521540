import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/model.js';
import { callOrder, pickNext, positionOf } from '../../server/domain/queue-policy.js';
import { DEFAULT_POLICY } from '../../server/domain/settings.js';
import { WaitingLine } from '../../server/domain/waiting-line.js';
import { seededRandom } from '../../bench/stats.js';
import { makeCounter, makeTicket, MIN, T0 } from '../helpers/ticket-factory.js';

/** Readable cases; the differential test (waiting-line-differential.test.ts) covers the rest. */

const P = DEFAULT_POLICY; // maxOvertake 30, priority 20, appointment 30, language 10, secondary 10, cool-down 120 s
const NOW = T0 + 60 * MIN;
const counter = makeCounter({ id: 'c1', primaryServiceIds: ['residence'], secondaryServiceIds: ['asylum'], staffLanguages: ['ar'] });

const walkIn = (minutes: number, o: Partial<Ticket> = {}) => makeTicket({ queuedAt: T0 + minutes * MIN, ...o });
const ids = (ts: readonly Ticket[]) => ts.map((t) => t.id);

describe('WaitingLine', () => {
  it('holds a ticket exactly while it is waiting: put adds, moves and removes', () => {
    const a = walkIn(0);
    const b = walkIn(1, { serviceId: 'asylum' });
    const line = new WaitingLine(P, [a, b, walkIn(2, { status: 'done' })]);
    expect(line.size).toBe(2);
    expect(line.count('residence')).toBe(1);

    const moved = { ...a, serviceId: 'asylum' };
    line.put(moved);
    expect(line.get(a.id)).toBe(moved);
    expect([line.count('residence'), line.count('asylum')]).toEqual([0, 2]);

    line.put({ ...moved, status: 'called' });
    expect(line.get(a.id)).toBeUndefined();
    line.remove(b.id);
    line.remove('unknown');
    expect(line.size).toBe(0);
    expect([...line.tickets()]).toEqual([]);
  });

  it('keeps the last version of a ticket given twice when built, and only if it is waiting', () => {
    const a = walkIn(0);
    const line = new WaitingLine(P, [a, { ...a, status: 'called' }, walkIn(1), { ...walkIn(2), id: a.id }]);
    expect(line.size).toBe(2);
    expect(line.get(a.id)?.queuedAt).toBe(T0 + 2 * MIN);
  });

  it('calls by the policy: priority, staff language, secondary penalty, a ticket sent here by name', () => {
    const early = walkIn(0);
    const priority = walkIn(15, { priorityClass: 'priority' }); // key −5
    const arabic = walkIn(8, { language: 'ar' }); // key −2
    const secondary = walkIn(-9, { serviceId: 'asylum' }); // key +1
    const sentHere = walkIn(3, { serviceId: 'naturalisation', targetCounterId: 'c1' }); // no penalty: key 3
    const sentElsewhere = walkIn(-60, { targetCounterId: 'c2' });
    const otherService = walkIn(-60, { serviceId: 'information' });
    const all = [early, priority, arabic, secondary, sentHere, sentElsewhere, otherService];
    const line = new WaitingLine(P, all);

    expect(line.pickNext(counter, NOW)).toBe(priority);
    expect(ids(line.callOrder(counter, NOW, 10))).toEqual(ids([priority, arabic, early, secondary, sentHere]));
    expect(ids(line.callOrder(counter, NOW, 2))).toEqual(ids([priority, arabic]));
    expect(line.callOrder(counter, NOW, 0)).toEqual([]);
    expect(ids(line.callOrder(counter, NOW, Infinity))).toEqual(ids(callOrder(counter, all, NOW, P)));
    expect(line.pickNext(makeCounter({ id: 'c2', primaryServiceIds: [] }), NOW)).toBe(sentElsewhere);
    expect(line.pickNext(makeCounter({ id: 'c3', primaryServiceIds: ['pickup'] }), NOW)).toBeNull();
  });

  it('skips a returned ticket in its cool-down and says when it may be called', () => {
    // Returned at NOW: it keeps its place (queuedAt) and is not offered before the cool-down ends.
    const cooledDown = NOW + P.recallCooldownSeconds * 1000;
    const back = walkIn(0, { callCount: 1, availableAt: cooledDown });
    const later = walkIn(30);
    const line = new WaitingLine(P, [back, later]);

    expect(line.pickNext(counter, NOW)).toBe(later);
    expect(line.nextCallableAt(counter, NOW)).toBe(cooledDown);
    expect(line.pickNext(counter, cooledDown - 1)).toBe(later);
    expect(line.pickNext(counter, cooledDown)).toBe(back);
    expect(line.nextCallableAt(counter, cooledDown)).toBe(Infinity);
    expect(line.nextCallableAt(makeCounter({ id: 'c9', primaryServiceIds: ['asylum'] }), NOW)).toBe(Infinity);
  });

  it('gives counter-neutral positions, counting tickets sent by name, never the stored self', () => {
    const w1 = walkIn(0);
    const w2 = walkIn(5, { targetCounterId: 'c9', language: 'ar' });
    const p1 = walkIn(15, { priorityClass: 'priority' });
    const cooling = walkIn(2, { availableAt: NOW + MIN });
    const other = walkIn(-30, { serviceId: 'asylum' });
    const all = [w1, w2, p1, cooling, other];
    const line = new WaitingLine(P, all);

    expect([p1, w1, cooling, w2, other].map((t) => line.position(t))).toEqual([1, 2, 3, 4, 1]);
    // The same ticket with a write not applied yet: its stored version (ahead of it) does not count.
    expect(line.position({ ...w1, queuedAt: T0 + 10 * MIN })).toBe(4);
    expect(line.position({ ...w1, queuedAt: T0 + 10 * MIN })).toBe(positionOf({ ...w1, queuedAt: T0 + 10 * MIN }, all, NOW, P));
    expect(line.position(walkIn(3))).toBe(4); // not in the line: placed where it would go
    expect(line.position({ ...w1, status: 'called' })).toBeNull();
    expect(line.position(walkIn(0, { serviceId: 'pickup' }))).toBe(1);
  });

  it('knows each service\'s longest wait and its due appointments', () => {
    const due = walkIn(10, { priorityClass: 'appointment', dueAt: NOW, availableAt: NOW - 5 * MIN });
    const early = walkIn(20, { priorityClass: 'appointment', dueAt: NOW + 30 * MIN, availableAt: NOW + 25 * MIN });
    const line = new WaitingLine(P, [due, early, walkIn(5), walkIn(-3, { serviceId: 'asylum' })]);
    expect(line.oldestQueuedAt('residence')).toBe(T0 + 5 * MIN);
    expect(line.oldestQueuedAt('asylum')).toBe(T0 - 3 * MIN);
    expect(line.oldestQueuedAt('pickup')).toBeNull();
    expect(line.dueAppointments('residence', NOW)).toBe(1);
    expect(line.dueAppointments('residence', NOW + 25 * MIN)).toBe(2);
    expect(line.dueAppointments('asylum', NOW)).toBe(0);
  });

  it('built at once or ticket by ticket, 10,000 waiting: the same decisions as the scans', () => {
    const rand = seededRandom(14);
    const services = ['residence', 'asylum', 'naturalisation', 'pickup'];
    const languages = ['de', 'ar', 'tr', 'uk'];
    const queue = Array.from({ length: 10_000 }, (_, i) => {
      const queuedAt = T0 + Math.floor(rand() * 600) * MIN;
      const appointment = rand() < 0.1;
      return makeTicket({
        id: `q${String(i).padStart(5, '0')}`,
        number: `A${i % 1200}`,
        serviceId: services[i % services.length] as string,
        language: languages[Math.floor(rand() * languages.length)] as string,
        priorityClass: appointment ? 'appointment' : rand() < 0.1 ? 'priority' : 'walk_in',
        dueAt: appointment ? queuedAt + Math.floor(rand() * 6) * 10 * MIN : null,
        queuedAt,
        availableAt: rand() < 0.05 ? queuedAt + 700 * MIN : queuedAt,
        targetCounterId: rand() < 0.02 ? 'c1' : null,
      });
    });
    const now = T0 + 600 * MIN;
    const bulk = new WaitingLine(P, queue);
    const oneByOne = new WaitingLine(P);
    for (const t of [...queue].reverse()) oneByOne.put(t);
    const counters = [
      counter,
      makeCounter({ id: 'c2', primaryServiceIds: ['pickup', 'naturalisation'], secondaryServiceIds: ['residence'], staffLanguages: ['tr', 'uk'] }),
    ];
    for (const line of [bulk, oneByOne]) {
      for (const c of counters) {
        expect(line.pickNext(c, now)).toBe(pickNext(c, queue, now, P));
        expect(ids(line.callOrder(c, now, 50))).toEqual(ids(callOrder(c, queue, now, P).slice(0, 50)));
      }
      for (let i = 0; i < queue.length; i += 97) {
        const t = queue[i] as Ticket;
        expect(line.position(t)).toBe(positionOf(t, queue, now, P));
      }
    }
  });
});
