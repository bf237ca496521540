import { describe, expect, it } from 'vitest';
import { AnnouncementQueue, LOG_MAX, QUEUE_MAX, STALE_AFTER_MS } from '../../display/announcement-queue.js';
import type { BoardCall } from '../../display/board.js';

const T0 = 1_700_000_000_000;

function call(number: string, recall = false): BoardCall {
  return { number, counterId: 'schalter-3', counterName: 'Schalter 3', area: 'eg', serviceId: 'residence', language: 'ar', recall, at: T0, key: `${number}@${T0}` };
}

describe('announcement queue', () => {
  it('plays calls one at a time, in the order they came', () => {
    const q = new AnnouncementQueue();
    q.enqueue(call('A001'), ['de', 'ar'], T0);
    q.enqueue(call('A002'), ['de'], T0 + 10);
    const first = q.next(T0 + 20);
    expect(first?.number).toBe('A001');
    // While one plays, nothing else starts: announcements never overlap.
    expect(q.next(T0 + 30)).toBeNull();
    if (first) q.finish(first, 'done', T0 + 5000);
    const second = q.next(T0 + 5001);
    expect(second?.number).toBe('A002');
    if (second) q.finish(second, 'failed', T0 + 6000, 'no audio');
    expect(q.next(T0 + 6001)).toBeNull();
    expect(q.log.map((a) => [a.number, a.state, a.languages])).toEqual([
      ['A001', 'done', ['de', 'ar']],
      ['A002', 'failed', ['de']],
    ]);
  });

  it('announces a recall again, marked as a recall', () => {
    const q = new AnnouncementQueue();
    q.enqueue(call('A001'), ['de'], T0);
    q.enqueue(call('A001', true), ['de'], T0 + 1);
    expect(q.waiting.map((a) => [a.number, a.recall])).toEqual([
      ['A001', false],
      ['A001', true],
    ]);
  });

  it('skips an announcement that waited too long instead of speaking it late', () => {
    const q = new AnnouncementQueue();
    q.enqueue(call('A001'), ['de'], T0);
    q.enqueue(call('A002'), ['de'], T0 + STALE_AFTER_MS);
    const next = q.next(T0 + STALE_AFTER_MS + 1);
    expect(next?.number).toBe('A002');
    expect(q.log[0]).toMatchObject({ number: 'A001', state: 'skipped', note: 'too late' });
  });

  it('keeps the waiting queue and the log bounded', () => {
    const q = new AnnouncementQueue();
    for (let i = 0; i < QUEUE_MAX + 5; i++) q.enqueue(call(`A${i}`), ['de'], T0);
    expect(q.waiting).toHaveLength(QUEUE_MAX);
    expect(q.waiting[0]?.number).toBe('A5');
    for (let i = 0; i < 500; i++) {
      const next = q.next(T0 + i);
      if (next) q.finish(next, 'done', T0 + i);
      q.enqueue(call(`B${i}`), ['de'], T0 + i);
    }
    expect(q.log.length).toBeLessThanOrEqual(LOG_MAX);
    expect(q.log.at(-1)?.number).toBe('B499');
  });
});
