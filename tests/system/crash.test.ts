import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { freePort } from '../../bench/server-process.js';
import { afterAll, describe, expect, test } from 'vitest';
import type { IssuedTicket, PublicTicket } from '../../common/dto.js';
import { closeAll, connect, firstOf } from '../helpers/socket-clients.js';
import { api } from '../realtime/support.js';

/**
 * Durability: the real server process (dist/node/server/main.js, built by
 * `npm test` / `npm run build:server`) is SIGKILLed while tickets are being
 * drawn. After a restart on the same data directory every ticket the server
 * answered 201 for is still there, and no number is handed out twice.
 * Loopback only; bounded in requests and time.
 */

const MAIN = resolve(import.meta.dirname, '../../dist/node/server/main.js');
const ADMIN_PASSWORD = 'crash-test-admin-password';
const PARALLEL = 8;
const MAX_REQUESTS = 400;
const KILL_AFTER_CREATED = 120;
const LOAD_TIMEOUT_MS = 30_000;
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

const dataDir = mkdtempSync(join(tmpdir(), 'amtsqueue-crash-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  closeAll();
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startServer(): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED: 'demo',
      DEMO_HOURS: 'always',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.once('exit', (code, signal) => r({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not come up:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, output: () => out, exited };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  expect(cookie).toBeTruthy();
  return cookie!;
}

interface Created {
  id: string;
  number: string;
  serviceId: string;
  expiresAt: number;
}

describe('crash safety', () => {
  test(
    'every ticket answered 201 survives a SIGKILL mid-load, and no number is handed out twice',
    async () => {
      expect(existsSync(MAIN), `${MAIN} is missing: run "npm run build:server" first`).toBe(true);
      const started = Date.now();

      // 1. A fresh server on an empty data directory seeds the demo office.
      const first = await startServer();
      const cookie = await login(first.url);
      const screen = await connect(first.url, '/display');
      const firstEpoch = (await firstOf(screen, 'display:snapshot')).epoch;

      // 2. Draw tickets from 8 parallel clients; SIGKILL the server while requests are in flight.
      const created: Created[] = [];
      const refused: string[] = [];
      let sent = 0;
      let killedAt = -1;
      let inFlightAtKill = 0;
      let inFlight = 0;
      const loadDeadline = Date.now() + LOAD_TIMEOUT_MS;
      const loop = async () => {
        while (killedAt < 0 && sent < MAX_REQUESTS && Date.now() < loadDeadline) {
          const i = sent++;
          const serviceId = SERVICES[i % SERVICES.length]!;
          inFlight++;
          try {
            const res = await api<IssuedTicket>(first.url, 'POST', '/api/tickets', {
              cookie,
              body: { serviceId, language: i % 3 ? 'de' : 'ar' },
            });
            if (res.status === 201) {
              created.push({ id: res.body.id, number: res.body.number, serviceId: res.body.serviceId, expiresAt: res.body.expiresAt });
              expect(res.body.serviceId).toBe(serviceId);
            } else {
              refused.push(`${res.status} ${JSON.stringify(res.body)}`);
            }
          } catch {
            // The connection died with the process: this request was never confirmed.
          } finally {
            inFlight--;
          }
          if (killedAt < 0 && created.length >= KILL_AFTER_CREATED) {
            killedAt = created.length;
            inFlightAtKill = inFlight;
            first.child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, loop));
      expect(refused).toEqual([]);
      expect(killedAt, 'the server was not killed during the load').toBeGreaterThanOrEqual(KILL_AFTER_CREATED);
      expect(inFlightAtKill, 'no request was in flight at the kill').toBeGreaterThan(0);
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      // Responses already on their way may have landed after the kill decision; all of them count.
      expect(created.length).toBeGreaterThanOrEqual(KILL_AFTER_CREATED);
      expect(new Set(created.map((t) => t.id)).size).toBe(created.length);
      const key = (t: { expiresAt: number; number: string }) => `${t.expiresAt}|${t.number}`;
      expect(new Set(created.map(key)).size, 'a number was handed out twice before the crash').toBe(created.length);

      // 3. Restart on the same data directory: no re-seed, the old session still works.
      const second = await startServer();
      expect(second.output()).not.toContain('Initialised a new database');
      const me = await api(second.url, 'GET', '/api/auth/me', { cookie });
      expect(me.status).toBe(200);
      // A new process starts a new push epoch, so screens that survived the restart resync.
      const screenAgain = await connect(second.url, '/display');
      const secondSnap = await firstOf(screenAgain, 'display:snapshot');
      expect(secondSnap.epoch).not.toBe(firstEpoch);
      // Its waiting counts include every confirmed ticket (plus any committed whose answer was lost).
      for (const service of SERVICES) {
        const confirmed = created.filter((t) => t.serviceId === service).length;
        const waiting = secondSnap.services.find((x) => x.id === service)?.waiting ?? -1;
        expect(waiting, service).toBeGreaterThanOrEqual(confirmed);
        expect(waiting, service).toBeLessThanOrEqual(confirmed + (sent - created.length));
      }
      screenAgain.close();

      // 4. Every confirmed ticket is there with its number.
      const missing: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < created.length) {
            const t = created[next++]!;
            const res = await api<PublicTicket>(second.url, 'GET', `/api/tickets/${t.id}`);
            if (res.status !== 200 || res.body.number !== t.number || res.body.serviceId !== t.serviceId || res.body.status !== 'waiting') {
              missing.push(`${t.number} (${t.id}): ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            }
          }
        }),
      );
      expect(missing).toEqual([]);

      // 5. New tickets after the restart get new numbers in every service.
      const after: Created[] = [];
      for (let round = 0; round < 3; round++) {
        for (const serviceId of SERVICES) {
          const res = await api<IssuedTicket>(second.url, 'POST', '/api/tickets', { cookie, body: { serviceId, language: 'de' } });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          after.push({ id: res.body.id, number: res.body.number, serviceId, expiresAt: res.body.expiresAt });
        }
      }
      const before = new Set(created.map(key));
      for (const t of after) expect(before.has(key(t)), `${t.number} was handed out again`).toBe(false);
      expect(new Set(after.map(key)).size).toBe(after.length);

      // 6. Stop the server gracefully and read the database file directly.
      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);

      const db = new Database(join(dataDir, 'amtsqueue.sqlite'), { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const dupes = db
          .prepare('SELECT business_date, number, COUNT(*) AS n FROM tickets GROUP BY business_date, number HAVING n > 1')
          .all();
        expect(dupes).toEqual([]);
        const total = db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;
        expect(total).toBeGreaterThanOrEqual(created.length + after.length);
        // At most the requests that were in flight at the kill were committed without an answer.
        expect(total).toBeLessThanOrEqual(sent + after.length);
        const byId = db.prepare('SELECT number, service_id FROM tickets WHERE id = ?');
        for (const t of [...created, ...after]) {
          expect(byId.get(t.id), t.number).toEqual({ number: t.number, service_id: t.serviceId });
        }
        // The number counters never lag behind the numbers in use, so none can come again.
        const lagging = db
          .prepare(
            `SELECT s.prefix, t.business_date, MAX(t.seq_no) AS used, n.last
               FROM tickets t JOIN services s ON s.id = t.service_id
               LEFT JOIN number_sequences n ON n.prefix = s.prefix AND n.business_date = t.business_date
              GROUP BY s.prefix, t.business_date
             HAVING n.last IS NULL OR n.last < MAX(t.seq_no)`,
          )
          .all();
        expect(lagging).toEqual([]);
        // State and events commit together: one ticket.issued per ticket, none without a ticket.
        const orphans = db
          .prepare(
            `SELECT t.id, COUNT(e.seq) AS n FROM tickets t LEFT JOIN events e ON e.ticket_id = t.id AND e.type = 'ticket.issued'
              GROUP BY t.id HAVING n <> 1`,
          )
          .all();
        expect(orphans).toEqual([]);
        const issuedEvents = db.prepare("SELECT COUNT(*) FROM events WHERE type = 'ticket.issued'").pluck().get();
        expect(issuedEvents).toBe(total);
      } finally {
        db.close();
      }
      console.info(
        `crash: ${created.length} confirmed before SIGKILL (${inFlightAtKill} in flight, ${sent} sent), ${Date.now() - started} ms`,
      );
    },
    90_000,
  );
});
