import type { PriorityClass, TicketChannel } from '../common/model.js';
import { event, type DomainEvent } from '../server/domain/events.js';
import { addDays, instantAt, weekdayOf } from '../server/domain/time.js';
import type { QueueStore } from '../server/store/store.js';

/**
 * A busy office's history for the statistics bench and tests (#16): office days
 * of walk-ins, priority, appointments early, late and missed, staff issues,
 * transfers with and without keeping the place, recalls, no-shows,
 * cancellations, tickets expired at the day's end, refusals, phone estimates
 * and notes, as events written straight into the store's log (with the booked
 * appointments), on the demo office's services and counters.
 */

export const TZ = 'Europe/Berlin';
const MIN = 60_000;
export const SERVICES = [
  ['residence', 'A', 0.35],
  ['permit-pickup', 'P', 0.2],
  ['naturalisation', 'E', 0.1],
  ['asylum', 'S', 0.15],
  ['information', 'I', 0.12],
  ['integration-courses', 'K', 0.08],
] as const;
const LANGUAGES = [
  ['de', 0.55],
  ['tr', 0.1],
  ['ar', 0.1],
  ['en', 0.08],
  ['uk', 0.07],
  ['fa', 0.05],
  ['ru', 0.05],
] as const;
const COUNTERS = ['schalter-1', 'schalter-2', 'schalter-3', 'schalter-4', 'schalter-5', 'raum-1-14', 'raum-1-15', 'raum-1-16'];

function pick<T extends readonly [string, ...unknown[]]>(rng: () => number, table: readonly T[], weight: (t: T) => number): T {
  let u = rng();
  for (const t of table) {
    u -= weight(t);
    if (u <= 0) return t;
  }
  return table[table.length - 1] as T;
}

/** `n` office days (weekdays) from `from` on; by default from the first Monday of 2026. */
export function officeDays(n: number, from = '2026-01-05'): string[] {
  const out: string[] = [];
  for (let d = from; out.length < n; d = addDays(d, 1)) if (weekdayOf(d) <= 5) out.push(d);
  return out;
}

