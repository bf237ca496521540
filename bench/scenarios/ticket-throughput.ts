import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
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

/** One autocannon run of exactly `amount` requests: it ends when every response is in, so all are counted. */
async function chunk(url: string, cookie: string, connections: number, amount: number, latencies: number[]): Promise<Chunk> {
  const statuses = new Map<number, number>();
  const instance = autocannon({
    url: `${url}/api/tickets`,
    connections,
    amount,
    timeout: 20,
    requests: SERVICES.map((serviceId, i) => ({
      method: 'POST',
      path: '/api/tickets',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ serviceId, language: LANGUAGES[i % LANGUAGES.length] }),
    })),
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    latencies.push(responseTime);
  });
  const result = await instance;
  const created = statuses.get(201) ?? 0;
  const all = [...statuses.values()].reduce((a, b) => a + b, 0);
  return { seconds: result.duration, created, other: all - created, errors: result.errors, timeouts: result.timeouts };
}

/**
 * Scenario 2. autocannon POSTs /api/tickets with the admin's session cookie
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
        'Requests rotate over the eight demo services; all are issued by the admin session, as staff are not rate-limited. Latency and status come from autocannon\'s per-response events.',
      ],
    };
  } finally {
    db?.close();
    await server.stop();
  }
}
