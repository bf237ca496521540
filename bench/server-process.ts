import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { BENCH_KIOSK_TOKEN } from './clients.js';
import { trackChild } from './cleanup.js';
import { progress } from './progress.js';
import { sleep } from './stats.js';

/** The compiled server entry, next to this file in dist/node. */
export const SERVER_MAIN = resolve(import.meta.dirname, '../server/main.js');

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  dbFile: string;
  adminPassword: string;
  /** SIGTERM, then SIGKILL if it has not exited after 10 s; resolves with the exit code or signal. */
  stop(): Promise<string>;
  /** Last output lines, for error messages. */
  output(): string;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

/** Resident set size of a process in KiB, from /proc/<pid>/status (Linux). */
export function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]);
}

export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Extra node flags for the server processes, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
 * to profile a scenario (node refuses --cpu-prof in NODE_OPTIONS).
 */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
}

/**
 * Starts the real server (`node dist/node/server/main.js`) as its own process
 * on 127.0.0.1, seeded with the demo office, and waits for /api/health.
 * Starting it again on the same DATA_DIR keeps the database (and the password).
 */
export async function startServer(dataDir: string, adminPassword = randomPassword()): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs(), SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED: 'demo',
      ADMIN_PASSWORD: adminPassword,
      LOG_LEVEL: 'warn',
      DEMO_HOURS: 'always',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // Every bench client comes from 127.0.0.1: the idle-clients scenario holds 10,000 display sockets.
      ANON_SOCKETS_PER_ADDRESS: '100000',
      // Pairs the default kiosk on the first start (later starts keep the stored token).
      KIOSK_TOKEN: BENCH_KIOSK_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  // Always drain the pipes: a full pipe would stall the server's logger.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  progress(`server starting on port ${port}`);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited during start-up (${child.exitCode ?? child.signalCode}):\n${tail}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/health within 30 s:\n${tail}`);
    }
    await sleep(50);
  }
  progress(`server ${child.pid} ready`);

  return {
    url,
    port,
    pid: child.pid as number,
    dataDir,
    dbFile: join(dataDir, 'amtsqueue.sqlite'),
    adminPassword,
    output: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return String(child.exitCode ?? child.signalCode);
      progress(`server ${child.pid} stopping`);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      const how = String(child.exitCode ?? child.signalCode);
      progress(`server ${child.pid} stopped (${how})`);
      return how;
    },
  };
}

/** Logs in over HTTP and returns the Cookie header value of the session. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie');
  if (!cookie) throw new Error('login answered without a session cookie');
  return cookie.split(';')[0] ?? '';
}

/** Issues `count` tickets as staff (not rate-limited), `concurrency` requests at a time; resolves with their ids (visitor tokens) in order. */
export async function issueTickets(
  url: string,
  cookie: string,
  count: number,
  pick: (i: number) => { serviceId: string; language: string },
  concurrency = 4,
): Promise<string[]> {
  let next = 0;
  const ids: string[] = [];
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(`${url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(pick(i)),
      });
      if (res.status !== 201) throw new Error(`issuing a ticket failed: ${res.status} ${await res.text()}`);
      ids[i] = ((await res.json()) as { id: string }).id;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}
