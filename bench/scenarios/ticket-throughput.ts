import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import http from 'node:http';
import Database from 'better-sqlite3';
import { tempDir } from '../cleanup.js';
import type { Plan } from '../plan.js';
import type { ScenarioResult } from '../report.js';
import { login, startServer } from '../server-process.js';
import { rawInsertFloor } from '../sqlite-floor.js';
import { round, sleep, summarise } from '../stats.js';

export const TARGET_RATIO = 0.5;

const SERVICES = [
  'residence',
  'permit-pickup',
  'naturalisation',
  'asylum',
  'migration-counselling',
  'youth-migration',
  'integration-courses',
  'information',
];
const LANGUAGES = ['de', 'ar', 'tr', 'uk', 'ru', 'fa', 'ti', 'en'];

interface Chunk {
  seconds: number;
  created: number;
  other: number;
  errors: number;
  timeouts: number;
}

/**
 * One run of exactly `amount` requests over `connections` kept-alive
 * connections, each sending its next request when the previous answer is in.
 * Nothing is in flight when it returns, so every response is counted.
 * (autocannon was tried first: its runs end on whole sampling seconds, which
 * capped short runs at `amount` per second.)
 */
async function chunk(url: string, cookie: string, connections: number, amount: number, latencies: number[]): Promise<Chunk> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses = new Map<number, number>();
  let errors = 0;
  let timeouts = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < amount) {
      const i = next++;
      const body = JSON.stringify({ serviceId: SERVICES[i % SERVICES.length], language: LANGUAGES[i % LANGUAGES.length] });
      const sent = performance.now();
      try {
        const status = await post(agent, `${url}/api/tickets`, cookie, body);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        latencies.push(performance.now() - sent);
      } catch (err) {
        if ((err as Error).message === 'timeout') timeouts++;
        else errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  const created = statuses.get(201) ?? 0;
  const all = [...statuses.values()].reduce((a, b) => a + b, 0);
  return { seconds, created, other: all - created, errors, timeouts };
}

function post(agent: http.Agent, url: string, cookie: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: 20_000,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The target figures of issue #14, item 1. */
export const TARGET_WAITING_RATIO = 0.9;
export const TARGET_CPU_US = 300;

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ). */
const CLOCK_TICKS = (() => {
  const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(out.stdout?.trim());
  return out.status === 0 && Number.isFinite(n) && n > 0 ? n : 100;
})();

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (Linux). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The process name (field 2) may hold spaces: count fields after its closing parenthesis. utime is field 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

interface Phase {
  /** Waiting tickets when the phase began. */
  from: number;
  created: number;
  seconds: number;
  perSecond: number;
  /** Server CPU time (user + system) per created ticket. */
  cpuUs: number;
  clean: boolean;
  latencies: number[];
}

interface Repetition {
  empty: Phase;
  waiting: Phase;
  floor: ReturnType<typeof rawInsertFloor>;
  rowsMatch: boolean;
  rows: number;
  created: number;
  warmup: number;
}

/** Issues `amount` tickets and reads the server's CPU time around them. */
async function phase(pid: number, url: string, cookie: string, connections: number, amount: number, from: number): Promise<Phase> {
  const latencies: number[] = [];
  const cpu0 = cpuMs(pid);
  const c = await chunk(url, cookie, connections, amount, latencies);
  const cpu = cpuMs(pid) - cpu0;
  return {
    from,
    created: c.created,
    seconds: c.seconds,
    perSecond: c.created / c.seconds,
    cpuUs: c.created > 0 ? (cpu * 1000) / c.created : Number.NaN,
    clean: c.errors === 0 && c.timeouts === 0 && c.other === 0,
    latencies,
  };
}

/** One fresh server: a short warm-up, the empty-queue phase, the queue filled to `waiting`, the second phase; then a floor. */
async function repetition(plan: Plan['throughput'], index: number): Promise<Repetition> {
  const server = await startServer(tempDir(`throughput-${index}`));
  let db: Database.Database | null = null;
  try {
    const cookie = await login(server.url, 'admin', server.adminPassword);
    db = new Database(server.dbFile, { readonly: true, fileMustExist: true });
    const countTickets = () => Number((db?.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n);
    const before = countTickets();
    let issued = 0;
    let created = 0;
    const run = async (amount: number) => {
      const c = await chunk(server.url, cookie, plan.connections, amount, []);
      if (c.created !== amount) throw new Error(`filling the queue: ${amount - c.created} of ${amount} requests were not 201`);
      issued += amount;
      created += c.created;
    };
    // Warm-up (the JIT, the first session lookups): a few tickets, so the queue is still nearly empty.
    const warmup = plan.connections * 2;
    await run(warmup);
    const empty = await phase(server.pid, server.url, cookie, plan.connections, plan.measured, issued);
    issued += plan.measured;
    created += empty.created;
    if (plan.waiting > issued) await run(plan.waiting - issued);
    await sleep(200);
    const waiting = await phase(server.pid, server.url, cookie, plan.connections, plan.measured, issued);
    created += waiting.created;
    await sleep(200);
    const rows = countTickets() - before;
    db.close();
    db = null;
    await server.stop();
    // The floor right after, on the same machine in the same minute.
    const floor = rawInsertFloor(plan.floorSeconds);
    return { empty, waiting, floor, rowsMatch: rows === created, rows, created, warmup };
  } finally {
    db?.close();
    await server.stop();
  }
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const spread = (values: readonly number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

/**
 * Scenario 2 (issue #14, target 1). A small keep-alive client POSTs
 * /api/tickets with the admin's session cookie (staff are not rate-limited).
 * Each repetition starts a fresh server, issues a short warm-up, then measures
 * `measured` tickets from a nearly empty queue, fills the queue to `waiting`
 * (not measured) and measures `measured` more: the rate at each queue length,
 * and the server's CPU time (utime + stime from /proc/<pid>/stat) per issued
 * ticket. The tickets table (opened read-only while the server runs) must hold
 * exactly as many rows as there were 201s. The floor, raw durable inserts of
 * the same rows, is measured after each repetition; figures are medians.
 */
export async function ticketThroughput(plan: Plan): Promise<ScenarioResult> {
  const p = plan.throughput;
  const reps: Repetition[] = [];
  for (let i = 0; i < p.repetitions; i++) reps.push(await repetition(p, i));

  const rateEmpty = median(reps.map((r) => r.empty.perSecond));
  const rateWaiting = median(reps.map((r) => r.waiting.perSecond));
  const cpuEmpty = median(reps.map((r) => r.empty.cpuUs));
  const cpuWaiting = median(reps.map((r) => r.waiting.cpuUs));
  const floorRate = median(reps.map((r) => r.floor.perSecond));
  const floorP99 = median(reps.map((r) => r.floor.p99Ms));
  const latEmpty = summarise(reps.flatMap((r) => r.empty.latencies));
  const latWaiting = summarise(reps.flatMap((r) => r.waiting.latencies));
  const lat = summarise(reps.flatMap((r) => [...r.empty.latencies, ...r.waiting.latencies]));
  const ratioEmpty = rateEmpty / floorRate;
  const ratioWaiting = rateWaiting / floorRate;
  const waitingToEmpty = rateWaiting / rateEmpty;
  const cpu = Math.max(cpuEmpty, cpuWaiting);
  const created = reps.reduce((a, r) => a + r.created, 0);
  const rows = reps.reduce((a, r) => a + r.rows, 0);
  const consistent = reps.every((r) => r.rowsMatch);
  const clean = reps.every((r) => r.empty.clean && r.waiting.clean);
  const met =
    Math.min(ratioEmpty, ratioWaiting) >= TARGET_RATIO && waitingToEmpty >= TARGET_WAITING_RATIO && cpu <= TARGET_CPU_US && consistent && clean;
  const at = (ph: Phase) => `${ph.perSecond.toFixed(0)}/s, ${ph.cpuUs.toFixed(0)} µs CPU`;
  return {
    scenario: 2,
    title: 'Ticket issue throughput (POST /api/tickets)',
    headline:
      `empty queue ${rateEmpty.toFixed(0)} tickets/s, ${cpuEmpty.toFixed(0)} µs CPU each; ${p.waiting} waiting ${rateWaiting.toFixed(0)}/s, ` +
      `${cpuWaiting.toFixed(0)} µs (${p.waiting}/empty ${waitingToEmpty.toFixed(2)}); p99 ${lat.p99.toFixed(0)} ms at ${p.connections} connections; ` +
      `DB rows ${rows} = 201s ${created}: ${consistent ? 'yes' : 'NO'}`,
    figures: {
      ticketsPerSecond: round(rateEmpty, 1),
      ticketsPerSecondWaiting: round(rateWaiting, 1),
      waitingToEmptyRatio: round(waitingToEmpty, 3),
      floorRatioEmpty: round(ratioEmpty, 3),
      floorRatioWaiting: round(ratioWaiting, 3),
      cpuUsPerTicket: round(cpuEmpty, 1),
      cpuUsPerTicketWaiting: round(cpuWaiting, 1),
      waiting: p.waiting,
      measuredPerPhase: p.measured,
      repetitions: p.repetitions,
      p50Ms: round(lat.p50),
      p99Ms: round(lat.p99),
      maxMs: round(lat.max),
      p99MsEmpty: round(latEmpty.p99),
      p99MsWaiting: round(latWaiting.p99),
      created201: created,
      rowsInDatabase: rows,
      rowsMatch201: consistent ? 1 : 0,
      connections: p.connections,
    },
    floor: {
      what: 'raw better-sqlite3: the same ticket row + event row, one immediate transaction each, WAL + synchronous=FULL, same schema, same file system; measured after each repetition',
      headline: `${floorRate.toFixed(0)} inserts/s (p99 ${floorP99.toFixed(2)} ms)`,
      figures: { insertsPerSecond: round(floorRate, 1), inserts: reps.reduce((a, r) => a + r.floor.inserts, 0), p99Ms: round(floorP99, 3) },
    },
    ratio: { value: round(Math.min(ratioEmpty, ratioWaiting), 3), what: `tickets/s ÷ floor inserts/s, the lower of empty (${ratioEmpty.toFixed(2)}) and ${p.waiting} waiting (${ratioWaiting.toFixed(2)})` },
    target: {
      text: `≥ ${TARGET_RATIO}× floor at both, ${p.waiting}/empty ≥ ${TARGET_WAITING_RATIO}, ≤ ${TARGET_CPU_US} µs CPU/ticket, rows = 201s`,
      met,
    },
    details: [
      ...reps.map(
        (r, i) =>
          `run ${i + 1}: empty (${r.empty.from}→${r.empty.from + r.empty.created}) ${at(r.empty)}; ` +
          `waiting (${r.waiting.from}→${r.waiting.from + r.waiting.created}) ${at(r.waiting)}; floor ${r.floor.perSecond.toFixed(0)}/s`,
      ),
      ...(reps.length > 1
        ? [
            `spread over ${reps.length} runs: empty ${spread(reps.map((r) => r.empty.perSecond))}/s, waiting ${spread(reps.map((r) => r.waiting.perSecond))}/s, ` +
              `CPU ${spread(reps.map((r) => r.empty.cpuUs))} / ${spread(reps.map((r) => r.waiting.cpuUs))} µs, floor ${spread(reps.map((r) => r.floor.perSecond))}/s`,
          ]
        : []),
      ...(clean ? [] : ['some requests failed, timed out or answered another status than 201']),
    ],
    notes: [
      `Requests rotate over the eight demo services; all are issued by the admin session, as staff are not rate-limited. Each run starts a fresh server; ${reps[0]?.warmup ?? 0} warm-up tickets come first. CPU is the server process's utime + stime (/proc, ${CLOCK_TICKS} ticks a second) over the phase, divided by its 201s; it includes the session lookup, HTTP and the pushes.`,
    ],
  };
}
