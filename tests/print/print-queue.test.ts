import { describe, expect, test } from 'vitest';
import { PrintError } from '../../server/print/print-error.js';
import { PrintQueue } from '../../server/print/print-queue.js';

const reasonOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof PrintError ? e.reason : String(e)));
const never = () => new Promise<never>(() => undefined);

describe('print queue', () => {
  test('one job at a time, in order', async () => {
    const q = new PrintQueue(3);
    const order: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      order.push(name);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return name;
    };
    expect(await Promise.all([q.run(1000, job('a')), q.run(1000, job('b')), q.run(1000, job('c'))])).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(q.pending).toBe(0);
  });

  test('a job that ignores its signal still ends at its deadline, and the next one runs', async () => {
    const q = new PrintQueue(3);
    const started = Date.now();
    const stuck = reasonOf(q.run(150, never));
    const next = q.run(1000, async () => 'next');
    expect(await stuck).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(600);
    expect(await next).toBe('next');
  });

  test('the deadline counts from queueing: a job that waited too long never runs', async () => {
    const q = new PrintQueue(3);
    let ran = false;
    const first = reasonOf(q.run(200, never));
    const second = reasonOf(
      q.run(100, async () => {
        ran = true;
      }),
    );
    expect(await first).toBe('timeout');
    expect(await second).toBe('timeout');
    expect(ran).toBe(false);
  });

  test('more than maxWaiting behind the running job are refused as busy at once', async () => {
    const q = new PrintQueue(2);
    const results = [q.run(200, never), q.run(200, never), q.run(200, never), q.run(200, never)].map(reasonOf);
    expect(q.pending).toBe(3);
    expect(await results[3]).toBe('busy');
    expect(await Promise.all(results.slice(0, 3))).toEqual(['timeout', 'timeout', 'timeout']);
    expect(q.pending).toBe(0);
  });

  test('close aborts the running job and refuses new ones', async () => {
    const q = new PrintQueue(2);
    const running = reasonOf(q.run(10_000, (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new PrintError('timeout', 'aborted'))))));
    await new Promise((r) => setTimeout(r, 10));
    q.close();
    expect(await running).toBe('timeout');
    expect(await reasonOf(q.run(1000, async () => 'x'))).toBe('shutting_down');
  });
});
