import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/model.js';
import {
  isEligible,
  orderForService,
  pickNext,
  positionOf,
  sortKey,
  type CounterProfile,
} from '../../server/domain/queue-policy.js';
import { DEFAULT_POLICY } from '../../server/domain/settings.js';
import { applyTicketCommand } from '../../server/domain/ticket-lifecycle.js';
import { makeCounter, makeTicket, MIN, T0 } from '../helpers/ticket-factory.js';

const P = DEFAULT_POLICY; // maxOvertake 30, priority 20, appointment 30, language 10, secondary 10
const NOW = T0 + 60 * MIN;
const counter = makeCounter({ id: 'c1', primaryServiceIds: ['residence'], secondaryServiceIds: ['asylum'] });

const walkIn = (minutes: number, o: Partial<Ticket> = {}) => makeTicket({ queuedAt: T0 + minutes * MIN, ...o });
const priority = (minutes: number, o: Partial<Ticket> = {}) => walkIn(minutes, { priorityClass: 'priority', ...o });
const appointment = (dueMinutes: number, o: Partial<Ticket> = {}) =>
  walkIn(dueMinutes - 10, { priorityClass: 'appointment', dueAt: T0 + dueMinutes * MIN, ...o });

/** Calls until nobody eligible is left; returns the ids in call order. */
function drain(c: CounterProfile, tickets: Ticket[], now = NOW, p = P): string[] {
  const left = [...tickets];
  const out: string[] = [];
  for (let t = pickNext(c, left, now, p); t !== null; t = pickNext(c, left, now, p)) {
    out.push(t.id);
    left.splice(left.indexOf(t), 1);
  }
  return out;
}

describe('eligibility', () => {
  it('needs waiting status, availability and a matching service or target', () => {
    expect(isEligible(counter, walkIn(0), NOW)).toBe(true);
    expect(isEligible(counter, walkIn(0, { serviceId: 'asylum' }), NOW)).toBe(true);
    expect(isEligible(counter, walkIn(0, { serviceId: 'naturalisation' }), NOW)).toBe(false);
    expect(isEligible(counter, walkIn(0, { status: 'called' }), NOW)).toBe(false);
    expect(isEligible(counter, walkIn(0, { availableAt: NOW + 1 }), NOW)).toBe(false);
    expect(isEligible(counter, walkIn(0, { availableAt: NOW }), NOW)).toBe(true);
  });

  it('a targeted ticket is only offered at its counter, whatever the services', () => {
    const t = walkIn(0, { serviceId: 'naturalisation', targetCounterId: 'c1' });
    expect(isEligible(counter, t, NOW)).toBe(true);
    expect(isEligible(makeCounter({ id: 'c2', primaryServiceIds: ['naturalisation'] }), t, NOW)).toBe(false);
    const other = walkIn(-30, { targetCounterId: 'c2' });
    expect(pickNext(counter, [other, walkIn(0)], NOW, P)?.id).not.toBe(other.id);
  });
});

