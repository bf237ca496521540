import type { Ticket } from '../common/model.js';
import type { CounterProfile } from '../server/domain/queue-policy.js';
import { seededRandom } from './stats.js';

/** 2026-06-10 (a Wednesday) 08:00 in Europe/Berlin. */
const T0 = Date.UTC(2026, 5, 10, 6, 0, 0);

const SERVICES: Array<[string, string, number]> = [
  // id, prefix, share of arrivals
  ['residence', 'A', 0.3],
  ['permit-pickup', 'P', 0.15],
  ['naturalisation', 'E', 0.08],
  ['asylum', 'F', 0.12],
  ['migration-counselling', 'M', 0.1],
  ['youth-migration', 'J', 0.05],
  ['integration-courses', 'I', 0.1],
  ['information', 'K', 0.1],
];
const LANGUAGES = ['de', 'de', 'de', 'ar', 'tr', 'uk', 'ru', 'fa', 'ti', 'en', 'fr', 'ku', 'sq', 'ro'];

/** Schalter 4 of the demo office, with a Turkish- and Arabic-speaking member of staff. */
export const BENCH_COUNTER: CounterProfile = {
  id: 'schalter-4',
  primaryServiceIds: ['residence'],
  secondaryServiceIds: ['asylum'],
  staffLanguages: ['de', 'ar', 'fr'],
};

/**
 * A waiting room of `n` tickets as a long day would leave it: the demo
 * services' mix, many languages, some priority tickets, checked-in
 * appointments, a few returned (cooling down) and transferred-by-name ones.
 * Deterministic for a given `n`. `now` is after the last arrival.
 */
export function waitingRoom(n: number): { tickets: Ticket[]; now: number } {
  const rnd = seededRandom(0x5eed + n);
  const seqs = new Map<string, number>();
  const tickets: Ticket[] = [];
  // Arrivals spread over the day, so queuedAt differences span hours like a real queue.
  const spacing = Math.max(50, Math.floor((10 * 3600_000) / n));
  for (let i = 0; i < n; i++) {
    let r = rnd();
    let service = SERVICES[0] as [string, string, number];
    for (const s of SERVICES) {
      if (r < s[2]) {
        service = s;
        break;
      }
      r -= s[2];
    }
    const seq = (seqs.get(service[1]) ?? 0) + 1;
    seqs.set(service[1], seq);
    const queuedAt = T0 + i * spacing + Math.floor(rnd() * spacing);
    const kind = rnd();
    const appointment = kind < 0.04;
    const priority = !appointment && kind < 0.09;
    const cooling = rnd() < 0.03;
    const targeted = rnd() < 0.01;
    tickets.push({
      id: `bench-${n}-${i}`,
      ref: `r-${n}-${i}`,
      number: `${service[1]}${String(seq).padStart(3, '0')}`,
      serviceId: service[0],
      businessDate: '2026-06-10',
      language: LANGUAGES[Math.floor(rnd() * LANGUAGES.length)] as string,
      status: 'waiting',
      priorityClass: appointment ? 'appointment' : priority ? 'priority' : 'walk_in',
      channel: appointment ? 'checkin' : 'kiosk',
      appointmentId: appointment ? `apt-${i}` : null,
      dueAt: appointment ? queuedAt + 10 * 60_000 : null,
      issuedAt: queuedAt,
      queuedAt,
      availableAt: cooling ? queuedAt + 120_000 : queuedAt,
      targetCounterId: targeted ? (rnd() < 0.5 ? BENCH_COUNTER.id : 'raum-1-15') : null,
      counterId: null,
      userId: null,
      calledAt: null,
      servingAt: null,
      finishedAt: null,
      callCount: cooling ? 1 : 0,
      transferredFrom: null,
      nextServiceIds: [],
      notes: '',
    });
  }
  const last = tickets[tickets.length - 1]?.queuedAt ?? T0;
  return { tickets, now: last + 60_000 };
}
