import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import type { CommandTimings } from '../../common/dto.js';
import { businessDate } from '../../server/domain/time.js';
import { closeSockets, command, connectSocket } from '../clients.js';
import { tempDir } from '../cleanup.js';
import type { Plan } from '../plan.js';
import type { Figures, ScenarioResult } from '../report.js';
import { login, startServer, type ServerProcess } from '../server-process.js';
import { BENCH_COUNTER, waitingRoom } from '../ticket-factory.js';
import { progress } from '../progress.js';
import { round, summarise } from '../stats.js';

/** Issue #14, target 2: each command's server time at the small and the large queue differs by less than this. */
export const TARGET_RATIO = 2;

/** The commands of the target, in the order of the table. */
const COMMANDS = ['issue', 'call-next', 'start', 'finish', 'transfer'] as const;
type Command = (typeof COMMANDS)[number];

/**
 * The counter that works (Schalter 4: residence first, then asylum), the service issued into, and the two
 * services transfers go between: both the counter's, so that its own part of the queue keeps its length too.
 */
const COUNTER = BENCH_COUNTER.id;
const ISSUE_INTO = 'residence';
const TRANSFER_BETWEEN = ['residence', 'asylum'] as const;
/** The generated waiting room spans at most this much of the day, ending a minute before the measured start. */
const QUEUE_SPAN_MS = 3600_000;
/** A command (or its push) that takes longer fails the scenario: generous, a loaded machine at 10,000 waiting is slow today. */
const COMMAND_TIMEOUT_MS = 60_000;

/**
 * Writes `n` waiting tickets of today into the SQLite file of a stopped
 * server: the generated waiting room of scenario 3 (the demo services' mix,
 * many languages, priority and appointment tickets, a few cooling down or
 * sent to a named counter), numbered per service as the server numbers them,
 * with the number sequences set so that the server continues after them.
 */
function fillQueue(dbFile: string, n: number, now: number): void {
  const db = new Database(dbFile);
  try {
    const site = db.prepare("SELECT settings FROM sites WHERE id = 'main'").get() as { settings: string };
    const timeZone = (JSON.parse(site.settings) as { timeZone: string }).timeZone;
    const today = businessDate(now, timeZone);
    const prefixes = new Map(
      (db.prepare("SELECT id, prefix FROM services WHERE site_id = 'main'").all() as Array<{ id: string; prefix: string }>).map((s) => [s.id, s.prefix]),
    );
    const { tickets } = waitingRoom(n);
    const first = tickets[0]?.queuedAt ?? 0;
    const last = tickets[tickets.length - 1]?.queuedAt ?? 0;
    const scale = last > first ? Math.min(1, QUEUE_SPAN_MS / (last - first)) : 1;
    const end = now - 60_000;
    const insert = db.prepare(
      `INSERT INTO tickets (id, site_id, ref, number, seq_no, service_id, business_date, language, status, priority_class, channel,
         appointment_id, due_at, issued_at, queued_at, available_at, target_counter_id, counter_id, user_id, called_at, serving_at,
         finished_at, call_count, transferred_from, notes)
       VALUES (@id, 'main', @ref, @number, @seqNo, @serviceId, @businessDate, @language, 'waiting', @priorityClass, @channel,
         NULL, @dueAt, @queuedAt, @queuedAt, @availableAt, @targetCounterId, NULL, NULL, NULL, NULL, NULL, @callCount, NULL, '')`,
    );
    const sequence = db.prepare(
      `INSERT INTO number_sequences (site_id, prefix, business_date, last) VALUES ('main', ?, ?, ?)
       ON CONFLICT (site_id, prefix, business_date) DO UPDATE SET last = excluded.last`,
    );
    const numbers = new Map<string, number>();
    db.transaction(() => {
      tickets.forEach((t, i) => {
        const prefix = prefixes.get(t.serviceId);
        if (prefix === undefined) throw new Error(`the demo office has no service ${t.serviceId}`);
        const seqNo = (numbers.get(prefix) ?? 0) + 1;
        numbers.set(prefix, seqNo);
        const queuedAt = Math.round(end - (last - t.queuedAt) * scale);
        insert.run({
          id: `bench${String(i).padStart(8, '0')}cost${n}`,
          ref: `r${i.toString(16).padStart(12, '0')}`,
          number: `${prefix}${String(seqNo).padStart(3, '0')}`,
          seqNo,
          serviceId: t.serviceId,
          businessDate: today,
          language: t.language,
          priorityClass: t.priorityClass,
          channel: t.channel,
          dueAt: t.dueAt === null ? null : queuedAt + (t.dueAt - t.queuedAt),
          queuedAt,
          availableAt: queuedAt + (t.availableAt - t.queuedAt),
          targetCounterId: t.targetCounterId,
          callCount: t.callCount,
        });
      });
      for (const [prefix, lastNo] of numbers) sequence.run(prefix, today, lastNo);
    })();
  } finally {
    db.close();
  }
}

