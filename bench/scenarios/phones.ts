import { performance } from 'node:perf_hooks';
import type { Socket } from 'socket.io-client';
import { CALL_COUNTER, CALL_SERVICE, interleaved, type CallTarget } from '../call-probe.js';
import { tempDir } from '../cleanup.js';
import { closeSockets, command, connectMany, connectSocket } from '../clients.js';
import { startSocketFloor } from '../floor-process.js';
import { holdIdleSockets, type IdleSockets } from '../idle-process.js';
import type { Plan } from '../plan.js';
import { progress } from '../progress.js';
import type { ScenarioResult } from '../report.js';
import { issueTickets, login, rssKiB, startServer } from '../server-process.js';
import { msFigures, round, summarise } from '../stats.js';
import { latencyLine } from './call-latency.js';

/** #14 target 7. */
export const TARGET_RATIO = 3;
export const TARGET_RSS_MIB = 512;
/** One call per this many ms, or back to back when a call takes longer. */
const INTERVAL_MS = 250;
const WARMUP = 3;
const OTHER_SERVICES = ['residence', 'permit-pickup', 'naturalisation', 'asylum', 'migration-counselling', 'youth-migration', 'integration-courses'];
const mib = (kib: number) => kib / 1024;

/**
 * Counts `ticket:status` pushes on a set of phone sockets: `expect(n)` resolves
 * with the arrival time of the n-th push from now on.
 */
class PhoneArrivals {
  private count = 0;
  private want = 0;
  private last = 0;
  private done: ((t: number) => void) | null = null;

  attach(sockets: readonly Socket[]): void {
    for (const s of sockets) s.on('ticket:status', () => this.arrived());
  }

  private arrived(): void {
    this.count += 1;
    this.last = performance.now();
    if (this.done && this.count >= this.want) {
      const done = this.done;
      this.done = null;
      done(this.last);
    }
  }

  expect(n: number, timeoutMs = 30_000): Promise<number> {
    this.count = 0;
    this.want = n;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.done = null;
        reject(new Error(`ticket:status reached ${this.count} of ${n} phones within ${timeoutMs} ms`));
      }, timeoutMs);
      this.done = (t) => {
        clearTimeout(timer);
        resolve(t);
      };
    });
  }
}

/**
 * The real path: admin calls the next ticket of the watched service at
 * Schalter 1; every phone of a ticket still waiting there is pushed its new
 * place (the called one: "your turn"). Timed from the emit to the push at the
 * last of them. The called ticket is then marked a no-show (untimed, its
 * phone's push awaited), so the counter is free again.
 */
async function realPhones(url: string, cookie: string, watched: readonly string[]): Promise<CallTarget> {
  const staff = await connectSocket(url, '/counter', { cookie });
  // Opening a counter changes every follower's estimate: on a slow server that takes a while.
  const opened = await command(staff, 'counter:open', { counterId: CALL_COUNTER.id }, 120_000);
  if (!opened.reply.ok) throw new Error(`counter:open failed: ${opened.reply.error.code}`);
  progress(`connecting ${watched.length} watching phones to the server`);
  // Each phone counts once its snapshot came: the server has then done its part of the connect.
  const phones = await connectMany(url, watched.length, () => '/visitor', {
    authFor: (i) => ({ ticket: watched[i] as string }),
    ready: 'visitor:snapshot',
  });
  const arrivals = new PhoneArrivals();
  arrivals.attach(phones);
  let waiting = watched.length;
  return {
    async call() {
      if (waiting === 0) throw new Error('every watched ticket has been called: too few for the calls');
      // Untimed: the staff snapshot queues behind whatever the server still does after the last call
      // (logging the estimates shown, the no-show's pushes), so each call starts on a settled server.
      await staff.timeout(120_000).emitWithAck('snapshot');
      const reached = arrivals.expect(waiting);
      const t0 = performance.now();
      const { reply, ms: ackMs } = await command(staff, 'counter:call-next', { counterId: CALL_COUNTER.id }, 30_000);
      if (!reply.ok) throw new Error(`counter:call-next failed: ${reply.error.code} ${reply.error.message}`);
      const last = await reached;
      waiting -= 1;
      const freedPush = arrivals.expect(1);
      const freed = await command(staff, 'counter:no-show', { counterId: CALL_COUNTER.id }, 30_000);
      if (!freed.reply.ok) throw new Error(`counter:no-show failed: ${freed.reply.error.code}`);
      await freedPush;
      return { ms: last - t0, ackMs };
    },
    close() {
      closeSockets([staff, ...phones]);
    },
  };
}

/** The floor: the bare socket.io server sends as many phones their own `ticket:status` (floor-socketio.ts, `phones`). */
async function floorPhones(url: string, watched: readonly string[]): Promise<CallTarget> {
  const control = await connectSocket(url, '/control');
  progress(`connecting ${watched.length} phones to the floor`);
  const phones = await connectMany(url, watched.length, () => '/visitor', { authFor: (i) => ({ ticket: watched[i] as string }) });
  const arrivals = new PhoneArrivals();
  arrivals.attach(phones);
  let seq = 0;
  return {
    async call() {
      seq += 1;
      const reached = arrivals.expect(watched.length);
      const t0 = performance.now();
      control.emit('phones', { seq });
      return { ms: (await reached) - t0 };
    },
    close() {
      closeSockets([control, ...phones]);
    },
  };
}

