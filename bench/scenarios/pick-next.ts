import { performance } from 'node:perf_hooks';
import { pickNext } from '../../server/domain/queue-policy.js';
import { DEFAULT_POLICY } from '../../server/domain/settings.js';
import type { Plan } from '../plan.js';
import type { Figures, ScenarioResult } from '../report.js';
import { round } from '../stats.js';
import { BENCH_COUNTER, waitingRoom } from '../ticket-factory.js';

export const TARGET_US_AT_10K = 1000;

/**
 * Scenario 3. The pure policy alone: µs per `pickNext` decision over waiting
 * rooms of growing size. Each size is timed in batches for at least
 * `minMsPerSize`; the figure is the median batch's mean. The target (one
 * decision over 10,000 waiting tickets in under a millisecond) is measured
 * here only: a unit test cannot time it without failing on a busy machine.
 */
export function pickNextCost(plan: Plan): ScenarioResult {
  const perSize: Figures = {};
  const us: Record<number, number> = {};
  let sink = 0;
  for (const n of plan.pickNext.sizes) {
    const { tickets, now } = waitingRoom(n);
    // Warm-up: let the JIT settle on this shape of data.
    for (let i = 0; i < 20; i++) sink += pickNext(BENCH_COUNTER, tickets, now, DEFAULT_POLICY)?.queuedAt ?? 0;
    const perBatch = Math.max(1, Math.round(200_000 / n));
    const batches: number[] = [];
    const start = performance.now();
    while (performance.now() - start < plan.pickNext.minMsPerSize || batches.length < 5) {
      const t0 = performance.now();
      for (let i = 0; i < perBatch; i++) sink += pickNext(BENCH_COUNTER, tickets, now, DEFAULT_POLICY)?.queuedAt ?? 0;
      batches.push(((performance.now() - t0) * 1000) / perBatch);
    }
    batches.sort((a, b) => a - b);
    const median = batches[Math.floor(batches.length / 2)] as number;
    us[n] = median;
    perSize[String(n)] = {
      usPerDecision: round(median, 2),
      nsPerTicket: round((median * 1000) / n, 2),
      decisions: batches.length * perBatch,
    };
  }
  if (sink === -1) process.stdout.write(''); // keeps the results observable
  const sizes = plan.pickNext.sizes;
  const at10k = us[10_000] ?? Number.NaN;
  const growth: Record<string, number> = {};
  for (let i = 1; i < sizes.length; i++) {
    const a = sizes[i - 1] as number;
    const b = sizes[i] as number;
    growth[`${b}/${a}`] = round((us[b] as number) / (us[a] as number), 2);
  }
  const line = (n: number) => `${n.toLocaleString('en')}: ${(us[n] as number).toFixed(n < 10_000 ? 2 : 0)} µs`;
  return {
    scenario: 3,
    title: 'Pick-next cost vs queue length (pure policy)',
    headline: `${at10k.toFixed(0)} µs per decision at 10,000 waiting`,
    figures: { usAt10000: round(at10k, 2), perSize, growth },
    floor: null,
    ratio: null,
    target: { text: `< ${TARGET_US_AT_10K} µs at 10,000`, met: at10k < TARGET_US_AT_10K },
    details: [
      sizes.map(line).join(', '),
      `growth per ×10 tickets: ${Object.values(growth).map((g) => `×${g}`).join(', ')} (linear = ×10)`,
    ],
    notes: [
      'pickNext from server/domain/queue-policy.js over generated waiting rooms (demo service mix, 14 languages, priority, appointments, cool-downs, named transfers) at a counter with primary + secondary services and staff languages.',
    ],
  };
}
