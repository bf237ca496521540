import { realCallTarget, steadyCalls } from '../call-probe.js';
import { performance } from 'node:perf_hooks';
import { tempDir } from '../cleanup.js';
import { startSocketFloor } from '../floor-process.js';
import { holdIdleSockets, type IdleSockets } from '../idle-process.js';
import type { Plan } from '../plan.js';
import type { ScenarioResult } from '../report.js';
import { login, rssKiB, startServer } from '../server-process.js';
import { msFigures, round, sleep, summarise } from '../stats.js';
import { latencyLine } from './call-latency.js';
import { progress } from '../progress.js';

export const TARGET_RSS_MIB = 1024;
/** #14 target 6: a call to its own area's screens with the idle sockets connected, against the same call without them. */
export const TARGET_IDLE_RATIO = 2;
const mib = (kib: number) => kib / 1024;
/** The called counter's area (Schalter 1) and another floor's, where the idle screens hang. */
const OWN_AREA = 'eg';
const OTHER_AREA = 'og1';

/**
 * Scenario 4. Thousands of idle sockets (each on its own websocket, held by a
 * child process of the bench so that decoding their pushes does not slow the
 * event loop that times the calls) against the real server: half are screens
 * of another floor (`area` og1), half kiosks. Measured: the call to the N
 * screens of the called counter's own floor (eg) before and while they are
 * connected (#14 target 6: p99 ≤ 2× without them), and the server's RSS next
 * to the bare socket.io server's holding as many sockets. Handshakes stop
 * after a time budget so the run stays bounded; a shortfall is reported, not
 * hidden.
 */
export async function idleClients(plan: Plan, openFilesLimit: number | null): Promise<ScenarioResult> {
  const p = plan.idleClients;
  const notes: string[] = [];
  let requested = p.sockets;
  // The idle holder needs one descriptor per socket, the server one more; both inherit the bench's limit.
  const headroom = 1000;
  if (openFilesLimit !== null && openFilesLimit - headroom < requested + p.displays) {
    requested = Math.max(0, openFilesLimit - headroom - p.displays);
    notes.push(`ulimit -n is ${openFilesLimit}: only ${requested} of ${p.sockets} idle sockets fit (raise the hard limit to run the full scenario).`);
  }

  const real = await measureReal(plan, requested);
  // The floor holds exactly as many sockets as the real server got.
  const bare = await measureFloor(real.connected, 10 * p.connectBudgetSeconds * 1000);
  const { connected, connectSeconds, rssStart, rss, without, withIdle, shutdownSeconds, exit } = real;
  const { rss: floorRss, emptyRss: floorEmptyRss, connectSeconds: floorConnectSeconds } = bare;
  if (connected < requested) {
    notes.push(
      `Only ${connected} of ${requested} sockets completed the handshake within the ${p.connectBudgetSeconds} s connect budget (${(connected / connectSeconds).toFixed(0)} handshakes/s).`,
    );
  }

  const kibPerSocket = (rss - rssStart) / Math.max(1, connected);
  const projected = rssStart + kibPerSocket * p.sockets;
  const ratio = withIdle.p99 / without.p99;
  const complete = connected === p.sockets;
  return {
    scenario: 4,
    title: `Connected clients and memory (${p.sockets.toLocaleString('en')} idle sockets)`,
    headline: `calls to the N=${p.displays} screens of their floor with ${connected.toLocaleString('en')}${complete ? '' : ` of ${p.sockets.toLocaleString('en')}`} idle sockets on another floor and /kiosk: ${latencyLine(withIdle)}; RSS ${mib(rss).toFixed(0)} MiB (${mib(rssStart).toFixed(0)} MiB at start)`,
    figures: {
      idleSocketsRequested: p.sockets,
      idleSockets: connected,
      connectSeconds: round(connectSeconds, 1),
      handshakesPerSecond: round(connected / connectSeconds, 1),
      rssMiB: round(mib(rss), 1),
      rssAtStartMiB: round(mib(rssStart), 1),
      kibPerSocket: round(kibPerSocket, 1),
      rssProjectedAtRequestedMiB: round(mib(projected), 1),
      displays: p.displays,
      withIdle: msFigures(withIdle),
      withoutIdle: msFigures(without),
      shutdownSeconds: round(shutdownSeconds, 1),
    },
    floor: {
      what: `the same calls to the same ${p.displays} screens before the idle sockets connected; for the RSS, a bare socket.io 4.8 server (own process) holding as many idle sockets`,
      headline: `${latencyLine(without)}; bare server RSS ${mib(floorRss).toFixed(0)} MiB (${mib(floorEmptyRss).toFixed(0)} MiB empty), connected in ${floorConnectSeconds.toFixed(1)} s`,
      figures: {
        ...msFigures(without),
        rssMiB: round(mib(floorRss), 1),
        rssEmptyMiB: round(mib(floorEmptyRss), 1),
        connectSeconds: round(floorConnectSeconds, 1),
      },
    },
    ratio: { value: round(ratio), what: 'p99 with the idle sockets ÷ p99 without them' },
    target: {
      text: `p99 ≤ ${TARGET_IDLE_RATIO}× without them, all ${p.sockets.toLocaleString('en')} connected; RSS < ${TARGET_RSS_MIB} MiB`,
      met: complete && ratio <= TARGET_IDLE_RATIO && mib(rss) < TARGET_RSS_MIB,
    },
    details: [
      `call → ${p.displays} screens of ${OWN_AREA} before the idle sockets: ${latencyLine(without)}; while connected: ${latencyLine(withIdle)} (p99 ×${ratio.toFixed(2)}); RSS ÷ bare server RSS ${(rss / floorRss).toFixed(2)}`,
      `${connected.toLocaleString('en')} handshakes in ${connectSeconds.toFixed(1)} s (floor: ${floorConnectSeconds.toFixed(1)} s); ${kibPerSocket.toFixed(0)} KiB per socket${complete ? '' : `, projected RSS at ${p.sockets.toLocaleString('en')}: ${mib(projected).toFixed(0)} MiB`}`,
      `SIGTERM right after the idle sockets dropped: exit ${exit} after ${shutdownSeconds.toFixed(1)} s`,
    ],
    notes: [
      ...notes,
      `Idle sockets alternate between /display screens of ${OTHER_AREA} (auth.area; they receive services:status but none of ${OWN_AREA}'s calls) and /kiosk (services:status); they are held by a child process of the bench, 64 handshakes in flight. RSS is VmRSS from /proc/<pid>/status.`,
    ],
  };
}

