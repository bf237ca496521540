import { setImmediate as turn } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { PushPacer, type PushTarget } from '../../server/realtime/push-pacer.js';

/**
 * #14 target 6: pushes to large rooms go out slice by slice over turns of the
 * event loop, each room's pushes in order, and a push to a small room with
 * nothing queued goes out at once, ahead of the large room's slices.
 */

const room = (name: string, size: number) => new Set(Array.from({ length: size }, (_, i) => `${name}-${i}`));

/** Records, per socket, which pushes reached it, and in which turn. */
function recorder(members: Map<string, Set<string>>) {
  let tick = 0;
  const got = new Map<string, Array<{ push: string; tick: number }>>();
  const send = (roomName: string, push: string) => (target: PushTarget) => {
    for (const id of target ?? members.get(roomName) ?? []) {
      const list = got.get(id) ?? [];
      list.push({ push, tick });
      got.set(id, list);
    }
  };
  return {
    got,
    send,
    nextTick: () => (tick += 1),
  };
}

describe('PushPacer', () => {
  test('a push to a room larger than a slice reaches each socket once, over several turns, in order with the next push', async () => {
    const members = new Map([['big', room('big', 25)]]);
    const r = recorder(members);
    const pacer = new PushPacer(10);
    const sent: string[] = [];
    pacer.push('big', () => members.get('big'), r.send('big', 'a'), () => sent.push('a'));
    pacer.push('big', () => members.get('big'), r.send('big', 'b'), () => sent.push('b'));
    expect(r.got.size).toBe(0); // nothing written in the turn that asked for it
    while (pacer.pending > 0) {
      r.nextTick();
      await turn();
    }
    expect(sent).toEqual(['a', 'b']);
    for (const id of members.get('big') ?? []) expect(r.got.get(id)?.map((g) => g.push)).toEqual(['a', 'b']);
    // 25 sockets, 10 a turn: each push takes three turns.
    const ticks = new Set([...r.got.values()].flat().map((g) => g.tick));
    expect(ticks.size).toBeGreaterThanOrEqual(5);
    expect(pacer.sliced).toBe(50);
  });

  test('a push to a small idle room goes out at once while a large room is being sliced', async () => {
    const members = new Map([
      ['big', room('big', 40)],
      ['small', room('small', 3)],
    ]);
    const r = recorder(members);
    const pacer = new PushPacer(10);
    pacer.push('big', () => members.get('big'), r.send('big', 'status'));
    r.nextTick();
    await turn();
    pacer.push('small', () => members.get('small'), r.send('small', 'call'));
    // Sent in the same turn, before the large room's remaining slices.
    expect(r.got.get('small-0')).toEqual([{ push: 'call', tick: 1 }]);
    const bigReached = () => [...(members.get('big') ?? [])].filter((id) => r.got.has(id)).length;
    expect(bigReached()).toBeLessThan(40);
    while (pacer.pending > 0) {
      r.nextTick();
      await turn();
    }
    expect(bigReached()).toBe(40);
  });

  test('a small room behind its own large push waits its turn: the room keeps its order', async () => {
    const members = new Map([['r', room('r', 15)]]);
    const r = recorder(members);
    const pacer = new PushPacer(10);
    pacer.push('r', () => members.get('r'), r.send('r', 'first'));
    // The room shrinks below a slice meanwhile: the second push still comes after the first everywhere.
    members.set('r', room('r', 5));
    pacer.push('r', () => members.get('r'), r.send('r', 'second'));
    expect(r.got.size).toBe(0);
    while (pacer.pending > 0) {
      r.nextTick();
      await turn();
    }
    for (let i = 0; i < 5; i++) expect(r.got.get(`r-${i}`)?.map((g) => g.push)).toEqual(['first', 'second']);
    for (let i = 5; i < 15; i++) expect(r.got.get(`r-${i}`)?.map((g) => g.push)).toEqual(['first']);
  });

  test('an empty or missing room calls back at once and sends nothing', () => {
    const pacer = new PushPacer(10);
    const sent: string[] = [];
    pacer.push('gone', () => undefined, () => sent.push('sent'), () => sent.push('done'));
    pacer.push('empty', () => new Set(), () => sent.push('sent'), () => sent.push('done'));
    expect(sent).toEqual(['done', 'done']);
    expect(pacer.pending).toBe(0);
  });
});
