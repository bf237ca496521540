import { officeDate } from '../common/client/office-time.js';
import type { DisplayCall, PublicCounter, PublicService } from '../common/dto.js';

/** A call on the board; `key` tells two calls of the same number apart (a recall has a new instant). */
export interface BoardCall extends DisplayCall {
  key: string;
}

export interface Board {
  /** Newest first; one entry per number (a recall replaces the earlier call); today's only. */
  calls: readonly BoardCall[];
  counters: readonly PublicCounter[];
  services: readonly PublicService[];
  /** The call that arrived live and is highlighted; a snapshot never sets it. */
  fresh: string | null;
  /** The office's zone, from the snapshot: its midnight starts a new day of numbers. */
  timeZone: string | null;
}

/** Enough for the longest history setting plus the current call, small enough to never grow. */
export const BOARD_CALLS_MAX = 16;

export const emptyBoard: Board = { calls: [], counters: [], services: [], fresh: null, timeZone: null };

export type AreaFilter = (area: string) => boolean;

function keyed(call: DisplayCall): BoardCall {
  return { ...call, key: `${call.number}@${call.at}` };
}

/** Today's calls only (the numbers start afresh every office day), newest first, one per number, bounded. */
function tidy(calls: readonly BoardCall[], now: number, timeZone: string | null): BoardCall[] {
  // Before the first snapshot names the zone there is nothing to tell apart.
  const day = (at: number) => (timeZone ? officeDate(at, timeZone) : '');
  const today = day(now);
  const seen = new Set<string>();
  return [...calls]
    .filter((c) => day(c.at) === today)
    .sort((a, b) => b.at - a.at)
    .filter((c) => !seen.has(c.number) && seen.add(c.number))
    .slice(0, BOARD_CALLS_MAX);
}

/**
 * A fresh snapshot (on connect, after a gap, after a server restart). Calls
 * are facts that never change, so the board keeps what it knew and adds what
 * it missed: the snapshot holds only the office's last few calls, of every
 * area, which on a quiet floor may be fewer than its history.
 */
export function applySnapshot(
  board: Board,
  snap: { calls: readonly DisplayCall[]; counters: readonly PublicCounter[]; services: readonly PublicService[]; timeZone: string },
  inArea: AreaFilter,
  now: number,
): Board {
  const calls = tidy([...snap.calls.filter((c) => inArea(c.area)).map(keyed), ...board.calls], now, snap.timeZone);
  return { calls, counters: snap.counters, services: snap.services, fresh: board.fresh, timeZone: snap.timeZone };
}

/** A live call, in order: returns the board and whether this screen should announce it. */
export function applyCall(board: Board, call: DisplayCall, inArea: AreaFilter, now: number): { board: Board; announce: BoardCall | null } {
  if (!inArea(call.area)) return { board, announce: null };
  const entry = keyed(call);
  return { board: { ...board, calls: tidy([entry, ...board.calls], now, board.timeZone), fresh: entry.key }, announce: entry };
}

export function applyServices(board: Board, services: readonly PublicService[]): Board {
  return { ...board, services };
}

/** Drops yesterday's calls at midnight even when nothing else happens. */
export function applyClock(board: Board, now: number): Board {
  const calls = tidy(board.calls, now, board.timeZone);
  return calls.length === board.calls.length ? board : { ...board, calls, fresh: calls.some((c) => c.key === board.fresh) ? board.fresh : null };
}

/** The services whose counters are in this screen's area(s), for the waiting counts. */
export function servicesInArea(board: Board, inArea: AreaFilter): PublicService[] {
  const served = new Set(board.counters.filter((c) => inArea(c.area)).flatMap((c) => c.serviceIds));
  return board.services.filter((s) => served.has(s.id));
}
