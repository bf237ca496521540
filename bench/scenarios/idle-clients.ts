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
const mib = (kib: number) => kib / 1024;

/**
 * Scenario 4. Thousands of idle /display and /kiosk sockets (each on its own
 * websocket, held by a child process of the bench so that decoding their
 * pushes does not slow the event loop that times the calls) against the real server:
 * its RSS, and scenario 1's call latency (same N displays) before and while
 * they are connected. Floor: the bare socket.io server's RSS holding as many
 * sockets. Handshakes stop after a time budget so the run stays bounded; a
 * shortfall is reported, not hidden.
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
  const ratio = rss / floorRss;
  const complete = connected === p.sockets;
  return {
    scenario: 4,
    title: `Connected clients and memory (${p.sockets.toLocaleString('en')} idle sockets)`,
    headline: `RSS ${mib(rss).toFixed(0)} MiB with ${connected.toLocaleString('en')}${complete ? '' : ` of ${p.sockets.toLocaleString('en')}`} idle sockets (${mib(rssStart).toFixed(0)} MiB at start); calls to N=${p.displays}: ${latencyLine(withIdle)}`,
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
      what: 'bare socket.io 4.8 server (own process) holding the same number of idle sockets',
      headline: `RSS ${mib(floorRss).toFixed(0)} MiB (${mib(floorEmptyRss).toFixed(0)} MiB empty), connected in ${floorConnectSeconds.toFixed(1)} s`,
      figures: {
        rssMiB: round(mib(floorRss), 1),
        rssEmptyMiB: round(mib(floorEmptyRss), 1),
        connectSeconds: round(floorConnectSeconds, 1),
      },
    },
    ratio: { value: round(ratio), what: 'RSS ÷ floor RSS' },
    target: {
      text: `RSS < ${TARGET_RSS_MIB} MiB with ${p.sockets.toLocaleString('en')}`,
      met: complete && mib(rss) < TARGET_RSS_MIB,
    },
    details: [
      `call → ${p.displays} displays before the idle sockets: ${latencyLine(without)}; while connected: ${latencyLine(withIdle)} (p99 ×${(withIdle.p99 / without.p99).toFixed(2)})`,
      `${connected.toLocaleString('en')} handshakes in ${connectSeconds.toFixed(1)} s (floor: ${floorConnectSeconds.toFixed(1)} s); ${kibPerSocket.toFixed(0)} KiB per socket${complete ? '' : `, projected RSS at ${p.sockets.toLocaleString('en')}: ${mib(projected).toFixed(0)} MiB`}`,
      `SIGTERM right after the idle sockets dropped: exit ${exit} after ${shutdownSeconds.toFixed(1)} s`,
    ],
    notes: [
      ...notes,
      'Idle sockets alternate between /display (which also receive every ticket:called and services:status push) and /kiosk; they are held by a child process of the bench, 64 handshakes in flight. RSS is VmRSS from /proc/<pid>/status.',
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
    const target = await realCallTarget(server.url, cookie, p.displays, p.calls + p.callsWith + 2 * warmup + 2);
    try {
      await steadyCalls(target, warmup, p.intervalMs);
      const without = summarise((await steadyCalls(target, p.calls, p.intervalMs)).ms);
      progress(`calls without idle sockets done; connecting ${requested} idle sockets`);
      idle = await holdIdleSockets(server.url, requested, p.connectBudgetSeconds * 1000);
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