describe('call order', () => {
  it('is FIFO within a class', () => {
    const ts = [walkIn(3), walkIn(1), walkIn(2), walkIn(0)];
    expect(drain(counter, ts)).toEqual([ts[3], ts[1], ts[2], ts[0]].map((t) => t?.id));
    const ps = [priority(2), priority(0), priority(1)];
    expect(drain(counter, ps)).toEqual([ps[1], ps[2], ps[0]].map((t) => t?.id));
  });

  it('a priority ticket overtakes walk-ins by priorityBoostMinutes', () => {
    const w = walkIn(0);
    expect(pickNext(counter, [w, priority(19)], NOW, P)?.priorityClass).toBe('priority');
    expect(pickNext(counter, [w, priority(21)], NOW, P)?.id).toBe(w.id);
  });

  it('an appointment that is due now overtakes later walk-ins', () => {
    const due = appointment(60); // slot = NOW
    const early = walkIn(25);
    const late = walkIn(40);
    expect(drain(counter, [late, due, early])).toEqual([early.id, due.id, late.id]);
  });

  it('an early appointment waits until it is available', () => {
    const a = appointment(85, { availableAt: T0 + 80 * MIN }); // key T0+55
    const w = walkIn(58);
    expect(pickNext(counter, [a, w], NOW, P)?.id).toBe(w.id);
    expect(pickNext(counter, [a, w], T0 + 80 * MIN, P)?.id).toBe(a.id);
  });

  it('primary services come first; secondary ones after the penalty', () => {
    const sec = walkIn(0, { serviceId: 'asylum' });
    expect(pickNext(counter, [sec, walkIn(9)], NOW, P)?.serviceId).toBe('residence');
    expect(pickNext(counter, [sec, walkIn(11)], NOW, P)?.id).toBe(sec.id);
    expect(pickNext(counter, [sec], NOW, P)?.id).toBe(sec.id);
  });

  it('a ticket sent to this counter by name carries no secondary penalty', () => {
    const sent = walkIn(5, { serviceId: 'asylum', targetCounterId: 'c1' });
    expect(pickNext(counter, [walkIn(6), sent], NOW, P)?.id).toBe(sent.id);
  });

  it('the recall cool-down hides a returned ticket until availableAt', () => {
    const called = walkIn(0, { status: 'called', counterId: 'c1', callCount: 1 });
    const r = applyTicketCommand(called, { type: 'return', userId: null }, NOW, P);
    if (!r.ok) throw new Error(r.code);
    const back = r.value.ticket;
    const w = walkIn(30);
    expect(pickNext(counter, [back, w], NOW, P)?.id).toBe(w.id);
    expect(pickNext(counter, [back, w], NOW + P.recallCooldownSeconds * 1000 - 1, P)?.id).toBe(w.id);
    expect(pickNext(counter, [back, w], NOW + P.recallCooldownSeconds * 1000, P)?.id).toBe(back.id);
  });

  it('a language match overtakes by at most languageMatchMinutes', () => {
    const arabic = makeCounter({ id: 'c1', primaryServiceIds: ['residence'], staffLanguages: ['ar'] });
    const de = walkIn(0);
    expect(pickNext(arabic, [de, walkIn(9, { language: 'ar' })], NOW, P)?.language).toBe('ar');
    expect(pickNext(arabic, [de, walkIn(11, { language: 'ar' })], NOW, P)?.id).toBe(de.id);
    // Priority + language = 30, exactly the cap.
    expect(pickNext(arabic, [de, priority(29, { language: 'ar' })], NOW, P)?.language).toBe('ar');
    expect(pickNext(arabic, [de, priority(31, { language: 'ar' })], NOW, P)?.id).toBe(de.id);
  });

  it('breaks ties by class, then queuedAt, then number, then id — regardless of input order', () => {
    // All three keys equal T0.
    const a = appointment(30);
    const p = priority(20);
    const w = walkIn(0);
    expect(sortKey(counter, a, P)).toBe(sortKey(counter, w, P));
    expect(sortKey(counter, p, P)).toBe(sortKey(counter, w, P));
    expect(drain(counter, [w, p, a])).toEqual([a.id, p.id, w.id]);

    const x = walkIn(0, { number: 'A1000', id: 'x' });
    const y = walkIn(0, { number: 'A999', id: 'y' });
    const z1 = walkIn(0, { number: 'A999', id: 'z1' });
    const z0 = walkIn(0, { number: 'A999', id: 'z0' });
    const perms = [[x, y, z1, z0], [z0, z1, y, x], [z1, x, z0, y]];
    for (const perm of perms) expect(drain(counter, perm)).toEqual(['y', 'z0', 'z1', 'x']);
  });
});

describe('sortKey', () => {
  it('is the virtual queue time in ms', () => {
    const c = makeCounter({ primaryServiceIds: ['residence'], secondaryServiceIds: ['asylum'], staffLanguages: ['tr'] });
    expect(sortKey(c, walkIn(0), P)).toBe(T0);
    expect(sortKey(c, priority(0), P)).toBe(T0 - 20 * MIN);
    expect(sortKey(c, appointment(40), P)).toBe(T0 + 10 * MIN);
    expect(sortKey(c, walkIn(0, { language: 'tr' }), P)).toBe(T0 - 10 * MIN);
    expect(sortKey(c, appointment(40, { language: 'tr' }), P)).toBe(T0 + 10 * MIN); // capped at 30
    expect(sortKey(c, walkIn(0, { serviceId: 'asylum' }), P)).toBe(T0 + 10 * MIN);
    expect(sortKey(null, walkIn(0, { serviceId: 'asylum', language: 'tr' }), P)).toBe(T0);
    // An "appointment" without a slot counts from queuedAt without a boost.
    expect(sortKey(c, walkIn(0, { priorityClass: 'appointment', dueAt: null }), P)).toBe(T0);
  });
});

describe('visitor positions', () => {
  const tickets = () => {
    const w1 = walkIn(0);
    const w2 = walkIn(5, { targetCounterId: 'c9' });
    const p1 = priority(15);
    const cooling = walkIn(2, { availableAt: NOW + MIN });
    const other = walkIn(-30, { serviceId: 'asylum' });
    const gone = walkIn(-40, { status: 'called' });
    return { w1, w2, p1, cooling, other, gone, all: [w1, w2, p1, cooling, other, gone] };
  };

  it('orders one service without counter terms, including tickets not yet available', () => {
    const { w1, w2, p1, cooling, all } = tickets();
    expect(orderForService('residence', all, NOW, P).map((t) => t.id)).toEqual([p1.id, w1.id, cooling.id, w2.id]);
  });

  it('positionOf agrees with orderForService and is 0 when not waiting', () => {
    const { all, gone, other } = tickets();
    const order = orderForService('residence', all, NOW, P);
    order.forEach((t, i) => expect(positionOf(t, all, NOW, P)).toBe(i + 1));
    expect(positionOf(other, all, NOW, P)).toBe(1);
    expect(positionOf(gone, all, NOW, P)).toBe(0);
    // A ticket not (yet) in the list is placed where it would go.
    expect(positionOf(walkIn(3), all, NOW, P)).toBe(4);
  });
});
