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

/**
 * Scenario 2. A small keep-alive client POSTs /api/tickets with the admin's session cookie
 * (staff are not rate-limited), in back-to-back runs of a fixed number of
 * requests until the time target is reached, so that every response is
 * counted; then the tickets table (opened read-only while the server runs)
 * must hold exactly as many rows as there were 201s. Every ticket stays
 * waiting, so the queue grows during the run: the first and last runs' rates
 * show what that costs.
 */
export async function ticketThroughput(plan: Plan): Promise<ScenarioResult> {
  const p = plan.throughput;
  const server = await startServer(tempDir('throughput'));
  let db: Database.Database | null = null;
  try {
    const cookie = await login(server.url, 'admin', server.adminPassword);
    db = new Database(server.dbFile, { readonly: true, fileMustExist: true });
    const countTickets = () => Number((db?.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n);
    const before = countTickets();

    const latencies: number[] = [];
    const chunks: Chunk[] = [];
    const perChunk = p.connections * p.requestsPerConnection;
    const start = performance.now();
    while ((performance.now() - start) / 1000 < p.targetSeconds) {
      chunks.push(await chunk(server.url, cookie, p.connections, perChunk, latencies));
    }
    const seconds = (performance.now() - start) / 1000;
    await sleep(200);
    const rows = countTickets() - before;
    const ok = chunks.reduce((a, c) => a + c.created, 0);
    const other = chunks.reduce((a, c) => a + c.other, 0);
    const errors = chunks.reduce((a, c) => a + c.errors, 0);
    const timeouts = chunks.reduce((a, c) => a + c.timeouts, 0);
    const perSecond = ok / seconds;
    const lat = summarise(latencies);
    const first = chunks[0] as Chunk;
    const last = chunks[chunks.length - 1] as Chunk;
    const rate = (c: Chunk) => c.created / c.seconds;

    const floor = rawInsertFloor(p.floorSeconds);
    const ratio = perSecond / floor.perSecond;
    const consistent = rows === ok;
    const clean = errors === 0 && timeouts === 0 && other === 0;
    return {
      scenario: 2,
      title: 'Ticket issue throughput (POST /api/tickets)',
      headline: `${perSecond.toFixed(0)} tickets/s (first ${rate(first).toFixed(0)}/s, last ${rate(last).toFixed(0)}/s), p99 ${lat.p99.toFixed(0)} ms at ${p.connections} connections; DB rows ${rows} = 201s ${ok}: ${consistent ? 'yes' : 'NO'}`,
      figures: {
        ticketsPerSecond: round(perSecond, 1),
        ticketsPerSecondFirstRun: round(rate(first), 1),
        ticketsPerSecondLastRun: round(rate(last), 1),
        p50Ms: round(lat.p50),
        p99Ms: round(lat.p99),
        maxMs: round(lat.max),
        created201: ok,
        otherStatus: other,
        errors,
        timeouts,
        rowsInDatabase: rows,
        rowsMatch201: consistent ? 1 : 0,
        connections: p.connections,
        seconds: round(seconds, 2),
      },
      floor: {
        what: 'raw better-sqlite3: the same ticket row + event row, one immediate transaction each, WAL + synchronous=FULL, same schema, same file system',
        headline: `${floor.perSecond.toFixed(0)} inserts/s (p99 ${floor.p99Ms.toFixed(2)} ms)`,
        figures: { insertsPerSecond: round(floor.perSecond, 1), inserts: floor.inserts, p99Ms: round(floor.p99Ms, 3) },
      },
      ratio: { value: round(ratio, 3), what: 'tickets/s ÷ floor inserts/s' },
      target: { text: `≥ ${TARGET_RATIO}× floor, rows = 201s`, met: ratio >= TARGET_RATIO && consistent && clean },
      details: [
        `${chunks.length} runs of ${perChunk} requests; the waiting queue grew from 0 to ${rows} tickets`,
        ...(clean ? [] : [`errors ${errors}, timeouts ${timeouts}, other statuses ${other}`]),
      ],
      notes: [
        'Requests rotate over the eight demo services; all are issued by the admin session, as staff are not rate-limited. Latency and status are taken per response by the bench’s own keep-alive client.',
      ],
    };
  } finally {
    db?.close();
    await server.stop();
  }
}
