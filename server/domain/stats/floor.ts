import type { FloorCounter, FloorCounterState, FloorHighlight, FloorPicture, FloorService } from '../../../common/floor.js';
import { minutesWaited, overTarget } from '../../../common/floor.js';
import type { Estimate, TicketStatus } from '../../../common/model.js';

/**
 * #16 live supervision, the pure part: the site's present state and the time
 * → the floor picture (common/floor.ts). The application hands in what the
 * views already work out (waiting counts, the oldest place in line and the
 * estimate per service: server/app/views.ts), the counters with the ticket at
 * each desk, today's refusals per service and the open alarms.
 */

export interface FloorServiceInput {
  id: string;
  prefix: string;
  names: Record<string, string>;
  active: boolean;
  waiting: number;
  /** The earliest place in line of its waiting tickets (WaitingLine.oldestQueuedAt); null when nobody waits. */
  oldestQueuedAt: number | null;
  /** For a ticket drawn now (QueueView's ServiceState.estimate). */
  estimate: Estimate | null;
}

export interface FloorCounterInput {
  id: string;
  name: string;
  area: string;
  open: boolean;
  primaryServiceIds: readonly string[];
  secondaryServiceIds: readonly string[];
  /** The ticket the counter holds, if any. */
  current: { number: string; serviceId: string; status: TicketStatus; calledAt: number | null; servingAt: number | null } | null;
}

export interface FloorAlarmInput {
  alarmId: string;
  counterId: string;
  counterName: string;
  at: number;
}

export interface FloorInput {
  now: number;
  businessDate: string;
  waitTargetMinutes: number;
  /** In the office's order. */
  services: readonly FloorServiceInput[];
  /** In the office's order. */
  counters: readonly FloorCounterInput[];
  /** `ticket.refused` events of the office day, by service id. */
  refusedToday: Readonly<Record<string, number>>;
  /** Raised today and not acknowledged, oldest first. */
  alarms: readonly FloorAlarmInput[];
}

const MINUTE_MS = 60_000;

function counterState(c: FloorCounterInput): { state: FloorCounterState; since: number | null } {
  if (!c.open) return { state: 'closed', since: null };
  if (c.current?.status === 'called') return { state: 'calling', since: c.current.calledAt };
  if (c.current?.status === 'serving') return { state: 'serving', since: c.current.servingAt };
  return { state: 'free', since: null };
}

export function floorPicture(input: FloorInput): FloorPicture {
  const { now, waitTargetMinutes: target } = input;
  const alarmed = new Set(input.alarms.map((a) => a.counterId));

  const services: FloorService[] = input.services
    .filter((s) => s.active || s.waiting > 0)
    .map((s) => {
      const since = s.waiting > 0 ? s.oldestQueuedAt : null;
      const openCounters = input.counters.filter((c) => c.open && (c.primaryServiceIds.includes(s.id) || c.secondaryServiceIds.includes(s.id))).length;
      return {
        serviceId: s.id,
        prefix: s.prefix,
        names: s.names,
        waiting: s.waiting,
        oldestWaitingSince: since,
        longestWaitMinutes: minutesWaited(since, now),
        estimate: s.estimate,
        refusedToday: input.refusedToday[s.id] ?? 0,
        openCounters,
        overTarget: overTarget(since, now, target),
        unstaffed: s.waiting > 0 && openCounters === 0,
      };
    });

  const counters: FloorCounter[] = input.counters.map((c) => {
    const { state, since } = counterState(c);
    const held = state === 'calling' || state === 'serving';
    return {
      counterId: c.id,
      name: c.name,
      area: c.area,
      state,
      ticket: held && c.current ? { number: c.current.number, serviceId: c.current.serviceId } : null,
      since,
      alarm: alarmed.has(c.id),
    };
  });

  const highlights: FloorHighlight[] = [
    ...input.alarms.map((a): FloorHighlight => ({ kind: 'alarm', alarmId: a.alarmId, counterId: a.counterId, counterName: a.counterName, at: a.at })),
    ...services.filter((s) => s.unstaffed).map((s): FloorHighlight => ({ kind: 'unstaffed', serviceId: s.serviceId, waiting: s.waiting })),
    ...services
      .filter((s) => s.overTarget && s.oldestWaitingSince !== null)
      .map((s): FloorHighlight => ({ kind: 'wait_over_target', serviceId: s.serviceId, since: s.oldestWaitingSince ?? now, targetMinutes: target })),
  ];

  // A wait passes the target 1 ms after exactly `target` minutes (over, not at).
  const crossings = services
    .filter((s) => s.oldestWaitingSince !== null && !s.overTarget)
    .map((s) => (s.oldestWaitingSince ?? now) + target * MINUTE_MS + 1);

  return {
    at: now,
    businessDate: input.businessDate,
    waitTargetMinutes: target,
    services,
    counters,
    highlights,
    nextChangeAt: crossings.length > 0 ? Math.min(...crossings) : null,
  };
}