/**
 * Scenario 7 (#14). `sockets` phones on /visitor: `watched` of them follow a
 * ticket each of the called service (information, Schalter 1's), the others
 * (held by a child process) follow tickets of the other services, several
 * phones a ticket. After each call every watched phone must have its new
 * position: timed from the call to the last of them, against the bare
 * socket.io server sending as many personalised messages. Also the server's
 * RSS with every socket connected.
 */
export async function phones(plan: Plan): Promise<ScenarioResult> {
  const p = plan.phones;
  const server = await startServer(tempDir('phones'));
  const floor = await startSocketFloor();
  let idle: IdleSockets | null = null;
  let real: CallTarget | null = null;
  let bare: CallTarget | null = null;
  try {
    const cookie = await login(server.url, 'admin', server.adminPassword);
    const rssStart = rssKiB(server.pid);
    progress(`issuing ${p.otherTickets} tickets of other services and ${p.watched} of ${CALL_SERVICE}`);
    const others = await issueTickets(server.url, cookie, p.otherTickets, (i) => ({
      serviceId: OTHER_SERVICES[i % OTHER_SERVICES.length] as string,
      language: 'de',
    }));
    const watched = await issueTickets(server.url, cookie, p.watched, () => ({ serviceId: CALL_SERVICE, language: 'de' }));
    const idleCount = Math.max(0, p.sockets - p.watched);
    progress(`connecting ${idleCount} phones of other services`);
    idle = await holdIdleSockets(
      server.url,
      idleCount,
      p.connectBudgetSeconds * 1000,
      others.map((ticket) => ({ ns: '/visitor', auth: { ticket }, ready: 'visitor:snapshot' })),
    );
    real = await realPhones(server.url, cookie, watched);
    const rssConnected = rssKiB(server.pid);
    bare = await floorPhones(floor.url, watched.slice(0, watched.length - p.calls - WARMUP));
    const out = await interleaved(real, bare, p.calls, INTERVAL_MS, WARMUP, p.blocks);
    const rss = Math.max(rssConnected, rssKiB(server.pid));
    const r = summarise(out.real);
    const f = summarise(out.floor);
    const ack = summarise(out.realAck);
    const ratio = r.p99 / f.p99;
    const connected = idle.connected + p.watched;
    const complete = connected === p.sockets;
    return {
      scenario: 7,
      title: `Phones: a call → the new position on ${p.watched.toLocaleString('en')} phones (${p.sockets.toLocaleString('en')} /visitor sockets)`,
      headline: `${p.watched.toLocaleString('en')} of ${connected.toLocaleString('en')}${complete ? '' : ` (of ${p.sockets.toLocaleString('en')})`} phones: ${latencyLine(r)} (${p.calls} calls); RSS ${mib(rss).toFixed(0)} MiB`,
      figures: {
        sockets: connected,
        watched: p.watched,
        otherTickets: p.otherTickets,
        waitingAtStart: p.otherTickets + p.watched,
        ...msFigures(r),
        ackP50Ms: round(ack.p50),
        ackP99Ms: round(ack.p99),
        rssMiB: round(mib(rss), 1),
        rssAtStartMiB: round(mib(rssStart), 1),
        idleConnectSeconds: round(idle.seconds, 1),
      },
      floor: {
        what: `bare socket.io 4.8 server in its own process sending each of about ${p.watched.toLocaleString('en')} phones its own ticket:status (a ticket view of the same shape) in one go`,
        headline: latencyLine(f),
        figures: msFigures(f),
      },
      ratio: { value: round(ratio), what: 'p99 ÷ floor p99' },
      target: {
        text: `p99 ≤ ${TARGET_RATIO}× floor; RSS ≤ ${TARGET_RSS_MIB} MiB`,
        met: complete && ratio <= TARGET_RATIO && mib(rss) <= TARGET_RSS_MIB,
      },
      details: [
        `call-next acknowledged: p50 ${ackLine(ack.p50)}, p99 ${ackLine(ack.p99)}; ${idle.connected.toLocaleString('en')} phones of other services connected in ${idle.seconds.toFixed(1)} s`,
      ],
      notes: [
        `${p.otherTickets.toLocaleString('en')} tickets of the other seven services and ${p.watched.toLocaleString('en')} of ${CALL_SERVICE} wait; the other phones follow the former, ${Math.ceil(idleCount / Math.max(1, p.otherTickets))} a ticket, held by a child process of the bench.`,
        `One call per ${INTERVAL_MS} ms (back to back when slower), real and floor in ${p.blocks} alternating blocks after ${WARMUP} warm-up calls each. After each call the ticket is marked no-show, and before each call a staff snapshot is asked for, so that the call starts once the server has done the work the last one left (both untimed).`,
        'RSS is VmRSS from /proc/<pid>/status, the larger of right after connecting and after the calls.',
        ...(complete ? [] : [`Only ${connected} of ${p.sockets} sockets connected within the budget.`]),
      ],
    };
  } finally {
    real?.close();
    bare?.close();
    await idle?.drop();
    await floor.stop();
    await server.stop();
  }
}

const ackLine = (v: number) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