/** One office day's events, in the order they happened. */
export function dayEvents(date: string, dayIndex: number, visits: number, rng: () => number): { events: DomainEvent[]; appointments: Array<{ id: string; serviceId: string; startsAt: number; language: string }> } {
  const ev: DomainEvent[] = [];
  const appointments: Array<{ id: string; serviceId: string; startsAt: number; language: string }> = [];
  const opens = instantAt(date, '08:00', TZ);
  const dayEnd = instantAt(addDays(date, 1), '00:00', TZ) + 5000;
  const counters = new Map<string, number>();
  for (const c of COUNTERS) ev.push(event('counter.opened', opens - 5 * MIN, { counterId: c, userId: `usr_${c}`, data: { takenOverFrom: null } }));
  for (let i = 0; i < visits; i++) {
    const [serviceId, prefix] = pick(rng, SERVICES, (s) => s[2]);
    const [language] = pick(rng, LANGUAGES, (l) => l[1]);
    const ticketId = `t${dayIndex}-${i}`;
    const seqNo = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, seqNo);
    const number = `${prefix}${String(seqNo).padStart(3, '0')}`;
    const kind = rng();
    let at = opens + Math.floor(rng() * 8 * 60) * MIN + Math.floor(rng() * MIN);
    let channel: TicketChannel = 'kiosk';
    let priorityClass: PriorityClass = 'walk_in';
    let joined = at;
    const base = { ticketId, serviceId };
    if (kind < 0.1) {
      // An appointment: booked (logged) in the morning, checked in early or late, or missed.
      const id = `apt${dayIndex}-${i}`;
      const slot = opens + Math.floor(rng() * 32) * 15 * MIN;
      appointments.push({ id, serviceId, startsAt: slot, language });
      ev.push(event('appointment.created', opens - 60 * MIN, { serviceId, userId: 'usr_booking', data: { appointmentId: id, startsAt: slot } }));
      if (rng() < 0.08) continue;
      at = slot + Math.round((rng() * 40 - 15) * MIN);
      const late = at > slot + 15 * MIN;
      channel = 'checkin';
      priorityClass = late ? 'walk_in' : 'appointment';
      joined = late ? at : Math.max(at, slot - 5 * MIN);
      ev.push(event('ticket.checked_in', at, { ...base, data: { number, businessDate: date, language, priorityClass, channel, estimate: null, position: null, nextServiceIds: [], appointmentId: id, late } }));
    } else {
      if (kind < 0.15) channel = 'staff';
      else if (kind < 0.2) priorityClass = 'priority';
      ev.push(event('ticket.issued', at, { ...base, userId: channel === 'staff' ? 'usr_staff' : null, data: { number, businessDate: date, language, priorityClass, channel, estimate: { low: 5, high: 12 }, position: 3, nextServiceIds: [] } }));
    }
    const wait = Math.min(90, -Math.log(1 - rng()) * (priorityClass === 'walk_in' ? 14 : 5)) * MIN;
    const calledAt = Math.round(joined + wait);
    for (const f of [0.3, 0.6]) ev.push(event('ticket.estimate_shown', Math.round(joined + wait * f), { ...base, data: { estimate: { low: 3, high: 9 }, position: 2 } }));
    if (rng() < 0.05) ev.push(event('ticket.noted', at + MIN, { ...base, data: { length: 12 } }));
    const outcome = rng();
    if (outcome < 0.04) {
      ev.push(event('ticket.cancelled', Math.round(joined + wait / 2), base));
      continue;
    }
    if (outcome < 0.06 || calledAt > instantAt(date, '18:30', TZ)) {
      ev.push(event('ticket.expired', dayEnd, { ...base, data: { from: 'waiting' } }));
      continue;
    }
    const counterId = COUNTERS[Math.floor(rng() * COUNTERS.length)] as string;
    const atCounter = { ...base, counterId, userId: `usr_${counterId}` };
    ev.push(event('ticket.called', calledAt, { ...atCounter, data: { number, callCount: 1, waitedMs: calledAt - joined } }));
    let lastCall = calledAt;
    if (rng() < 0.1) {
      lastCall += MIN;
      ev.push(event('ticket.recalled', lastCall, { ...atCounter, data: { number, callCount: 2 } }));
    }
    if (outcome < 0.11) {
      ev.push(event('ticket.no_show', lastCall + 2 * MIN, { ...atCounter, data: { callCount: 2 } }));
      continue;
    }
    const started = lastCall + Math.round((0.5 + rng() * 2) * MIN);
    ev.push(event('ticket.started', started, atCounter));
    if (outcome < 0.15) {
      const [toServiceId] = pick(rng, SERVICES, (s) => s[2]);
      const moved = started + 3 * MIN;
      ev.push(event('ticket.transferred', moved, { ...atCounter, data: { fromServiceId: serviceId, toServiceId, toCounterId: null, keepPlace: rng() < 0.5, serviceMs: 3 * MIN } }));
      const next = { ticketId, serviceId: toServiceId, counterId: 'raum-1-15', userId: 'usr_raum-1-15' };
      const again = moved + Math.round((5 + rng() * 10) * MIN);
      ev.push(event('ticket.called', again, { ...next, data: { number, callCount: 1, waitedMs: again - moved } }));
      ev.push(event('ticket.started', again + MIN, next));
      ev.push(event('ticket.finished', again + 9 * MIN, { ...next, data: { serviceMs: 8 * MIN } }));
      continue;
    }
    const serviceMs = Math.round((4 + rng() * 16) * MIN);
    ev.push(event('ticket.finished', started + serviceMs, { ...atCounter, data: { serviceMs } }));
  }
  // Demand turned away: after closing, at the contingent.
  for (let i = 0; i < 10; i++) {
    const [serviceId] = pick(rng, SERVICES, (s) => s[2]);
    const [language] = pick(rng, LANGUAGES, (l) => l[1]);
    const reason = i < 7 ? 'outside_hours' : 'daily_limit';
    ev.push(event('ticket.refused', instantAt(date, '16:05', TZ) + i * 7 * MIN, { serviceId, data: { reason, channel: 'kiosk', language, priority: false } }));
  }
  for (const c of COUNTERS) ev.push(event('counter.closed', instantAt(date, '18:45', TZ), { counterId: c, userId: `usr_${c}` }));
  ev.sort((a, b) => a.at - b.at);
  return { events: ev, appointments };
}

/** Writes the days' events and booked appointments, a transaction per day; `onDay` reports progress. */
export async function writeOfficeDays(
  store: QueueStore,
  siteId: string,
  days: readonly string[],
  visits: number,
  rng: () => number,
  onDay: (i: number, events: number) => void = () => undefined,
): Promise<number> {
  let events = 0;
  for (const [i, date] of days.entries()) {
    const day = dayEvents(date, i, visits, rng);
    await store.transaction(siteId, async (tx) => {
      for (const a of day.appointments) {
        await tx.appointments.put({ id: a.id, code: a.id, serviceId: a.serviceId, startsAt: a.startsAt, language: a.language, status: 'booked', ticketId: null, createdAt: a.startsAt - 86_400_000 });
      }
      await tx.events.append(day.events);
    });
    events += day.events.length;
    onDay(i, events);
  }
  return events;
}
