import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../bench/server-process.js';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * Issue #13, part 4, against the real server process (dist/node/server/main.js,
 * built by `npm run build:server`): a read-only database stops the start with
 * exit code 1 and a message, and a full disk (simulated, as observed, by a
 * file-size limit on the process) turns writes into 503 STORAGE_UNAVAILABLE
 * and health into 503 degraded, until writing works again.
 */

const KIOSK_TOKEN = 'storage-failures-kiosk-token-0123456789abcdef';
const MAIN = resolve(import.meta.dirname, '../../dist/node/server/main.js');
const ADMIN_PASSWORD = 'storage-test-admin';
/** root ignores file permissions: the read-only start runs as "nobody" then. */
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns the server (optionally through `sh -c` with a prefix such as a ulimit) and waits until it answers, or exits. */
async function spawnServer(dataDir: string, o: { shellPrefix?: string; uid?: number } = {}): Promise<Started & { up: boolean }> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED: 'demo',
    DEMO_HOURS: 'always',
    ADMIN_PASSWORD,
    // The default kiosk's device token: visitors draw tickets only through a paired kiosk.
    KIOSK_TOKEN,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  const child = o.shellPrefix
    ? spawn('/bin/sh', ['-c', `${o.shellPrefix}; exec "$0" "$1"`, process.execPath, MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'], ...(o.uid !== undefined ? { uid: o.uid, gid: o.uid } : {}) });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) return { child, url, output: () => out, exited, up: false };
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return { child, url, output: () => out, exited, up: true };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server neither came up nor exited:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A data folder with a seeded database, written by one clean start and stop of the server. */
async function seededDataDir(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'amtsqueue-storage-'));
  dirs.push(dataDir);
  const first = await spawnServer(dataDir);
  expect(first.up, first.output()).toBe(true);
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  return dataDir;
}

describe('storage failures of the real server', () => {
  test('a database file that opens read-only stops the start with exit code 1 and a message', async () => {
    const dataDir = await seededDataDir();
    const file = join(dataDir, 'amtsqueue.sqlite');
    expect(existsSync(`${file}-wal`)).toBe(false);
    chmodSync(file, 0o444);
    // The folder stays writable (SQLite may add its -wal/-shm files): only the file is read-only.
    chmodSync(dataDir, 0o777);
    if (asRoot) chownSync(dataDir, NOBODY, NOBODY);
    const run = await spawnServer(dataDir, asRoot ? { uid: NOBODY } : {});
    expect(run.up, run.output()).toBe(false);
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/^Cannot start: The database .*amtsqueue\.sqlite cannot be written \(the file, its folder or the disk is read-only\)/m);
    expect(run.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 90_000);

  test.skipIf(spawnSync('prlimit', ['--version']).status !== 0)(
    'a full disk (file-size limit): writes answer 503 STORAGE_UNAVAILABLE, health 503 degraded; raised limit → health ok again',
    async () => {
      const dataDir = await seededDataDir();
      // A soft limit of 2 MiB for files this process writes (sh counts 512-byte blocks): room to start, little to grow.
      const run = await spawnServer(dataDir, { shellPrefix: 'ulimit -S -f 4096' });
      expect(run.up, run.output()).toBe(true);
      // Staff draw without the kiosks' per-minute limit: it would stop the flood long before the disk is full.
      const login = await fetch(`${run.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const staff = { cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '', origin: run.url };
      const statuses = new Map<number, number>();
      let refused: { status: number; body: unknown } | null = null;
      for (let i = 0; i < 20_000 && !refused; i++) {
        const res = await fetch(`${run.url}/api/tickets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...staff },
          body: JSON.stringify({ serviceId: ['residence', 'information', 'asylum', 'naturalisation'][i % 4], language: 'de' }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status !== 201) refused = { status: res.status, body: await res.json() };
        else await res.arrayBuffer();
      }
      expect(refused, JSON.stringify([...statuses])).toEqual({
        status: 503,
        body: { error: { code: 'STORAGE_UNAVAILABLE', message: expect.any(String) as string } },
      });
      expect(statuses.get(500)).toBeUndefined();
      const down = await fetch(`${run.url}/api/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'degraded', reason: expect.stringMatching(/^(disk_full|io_error)$/) as string });

      // Room again: the server's own probe (every few seconds) sees it, and so does a load balancer.
      expect(spawnSync('prlimit', ['--pid', String(run.child.pid), '--fsize=unlimited:unlimited']).status).toBe(0);
      await expect
        .poll(async () => (await fetch(`${run.url}/api/health`)).status, { timeout: 20_000, interval: 200 })
        .toBe(200);
      const again = await fetch(`${run.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Device ${KIOSK_TOKEN}` },
        body: JSON.stringify({ serviceId: 'residence', language: 'de' }),
      });
      expect(again.status).toBe(201);
      run.child.kill('SIGTERM');
      await run.exited;
    },
    120_000,
  );
});