function waitingIn(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return Number((db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'").get() as { n: number }).n);
  } finally {
    db.close();
  }
}

/** CPU time of the server's main thread (JavaScript and SQLite run there) in ns, from /proc/<pid>/schedstat. */
function mainThreadNs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]);
}

interface SizeResult {
  waiting: number;
  waitingAtEnd: number;
  /** Per command: the server's handler time (GET /api/admin/metrics/commands). */
  handler: Map<Command, { count: number; p50Us: number; p99Us: number; meanUs: number }>;
  /** Per command: the server main thread's CPU from sending it until its queue:changed push arrived (pushes included). */
  cpuUs: Map<Command, number[]>;
  /** Per command: the round trip as the client sees it (ack or HTTP response). */
  roundTripMs: Map<Command, number[]>;
  pushTimeouts: number;
}

/** A seeded demo office, stopped: its SQLite file is copied for each size. */
interface Seeded {
  dbFile: string;
  password: string;
}

/** One measured server with `n` waiting: warm-up cycles, a reset of the timings, measured cycles. */
async function measureSize(seeded: Seeded, n: number, cycles: number, warmup: number): Promise<SizeResult> {
  const dataDir = tempDir(`command-cost-${n}`);
  const dbFile = join(dataDir, basename(seeded.dbFile));
  copyFileSync(seeded.dbFile, dbFile);
  // A clean stop checkpoints the WAL; should one be left, it belongs to the copy.
  if (existsSync(`${seeded.dbFile}-wal`)) copyFileSync(`${seeded.dbFile}-wal`, `${dbFile}-wal`);
  fillQueue(dbFile, n, Date.now());
  const waiting = waitingIn(dbFile);
  let server: ServerProcess | null = null;
  let desk: Socket | null = null;
  try {
    server = await startServer(dataDir, seeded.password);
    const { url, pid } = server;
    const cookie = await login(url, 'admin', seeded.password);
    desk = await connectSocket(url, '/counter', { cookie });
    const opened = await command(desk, 'counter:open', { counterId: COUNTER }, COMMAND_TIMEOUT_MS);
    if (!opened.reply.ok) throw new Error(`counter:open: ${opened.reply.error.code}`);

    // Every command's push to staff: the next command starts once the previous one is fully done.
    let onPush: (() => void) | null = null;
    desk.on('queue:changed', () => {
      const done = onPush;
      onPush = null;
      done?.();
    });
    let pushTimeouts = 0;
    const nextPush = () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pushTimeouts++;
          onPush = null;
          resolve();
        }, COMMAND_TIMEOUT_MS);
        onPush = () => {
          clearTimeout(timer);
          resolve();
        };
      });

    const cpuUs = new Map<Command, number[]>(COMMANDS.map((c) => [c, []]));
    const roundTripMs = new Map<Command, number[]>(COMMANDS.map((c) => [c, []]));
    let record = false;
    const run = async (name: Command, send: () => Promise<void>) => {
      const pushed = nextPush();
      const cpu0 = mainThreadNs(pid);
      const t0 = performance.now();
      await send();
      const ms = performance.now() - t0;
      await pushed;
      const cpu = (mainThreadNs(pid) - cpu0) / 1000;
      if (record) {
        cpuUs.get(name)?.push(cpu);
        roundTripMs.get(name)?.push(ms);
      }
    };
    /** The service of the ticket at the counter, from the last call-next. */
    let current = '';
    const act = (name: Exclude<Command, 'issue'>, payload: Record<string, unknown> = {}) =>
      run(name, async () => {
        const { reply } = await command(desk as Socket, `counter:${name}`, { counterId: COUNTER, ...payload }, COMMAND_TIMEOUT_MS);
        if (!reply.ok) throw new Error(`counter:${name}: ${reply.error.code} ${reply.error.message}`);
        if (name === 'call-next') {
          if (!reply.ticket) throw new Error('counter:call-next: nobody waiting');
          current = reply.ticket.serviceId;
        }
      });
    const issue = () =>
      run('issue', async () => {
        const res = await fetch(`${url}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ serviceId: ISSUE_INTO, language: 'de' }),
          signal: AbortSignal.timeout(COMMAND_TIMEOUT_MS),
        });
        const text = await res.text();
        if (res.status !== 201) throw new Error(`issue: HTTP ${res.status} ${text.slice(0, 200)}`);
      });
    /** One cycle keeps the queue's length: +1 issued, −1 called, +1 transferred (waiting again), −1 called. */
    const cycle = async () => {
      await issue();
      await act('call-next');
      await act('start');
      const to = current === TRANSFER_BETWEEN[0] ? TRANSFER_BETWEEN[1] : TRANSFER_BETWEEN[0];
      await act('transfer', { serviceId: to, keepPlace: false });
      await act('call-next');
      await act('start');
      await act('finish');
    };

    progress(`command cost at ${n} waiting: ${warmup} warm-up cycles`);
    for (let i = 0; i < warmup; i++) await cycle();
    const admin = { 'content-type': 'application/json', cookie };
    const reset = await fetch(`${url}/api/admin/metrics/commands`, { method: 'DELETE', headers: admin, body: '{}' });
    if (reset.status !== 204) throw new Error(`resetting the command timings: HTTP ${reset.status}`);
    progress(`command cost at ${n} waiting: ${cycles} measured cycles`);
    record = true;
    for (let i = 0; i < cycles; i++) await cycle();
    record = false;
    const res = await fetch(`${url}/api/admin/metrics/commands`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`reading the command timings: HTTP ${res.status}`);
    const timings = (await res.json()) as CommandTimings;
    const handler = new Map<Command, { count: number; p50Us: number; p99Us: number; meanUs: number }>();
    for (const name of COMMANDS) {
      const t = timings.commands.find((c) => c.command === name);
      if (!t || t.count === 0) throw new Error(`no timings of ${name} at ${n} waiting`);
      if (t.errors > 0) throw new Error(`${t.errors} ${name} commands failed at ${n} waiting`);
      handler.set(name, { count: t.count, p50Us: t.p50Us, p99Us: t.p99Us, meanUs: t.meanUs });
    }
    closeSockets([desk]);
    desk = null;
    await server.stop();
    const waitingAtEnd = waitingIn(server.dbFile);
    server = null;
    return { waiting, waitingAtEnd, handler, cpuUs, roundTripMs, pushTimeouts };
  } finally {
    if (desk) closeSockets([desk]);
    await server?.stop();
  }
}

const us = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`);

/**
 * Scenario 8 (issue #14, target 2). Each command's server time at a small and
 * a large waiting queue: per size, a server whose SQLite file holds that many
 * waiting tickets of today (written between a seeding start and the measured
 * start); one admin at Schalter 4 runs cycles of issue (HTTP), call-next,
 * start, transfer, call-next, start, finish (/counter socket), one command at a
 * time, each after the previous one's push to staff has arrived. The server's
 * own timings (`GET /api/admin/metrics/commands`, reset after the warm-up) give
 * the handler time; the main thread's CPU from sending a command until its push
 * arrived (/proc/<pid>/schedstat) gives everything the command cost, pushes
 * included.
 */
export async function commandCost(plan: Plan): Promise<ScenarioResult> {
  const p = plan.commandCost;
  const small = p.sizes[0] as number;
  const large = p.sizes[p.sizes.length - 1] as number;
  // One seeding start; every size starts from a copy of its database (stopped, so the WAL is checkpointed).
  const seeding = await startServer(tempDir('command-cost-seed'));
  await seeding.stop();
  const seeded: Seeded = { dbFile: seeding.dbFile, password: seeding.adminPassword };
  const bySize = new Map<number, SizeResult>();
  for (const n of p.sizes) bySize.set(n, await measureSize(seeded, n, p.cycles, p.warmupCycles));
  const s = bySize.get(small) as SizeResult;
  const l = bySize.get(large) as SizeResult;

  const perCommand: Figures = {};
  const details: string[] = [];
  let worst = { command: '', ratio: 0 };
  let worstCpu = { command: '', ratio: 0 };
  for (const name of COMMANDS) {
    const sizes: Figures = {};
    for (const [n, r] of bySize) {
      const h = r.handler.get(name) as { count: number; p50Us: number; p99Us: number; meanUs: number };
      const cpu = summarise(r.cpuUs.get(name) ?? []);
      const rtt = summarise(r.roundTripMs.get(name) ?? []);
      sizes[String(n)] = {
        count: h.count,
        handlerP50Us: round(h.p50Us, 1),
        handlerP99Us: round(h.p99Us, 1),
        handlerMeanUs: round(h.meanUs, 1),
        cpuP50Us: round(cpu.p50, 0),
        cpuMeanUs: round(cpu.mean, 0),
        roundTripP50Ms: round(rtt.p50),
        roundTripP99Ms: round(rtt.p99),
      };
    }
    const hs = s.handler.get(name)?.p50Us ?? Number.NaN;
    const hl = l.handler.get(name)?.p50Us ?? Number.NaN;
    const ratio = hl / hs;
    const cs = summarise(s.cpuUs.get(name) ?? []).p50;
    const cl = summarise(l.cpuUs.get(name) ?? []).p50;
    const cpuRatio = cl / cs;
    if (ratio > worst.ratio) worst = { command: name, ratio };
    if (cpuRatio > worstCpu.ratio) worstCpu = { command: name, ratio: cpuRatio };
    perCommand[name] = { ...sizes, handlerP50Ratio: round(ratio), cpuP50Ratio: round(cpuRatio) };
    details.push(
      `${name.padEnd(9)} handler p50 ${us(hs)} at ${small}, ${us(hl)} at ${large} (×${ratio.toFixed(2)}); ` +
        `CPU incl. pushes p50 ${us(cs)} → ${us(cl)} (×${cpuRatio.toFixed(2)})`,
    );
  }
  const pushTimeouts = [...bySize.values()].reduce((a, r) => a + r.pushTimeouts, 0);
  if (pushTimeouts > 0) details.push(`${pushTimeouts} commands' staff pushes did not arrive within ${COMMAND_TIMEOUT_MS / 1000} s`);
  const met = worst.ratio < TARGET_RATIO;
  return {
    scenario: 8,
    title: `Server time per command at ${small} and ${large.toLocaleString('en')} waiting`,
    headline:
      `handler p50 at ${large} ÷ at ${small}: worst ${worst.command} ×${worst.ratio.toFixed(2)}; ` +
      `CPU incl. pushes: worst ${worstCpu.command} ×${worstCpu.ratio.toFixed(2)}`,
    figures: {
      sizes: Object.fromEntries([...bySize].map(([n, r]) => [String(n), { waitingAtStart: r.waiting, waitingAtEnd: r.waitingAtEnd }])),
      cycles: p.cycles,
      warmupCycles: p.warmupCycles,
      worstHandlerRatio: round(worst.ratio),
      worstCpuRatio: round(worstCpu.ratio),
      pushTimeouts,
      perCommand,
    },
    floor: null,
    ratio: { value: round(worst.ratio), what: `worst command (${worst.command}), handler p50 at ${large} ÷ at ${small}` },
    target: { text: `each of ${COMMANDS.join(', ')}: < ${TARGET_RATIO}× at ${large} vs ${small} waiting`, met },
    details,
    notes: [
      `Per size a fresh server (SEED=demo, DEMO_HOURS=always) whose SQLite file got ${p.sizes.join(' / ')} waiting tickets of today between a seeding start and the measured start (scenario 3's generated waiting room, squeezed into the last hour).`,
      `One admin at ${COUNTER} runs ${p.warmupCycles} warm-up and ${p.cycles} measured cycles of issue (POST /api/tickets into ${ISSUE_INTO}), call-next, start, transfer (between ${TRANSFER_BETWEEN.join(' and ')}, not keeping the place), call-next, start, finish (/counter socket), one command at a time, each after the previous one's queue:changed push has arrived: the queue keeps its length.`,
      'Handler: the server\'s own timing around each command\'s handler (process.hrtime.bigint(), GET /api/admin/metrics/commands, reset after the warm-up): validation, session, the store transaction with its fsync, the decision and the answer\'s view; not HTTP parsing, socket frames or the pushes. The target is on its median.',
      'CPU incl. pushes: the server main thread\'s CPU time (/proc/<pid>/schedstat; JavaScript and SQLite run there) from sending a command until its push to staff arrived: HTTP or socket, the handler, the push to staff, and whatever else ran meanwhile (the coalesced services push, at most every 250 ms).',
    ],
  };
}
