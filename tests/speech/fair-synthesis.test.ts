import { describe, expect, it } from 'vitest';
import { FairSynthesis } from '../../server/speech/fair-synthesis.js';

/** A job the test finishes by hand, recording when it started. */
function jobs() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const make = (key: string) => () => {
    started.push(key);
    return new Promise<string>((resolve) => finish.set(key, () => resolve(key)));
  };
  const done = async (key: string) => {
    finish.get(key)?.();
    // Let the queue start the next job.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { started, make, done };
}

describe('FairSynthesis', () => {
  it('runs one job at a time per client, newest first, while another client starts at once', async () => {
    const { started, make, done } = jobs();
    const q = new FairSynthesis<string>();
    const flood = [1, 2, 3, 4, 5].map((at) => q.request('10.0.0.2', `k${at}`, at, make(`k${at}`)));
    expect(started).toEqual(['k1']);
    const screen = q.request('10.0.0.1', 'screen', 3, make('screen'));
    expect(started).toEqual(['k1', 'screen']);
    await done('screen');
    expect(await screen).toBe('screen');
    await done('k1');
    expect(started).toEqual(['k1', 'screen', 'k5']);
    for (const k of ['k5', 'k4', 'k3']) await done(k);
    expect(started).toEqual(['k1', 'screen', 'k5', 'k4', 'k3', 'k2']);
    await done('k2');
    expect(await Promise.all(flood)).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
    expect(q.size).toBe(0);
  });

  it('makes a job asked for by several clients once, in whichever lane reaches it first', async () => {
    const { started, make, done } = jobs();
    const q = new FairSynthesis<string>();
    const a1 = q.request('a', 'x', 1, make('x'));
    const a2 = q.request('a', 'shared', 2, make('shared'));
    const b = q.request('b', 'shared', 2, make('shared-again'));
    expect(started).toEqual(['x', 'shared']);
    await done('shared');
    expect(await b).toBe('shared');
    await done('x');
    expect(started).toEqual(['x', 'shared']);
    expect(await Promise.all([a1, a2])).toEqual(['x', 'shared']);
  });

  it('a failed job fails its askers and the lane goes on', async () => {
    const q = new FairSynthesis<string>();
    const failing = q.request('a', 'bad', 2, () => Promise.reject(new Error('no voice')));
    const next = q.request('a', 'good', 1, () => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('no voice');
    expect(await next).toBe('ok');
  });
});
