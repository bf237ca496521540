import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../server/app.js';
import { testConfig, type Config } from '../../server/config.js';
import { DEFAULT_KIOSK, type KioskSettings } from '../../server/domain/settings.js';

export interface TestClock {
  now: number;
  advance(ms: number): void;
}

export interface TestServer {
  app: App;
  url: string;
  clock: TestClock;
  dir: string;
  /** Every seeded user's password, admin included. */
  passwords: Record<string, string>;
  /** Logs in over HTTP and returns the Cookie header value. */
  login(username: string): Promise<string>;
  /** Stops the server and starts a new one on the same SQLite file and port (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const ADMIN_PASSWORD = 'admin-test-password';

/**
 * The test server's kiosk limit: tests draw many tickets in a moment on a
 * frozen clock, through the one paired test kiosk. Tests of the limit itself
 * set the office's real rules back with `setKioskRules(server, DEFAULT_KIOSK)`.
 */
export const TEST_KIOSK_TICKETS_PER_MINUTE = 100_000;

/** Writes the office's kiosk rules (a site setting, as an admin would change it). */
export async function setKioskRules(server: { app: App }, rules: Partial<KioskSettings>): Promise<void> {
  const { office } = server.app;
  await office.store.transaction(office.siteId, async (tx) => {
    const settings = await tx.catalog.settings();
    await tx.catalog.putSettings({ ...settings, kiosk: { ...DEFAULT_KIOSK, ...settings.kiosk, ...rules } });
  });
}

/** A real server on 127.0.0.1:0 with a real SQLite file in a temp dir and a settable clock. */
export async function startTestServer(overrides: Partial<Config> = {}, startAt = Date.now()): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'amtsqueue-test-'));
  const clock: TestClock = {
    now: startAt,
    advance(ms) {
      this.now += ms;
    },
  };
  const config = testConfig({ dbFile: join(dir, 'test.sqlite'), adminPassword: ADMIN_PASSWORD, ...overrides });
  let app = await createApp(config, { now: () => clock.now });
  if (app.seed.seeded) await setKioskRules({ app }, { ticketsPerMinute: TEST_KIOSK_TICKETS_PER_MINUTE });
  await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = app.fastify.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const port = address.port;
  const url = `http://127.0.0.1:${port}`;
  // Browsers in the e2e tests open this address: its pages may act for staff (ALLOWED_ORIGINS).
  config.allowedOrigins.push(url);
  const passwords: Record<string, string> = { admin: ADMIN_PASSWORD };
  for (const p of app.seed.generatedPasswords) passwords[p.username] = p.password;

  const server: TestServer = {
    app,
    url,
    clock,
    dir,
    passwords,
    async login(username) {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: passwords[username] }),
      });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers.get('set-cookie');
      if (!cookie) throw new Error('no session cookie');
      return cookie.split(';')[0] ?? '';
    },
    async restart() {
      await app.close();
      app = await createApp(config, { now: () => clock.now });
      await app.fastify.listen({ port, host: '127.0.0.1' });
      server.app = app;
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
