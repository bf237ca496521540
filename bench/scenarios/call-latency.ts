import { floorCallTarget, interleaved, realCallTarget } from '../call-probe.js';
import { startSocketFloor } from '../floor-process.js';
import type { Plan } from '../plan.js';
import type { ScenarioResult } from '../report.js';
import { login, startServer } from '../server-process.js';
import { msFigures, round, summarise, type Summary } from '../stats.js';
import { tempDir } from '../cleanup.js';
import { progress } from '../progress.js';

/** #14 target 4 (was 1.5). */
export const TARGET_RATIO = 1.2;

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
export const latencyLine = (s: Summary) => `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;

/** The median of some ratios and their spread (min–max). */
export function medianOf(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN };
}

/**
 * Scenario 1. N display sockets on /display of the real server and N on the
 * bare socket.io floor; staff calls at Schalter 1 at a steady rate; each call
 * is timed from the `counter:call-next` emit to `ticket:called` at the last
 * display. Real and floor run in alternating blocks. #14: each size runs
 * `runs` times with `calls` calls each; the ratio is the median run's p99
 * ratio, with the spread of the runs.
 */
export async function callLatency(plan: Plan): Promise<{ small: ScenarioResult; large: ScenarioResult }> {
  const p = plan.callLatency;
  const server = await startServer(tempDir('calls'));
  const floor = await startSocketFloor();
  try {
    const cookie = await login(server.url, 'admin', server.adminPassword);
    const run = async (size: 'small' | 'large'): Promise<ScenarioResult> => {
      const n = p.displays[size];
      const calls = p.calls[size];
      const interval = p.intervalMs[size];
      // A short queue, topped up before each block: the figure is the call's, not the queue length's.
      const real = await realCallTarget(server.url, cookie, n, p.warmup + 2);
      const bare = await floorCallTarget(floor.url, n);
      try {
        const runs: Array<{ real: Summary; floor: Summary; ratio: number }> = [];
        const all = { real: [] as number[], floor: [] as number[], ack: [] as number[] };
        for (let i = 0; i < p.runs; i++) {
          progress(`N=${n}: run ${i + 1} of ${p.runs}`);
          const out = await interleaved(real, bare, calls, interval, p.warmup);
          const r = summarise(out.real);
          const f = summarise(out.floor);
          runs.push({ real: r, floor: f, ratio: r.p99 / f.p99 });
          all.real.push(...out.real);
          all.floor.push(...out.floor);
          all.ack.push(...out.realAck);
        }
        const r = summarise(all.real);
        const f = summarise(all.floor);
        const ack = summarise(all.ack);
        const ratio = medianOf(runs.map((x) => x.ratio));
        const spread = `${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}`;
        return {
          scenario: 1,
          title: `Call → displays latency, N=${n}`,
          headline: `N=${n}: ${latencyLine(r)} (${p.runs} runs × ${calls} calls, 1 per ${interval} ms)`,
          figures: {
            displays: n,
            intervalMs: interval,
            runs: p.runs,
            callsPerRun: calls,
            ...msFigures(r),
            ackP50Ms: round(ack.p50),
            ackP99Ms: round(ack.p99),
            ratioMedian: round(ratio.median),
            ratioMin: round(ratio.min),
            ratioMax: round(ratio.max),
            perRun: Object.fromEntries(
              runs.map((x, i) => [`run${i + 1}`, { p99Ms: round(x.real.p99), floorP99Ms: round(x.floor.p99), ratio: round(x.ratio) }]),
            ),
          },
          floor: {
            what: 'bare socket.io 4.8 server in its own process relaying the same ticket:called payload to the same number of sockets',
            headline: latencyLine(f),
            figures: msFigures(f),
          },
          ratio: { value: round(ratio.median), what: `p99 ÷ floor p99, median of ${p.runs} runs (spread ${spread})` },
          target: { text: `p99 ≤ ${TARGET_RATIO}× floor`, met: ratio.median <= TARGET_RATIO },
          details: [
            `per run p99 real/floor: ${runs.map((x) => `${ms(x.real.p99)}/${ms(x.floor.p99)} = ${x.ratio.toFixed(2)}`).join('; ')}`,
            `call-next acknowledged: p50 ${ms(ack.p50)}, p99 ${ms(ack.p99)}`,
          ],
          notes: [
            'Time from the staff socket emitting counter:call-next to ticket:called having arrived at every display socket (clients in the bench process, websocket transport).',
            'After each call the ticket is marked no-show so the counter is free; that push is not timed. Tickets are issued (untimed) before each block of calls, as many as it needs, so the queue stays at most one block long.',
          ],
        };
      } finally {
        real.close();
        bare.close();
      }
    };
    const small = await run('small');
    const large = await run('large');
    return { small, large };
  } finally {
    await floor.stop();
    await server.stop();
  }
}
