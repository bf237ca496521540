import type { Estimate } from './model.js';

/**
 * #16 live supervision: the floor as the team lead's second screen shows it
 * (`/admin/live`, pushed over the `/supervisor` namespace). The present only:
 * nothing of it is stored, and nothing names a member of staff.
 *
 * The longest wait grows with time while nothing happens: the picture carries
 * the instant it was taken (`at`) and when each service's longest wait began
 * (`oldestWaitingSince`), so the page counts on by itself between pushes. The
 * server pushes after every committed change and at the instant a wait passes
 * the office's target, never on a timer of its own.
 */
export interface FloorPicture {
  /** When the picture was taken, epoch ms on the server's clock. */
  at: number;
  /** The office day, `YYYY-MM-DD` in the office's time zone. */
  businessDate: string;
  /** The wait the office aims at, minutes (`waitTargetMinutes` of the office's settings). */
  waitTargetMinutes: number;
  /** Services in the office's order: the active ones, and an inactive one only while tickets wait for it. */
  services: FloorService[];
  /** Counters in the office's order. */
  counters: FloorCounter[];
  /** What needs the team lead's attention now, the most urgent first (alarms, then unstaffed services, then waits over target). */
  highlights: FloorHighlight[];
  /** The next instant a wait passes the target (the server pushes then); null when none will without a change. */
  nextChangeAt: number | null;
}

export interface FloorService {
  serviceId: string;
  prefix: string;
  names: Record<string, string>;
  /** Tickets waiting for it, those sent to a named counter included. */
  waiting: number;
  /** When the longest-waiting ticket took its place in line; null when nobody waits. */
  oldestWaitingSince: number | null;
  /** Whole minutes the longest-waiting ticket has waited at `at` (0 when nobody waits). */
  longestWaitMinutes: number;
  /** The wait range a ticket drawn now would be told; null when no counter serving it is open. */
  estimate: Estimate | null;
  /** Tickets of this service refused today (`ticket.refused`: closed, holiday, past closing, contingent reached). */
  refusedToday: number;
  /** Open counters that serve it (as a primary or secondary service). */
  openCounters: number;
  /** The longest wait is over the target. */
  overTarget: boolean;
  /** Visitors wait and no open counter serves it. */
  unstaffed: boolean;
}

/** `free`: open with nobody at the desk; `calling`: a ticket was called and the visitor is on the way; `serving`. */
export type FloorCounterState = 'closed' | 'free' | 'calling' | 'serving';

export interface FloorCounter {
  counterId: string;
  name: string;
  area: string;
  state: FloorCounterState;
  /** The ticket at the desk while calling or serving. */
  ticket: { number: string; serviceId: string } | null;
  /** Since when it calls or serves that ticket; null otherwise. */
  since: number | null;
  /** An alarm raised at this counter nobody has acknowledged yet. */
  alarm: boolean;
}

export type FloorHighlight =
  | { kind: 'alarm'; alarmId: string; counterId: string; counterName: string; at: number }
  | { kind: 'unstaffed'; serviceId: string; waiting: number }
  | { kind: 'wait_over_target'; serviceId: string; since: number; targetMinutes: number };

const MINUTE_MS = 60_000;

/** Whole minutes waited at `now` since `since` (the page counts on with this between pushes). */
export function minutesWaited(since: number | null, now: number): number {
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / MINUTE_MS));
}

/** Whether a wait that began at `since` is over a target of `targetMinutes` at `now`. */
export function overTarget(since: number | null, now: number, targetMinutes: number): boolean {
  return since !== null && now - since > targetMinutes * MINUTE_MS;
}
