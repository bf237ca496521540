import { describe, expect, test } from 'vitest';
import { seededRandom } from '../../bench/stats.js';
import { CommandTimings, TIMING_SAMPLES } from '../../server/app/command-timing.js';

/** The recorder behind GET /api/admin/metrics/commands (#14): bounded, exact counts, answers untouched. */
describe('CommandTimings', () => {
  test('keeps at most TIMING_SAMPLES times per command, with exact count, max and mean and sampled percentiles', () => {
    const timings = new CommandTimings(() => 0, TIMING_SAMPLES, seededRandom(7));
    const rnd = seededRandom(11);
    const values = Array.from({ length: 10_000 }, (_, i) => i + 1);
    // Shuffled, so that the reservoir has to keep a fair sample of the whole run, not its start.
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [values[i], values[j]] = [values[j] as number, values[i] as number];
    }
    for (const us of values) timings.record('call-next', us);
    timings.record('issue', 250);

    const { commands } = timings.report();
    expect(commands.map((c) => c.command)).toEqual(['call-next', 'issue']);
    const [callNext, issue] = commands;
    expect(callNext).toMatchObject({ count: 10_000, errors: 0, samples: TIMING_SAMPLES, maxUs: 10_000, meanUs: 5000.5 });
    expect(callNext?.p50Us).toBeGreaterThan(4_500);
    expect(callNext?.p50Us).toBeLessThan(5_500);
    expect(callNext?.p99Us).toBeGreaterThan(9_700);
    expect(callNext?.p99Us).toBeLessThanOrEqual(10_000);
    expect(issue).toEqual({ command: 'issue', count: 1, errors: 0, p50Us: 250, p99Us: 250, maxUs: 250, meanUs: 250, samples: 1 });
  });

  test('time() hands back the value and the very error, and counts a failure only as an error', async () => {
    const timings = new CommandTimings();
    const value = { ticket: 'A001' };
    await expect(timings.time('start', () => Promise.resolve(value))).resolves.toBe(value);
    const refusal = new Error('NO_CURRENT_TICKET');
    await expect(timings.time('start', () => Promise.reject(refusal))).rejects.toBe(refusal);

    const [start] = timings.report().commands;
    expect(start).toMatchObject({ command: 'start', count: 1, errors: 1, samples: 1 });
    expect(start?.p50Us).toBeGreaterThan(0);
    expect(start?.p50Us).toBe(start?.maxUs);
  });

  test('reset() forgets every figure and restarts `since`', () => {
    let now = 1_000;
    const timings = new CommandTimings(() => now);
    timings.record('finish', 10);
    expect(timings.report()).toMatchObject({ since: 1_000, commands: [{ command: 'finish', count: 1 }] });
    now = 5_000;
    timings.reset();
    expect(timings.report()).toEqual({ since: 5_000, commands: [] });
  });
});
