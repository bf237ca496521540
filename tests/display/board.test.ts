import { describe, expect, it } from 'vitest';
import type { DisplayCall, PublicCounter, PublicService } from '../../common/dto.js';
import {
  applyCall,
  applyClock,
  applySnapshot,
  applyServices,
  BOARD_CALLS_MAX,
  emptyBoard,
  servicesInArea,
  type Board,
} from '../../display/board.js';

/** Noon in the office (Berlin, UTC+1 in November), whatever zone runs the test. */
const NOON = Date.UTC(2025, 10, 24, 11, 0, 0);
const BERLIN_MIDNIGHT_AFTER = Date.UTC(2025, 10, 24, 23, 0, 0);
const TZ = 'Europe/Berlin';
const snapshot = (calls: DisplayCall[] = [], counters: PublicCounter[] = []) => ({ calls, counters, services: [], timeZone: TZ });
/** A screen that has had its first snapshot, so it knows the office's zone. */
const started: Board = applySnapshot(emptyBoard, snapshot(), () => true, NOON);
const eg = (area: string) => area === 'eg';
const all = () => true;

function call(number: string, at: number, over: Partial<DisplayCall> = {}): DisplayCall {
  return { number, counterId: 'schalter-1', counterName: 'Schalter 1', area: 'eg', serviceId: 'residence', language: 'de', recall: false, at, ...over };
}

const counter = (id: string, area: string, serviceIds: string[]): PublicCounter => ({ id, name: id, area, serviceIds, open: true, currentTicket: null });
const service = (id: string, waiting: number): PublicService => ({
  id,
  prefix: id[0]?.toUpperCase() ?? 'X',
  names: { de: id },
  icon: '',
  open: true,
  closedReason: null,
  waiting,
  estimate: null,
  priorityEnabled: false,
  closesAt: null,
});

describe('display board', () => {
  it('a live call in the area goes on top, is highlighted and is to be announced', () => {
    const { board, announce } = applyCall(started, call('A001', NOON), eg, NOON);
    expect(board.calls.map((c) => c.number)).toEqual(['A001']);
    expect(board.fresh).toBe(`A001@${NOON}`);
    expect(announce?.number).toBe('A001');
  });

  it('a call in another area is neither shown nor announced', () => {
    const { board, announce } = applyCall(started, call('E001', NOON, { area: 'og1' }), eg, NOON);
    expect(board).toBe(started);
    expect(announce).toBeNull();
  });

  it('a recall replaces the earlier entry of the same number and keeps its recall mark', () => {
    let board = applyCall(started, call('A001', NOON), all, NOON).board;
    board = applyCall(board, call('A002', NOON + 1000), all, NOON).board;
    const recalled = applyCall(board, call('A001', NOON + 2000, { recall: true }), all, NOON);
    expect(recalled.board.calls.map((c) => [c.number, c.recall])).toEqual([
      ['A001', true],
      ['A002', false],
    ]);
    expect(recalled.announce?.recall).toBe(true);
  });

  it('a snapshot fills in missed calls without marking any as fresh, and keeps what the screen knew', () => {
    const known = applyCall(started, call('A001', NOON), eg, NOON).board;
    const snap = snapshot([call('A003', NOON + 3000), call('E001', NOON + 2500, { area: 'og1' }), call('A002', NOON + 2000)]);
    const board = applySnapshot({ ...known, fresh: null }, snap, eg, NOON + 4000);
    expect(board.calls.map((c) => c.number)).toEqual(['A003', 'A002', 'A001']);
    expect(board.fresh).toBeNull();
    // The same snapshot again changes nothing.
    expect(applySnapshot(board, snap, eg, NOON + 4000).calls).toEqual(board.calls);
  });

  it('stays bounded however many calls arrive', () => {
    let board = started;
    for (let i = 0; i < 1000; i++) board = applyCall(board, call(`A${i}`, NOON + i), all, NOON + i).board;
    expect(board.calls).toHaveLength(BOARD_CALLS_MAX);
    expect(board.calls[0]?.number).toBe('A999');
  });

  it('drops yesterday’s calls after the office’s midnight', () => {
    const board = applyCall(started, call('A001', NOON), all, NOON).board;
    const tomorrow = BERLIN_MIDNIGHT_AFTER + 60_000;
    expect(applyClock(board, BERLIN_MIDNIGHT_AFTER - 60_000)).toBe(board);
    const next = applyClock(board, tomorrow);
    expect(next.calls).toEqual([]);
    expect(next.fresh).toBeNull();
    // A snapshot carrying yesterday's calls does not bring them back either.
    expect(applySnapshot(next, snapshot([call('A001', NOON)]), all, tomorrow).calls).toEqual([]);
  });

  it('lists waiting counts only for services served in the area', () => {
    const board = applyServices(
      applySnapshot(emptyBoard, snapshot([], [counter('s1', 'eg', ['residence']), counter('r1', 'og1', ['naturalisation'])]), all, NOON),
      [service('residence', 4), service('naturalisation', 2), service('asylum', 1)],
    );
    expect(servicesInArea(board, eg).map((s) => s.id)).toEqual(['residence']);
    expect(servicesInArea(board, all).map((s) => s.id)).toEqual(['residence', 'naturalisation']);
  });
});
