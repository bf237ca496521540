import { floorCallTarget, interleaved, realCallTarget } from '../call-probe.js';
import { startSocketFloor } from '../floor-process.js';
import type { Plan } from '../plan.js';
import type { ScenarioResult } from '../report.js';
import { login, startServer } from '../server-process.js';
import { msFigures, round, summarise, type Summary } from '../stats.js';
import { tempDir } from '../cleanup.js';

export const TARGET_RATIO = 1.5;

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
export const latencyLine = (s: Summary) => `p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)}`;

/**
 * Scenario 1. N display sockets on /display of the real server and N on the
 * bare socket.io floor; staff calls at Schalter 1 at a steady rate; each call
 * is timed from the `counter:call-next` emit to `ticket:called` at the last
 * display. Real and floor run in alternating blocks.
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
      const real = await realCallTarget(server.url, cookie, n, calls + p.warmup + 2);
      const bare = await floorCallTarget(floor.url, n);
      try {
        const out = await interleaved(real, bare, calls, interval, p.warmup);
        const r = summarise(out.real);
        const f = summarise(out.floor);
        const ack = summarise(out.realAck);
        const ratio = r.p99 / f.p99;
        return {
          scenario: 1,
          title: `Call → displays latency, N=${n}`,
          headline: `N=${n}: ${latencyLine(r)} (${calls} calls, 1 per ${interval} ms)`,
          figures: {
            displays: n,
            intervalMs: interval,
            ...msFigures(r),
            ackP50Ms: round(ack.p50),
            ackP99Ms: round(ack.p99),
          },
          floor: {
            what: 'bare socket.io 4.8 server in its own process relaying the same ticket:called payload to the same number of sockets',
            headline: latencyLine(f),
            figures: msFigures(f),
          },
          ratio: { value: round(ratio), what: 'p99 ÷ floor p99' },
          target: { text: `p99 ≤ ${TARGET_RATIO}× floor`, met: ratio <= TARGET_RATIO },
          details: [`call-next acknowledged: p50 ${ms(ack.p50)}, p99 ${ms(ack.p99)}`],
          notes: [
            'Time from the staff socket emitting counter:call-next to ticket:called having arrived at every display socket (clients in the bench process, websocket transport).',
            'After each call the ticket is marked no-show so the counter is free; that push is not timed.',
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
