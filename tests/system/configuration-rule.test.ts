import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { deviceTokenMatches } from '../../server/app/devices.js';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { DEFAULT_SITE_ID } from '../../server/store/store.js';

/**
 * Environment variables seed an empty database only: the real server process
 * (dist/node/server/main.js) started again with another OFFICE_TIMEZONE or
 * PRINTER keeps what the database stores, and says so on stderr, naming the
 * variable and the stored value.
 */

const MAIN = resolve(import.meta.dirname, '../../dist/node/server/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'amtsqueue-config-'));
const kioskDir = mkdtempSync(join(tmpdir(), 'amtsqueue-kiosk-'));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(kioskDir, { recursive: true, force: true });
});

/** Starts the server on a free port, waits until it listens, stops it with SIGTERM; resolves with its output. */
function startAndStop(env: Record<string, string>, dir = dataDir): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, SEED: 'demo', ADMIN_PASSWORD: 'config-rule-password', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the server did not start within 20 s:\n${stdout}\n${stderr}`));
    }, 20_000);
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (stdout.includes('amtsqueue is running')) child.kill('SIGTERM');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ stdout, stderr, code });
    });
  });
}

async function stored(): Promise<{ timeZone: string; printer: unknown }> {
  const store = new SqliteStore(join(dataDir, 'amtsqueue.sqlite'));
  try {
    return await store.read(DEFAULT_SITE_ID, async (r) => ({
      timeZone: (await r.catalog.settings()).timeZone,
      printer: (await r.catalog.device(DEFAULT_KIOSK_ID))?.settings.printer,
    }));
  } finally {
    await store.close();
  }
}

describe('configuration has one owner', () => {
  test('OFFICE_TIMEZONE and PRINTER seed a new database; later starts keep the stored values and warn', async () => {
    const first = await startAndStop({ OFFICE_TIMEZONE: 'America/New_York', PRINTER: 'tcp://127.0.0.1:9100' });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Initialised a new database');
    expect(first.stderr).not.toMatch(/Warning/);
    expect(await stored()).toEqual({ timeZone: 'America/New_York', printer: 'tcp://127.0.0.1:9100' });

    const changed = await startAndStop({ OFFICE_TIMEZONE: 'Europe/Istanbul', PRINTER: 'none' });
    expect(changed.code).toBe(0);
    expect(changed.stderr).toMatch(/Warning: OFFICE_TIMEZONE is "Europe\/Istanbul" but the office's stored time zone is "America\/New_York"/);
    expect(changed.stderr).toMatch(/Warning: PRINTER is "none" but the kiosk "[^"]+" stores "tcp:\/\/127\.0\.0\.1:9100"/);
    expect(await stored()).toEqual({ timeZone: 'America/New_York', printer: 'tcp://127.0.0.1:9100' });

    // Unset or equal to what is stored: nothing to say.
    const quiet = await startAndStop({ OFFICE_TIMEZONE: 'America/New_York', PRINTER: '' });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/Warning/);
  }, 60_000);

  test('the first start prints the default kiosk\'s pairing link once; KIOSK_TOKEN seeds it, later starts keep the stored token and warn', async () => {
    const pairing = /open this pairing link once on the kiosk[^\n]*\n\s+(https?:\/\/\S+\/kiosk\/\?pair=([A-Za-z0-9_-]+))/;
    const kioskMatches = async (token: string) => {
      const store = new SqliteStore(join(kioskDir, 'amtsqueue.sqlite'));
      try {
        const device = await store.read(DEFAULT_SITE_ID, (r) => r.catalog.device(DEFAULT_KIOSK_ID));
        return device !== null && deviceTokenMatches(device, token) && !JSON.stringify(device).includes(token);
      } finally {
        await store.close();
      }
    };
    // Unset: a random token, printed once as the link (next to the passwords).
    const random = await startAndStop({ PUBLIC_URL: 'http://amt.example:3000' }, kioskDir);
    expect(random.code).toBe(0);
    const link = pairing.exec(random.stdout);
    expect(link?.[1]).toMatch(/^http:\/\/amt\.example:3000\/kiosk\/\?pair=/);
    expect(await kioskMatches(link?.[2] ?? '')).toBe(true);
    const again = await startAndStop({ PUBLIC_URL: 'http://amt.example:3000' }, kioskDir);
    expect(again.stdout).not.toMatch(/pair=/);
    expect(again.stderr).not.toMatch(/Warning/);
    // Set on a database that already has a kiosk token: the stored one stays, with a warning.
    const changed = await startAndStop({ KIOSK_TOKEN: 'k'.repeat(40) }, kioskDir);
    expect(changed.stderr).toMatch(/Warning: KIOSK_TOKEN is set but the kiosk "kiosk-eingang" stores another device token/);
    expect(await kioskMatches(link?.[2] ?? '')).toBe(true);
    // On an empty database it is the kiosk's token.
    rmSync(kioskDir, { recursive: true, force: true });
    const seeded = await startAndStop({ KIOSK_TOKEN: 'k'.repeat(40) }, kioskDir);
    expect(pairing.exec(seeded.stdout)?.[2]).toBe('k'.repeat(40));
    expect(await kioskMatches('k'.repeat(40))).toBe(true);
    // A token too short to be secret stops the start with a configuration error.
    const bad = await startAndStop({ KIOSK_TOKEN: 'short' }, kioskDir).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 2 });
  }, 90_000);
});