/** The real server: calls before the idle sockets, the idle sockets, RSS, calls while they are connected. */
async function measureReal(plan: Plan, requested: number) {
  const p = plan.idleClients;
  const server = await startServer(tempDir('idle'));
  let idle: IdleSockets | null = null;
  try {
    const cookie = await login(server.url, 'admin', server.adminPassword);
    await sleep(300);
    const rssStart = rssKiB(server.pid);
    const warmup = 5;
    const target = await realCallTarget(server.url, cookie, p.displays, 2 * warmup + 2, OWN_AREA);
    try {
      await steadyCalls(target, warmup, p.intervalMs);
      const without = summarise((await steadyCalls(target, p.calls, p.intervalMs)).ms);
      progress(`calls without idle sockets done; connecting ${requested} idle sockets`);
      idle = await holdIdleSockets(server.url, requested, p.connectBudgetSeconds * 1000, [{ ns: '/display', auth: { area: OTHER_AREA } }, { ns: '/kiosk' }]);
      const { connected, seconds: connectSeconds } = idle;
      progress(`${connected} idle sockets connected in ${connectSeconds.toFixed(1)} s`);
      await sleep(1000);
      const rssConnected = rssKiB(server.pid);
      await steadyCalls(target, warmup, p.intervalMs);
      const withIdle = summarise((await steadyCalls(target, p.callsWith, p.intervalMs)).ms);
      const rss = Math.max(rssConnected, rssKiB(server.pid));
      progress('calls with idle sockets done; dropping them');
      await idle.drop();
      const t0 = performance.now();
      const exit = await server.stop();
      const shutdownSeconds = (performance.now() - t0) / 1000;
      return { connected, connectSeconds, rssStart, rss, without, withIdle, shutdownSeconds, exit };
    } finally {
      target.close();
    }
  } finally {
    await idle?.drop();
    await server.stop();
  }
}

/** The bare socket.io server's RSS empty and holding `count` idle sockets. */
async function measureFloor(count: number, budgetMs: number) {
  const floor = await startSocketFloor();
  try {
    await sleep(300);
    const emptyRss = rssKiB(floor.pid);
    progress(`connecting ${count} idle sockets to the floor`);
    const idle = await holdIdleSockets(floor.url, count, budgetMs);
    progress(`connected in ${idle.seconds.toFixed(1)} s`);
    await sleep(1000);
    const rss = rssKiB(floor.pid);
    await idle.drop();
    return { rss, emptyRss, connectSeconds: idle.seconds };
  } finally {
    await floor.stop();
  }
}
