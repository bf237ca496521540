import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import proxyAddr from '@fastify/proxy-addr';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** SQLite file; ':memory:' in tests. */
  dbFile: string;
  /** OFFICE_TIMEZONE, or null when unset: it only seeds a new database's default site. */
  timeZone: string | null;
  publicUrl: string;
  adminPassword: string | null;
  seed: 'demo' | 'none';
  /** PRINTER, or null when unset: it only seeds a new database's default kiosk. */
  printer: string | null;
  demoHours: 'always' | 'weekly';
  /** Directory with the Vite build; null serves no pages. */
  publicDir: string | null;
  logLevel: string;
  /** Anonymous ticket requests per client and minute. */
  ticketRateLimit: number;
  /** Login attempts per user and client per minute. */
  loginRateLimit: number;
  // #13 part 3: fairness — what one client address may cost the others
  /** Sockets one client address may hold open on /display, /kiosk and /visitor together (ANON_SOCKETS_PER_ADDRESS). */
  anonSocketsPerAddress: number;
  /** Failed logins one client address may make per window, whatever the usernames (LOGIN_FAILURES_PER_ADDRESS). */
  loginFailuresPerAddress: number;
  /** The window of that limit (LOGIN_FAILURE_WINDOW_MINUTES). */
  loginFailureWindowMs: number;
  /** Password checks (scrypt) running at once; more wait (LOGIN_CONCURRENT_CHECKS). */
  loginConcurrentChecks: number;
  /** Logins waiting for a password check; more get 429 at once (LOGIN_WAITING). */
  loginWaiting: number;
  // #13 part 1: kiosk devices
  /** KIOSK_TOKEN, or null when unset: on an empty database, the default kiosk's device token (else a random one). */
  kioskToken: string | null;
  // #13 part 1b/2: client addresses, staff networks, origins
  /** TRUST_PROXY: addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed; empty trusts none. */
  trustProxy: string[];
  /** STAFF_NETWORKS: CIDRs staff routes and namespaces answer from; null: any address. */
  staffNetworks: string[] | null;
  /** ALLOWED_ORIGINS: origins besides PUBLIC_URL's that may send staff requests (read at each check, so a test server can add its own). */
  allowedOrigins: string[];
}

/** The default kiosk's device token in tests (testConfig): shared test helpers send it as `Authorization: Device <token>`. */
export const TEST_KIOSK_TOKEN = 'test-kiosk-token-0123456789abcdefghijklmnopqrstuv';

export class ConfigError extends Error {}

/** The only place that reads process.env; names are a documented contract. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0–65535, got "${env.PORT}"`);
  const timeZone = env.OFFICE_TIMEZONE || null;
  try {
    if (timeZone !== null) new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`OFFICE_TIMEZONE "${timeZone}" is not a known IANA time zone`);
  }
  const seed = env.SEED || 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError(`SEED must be "demo" or "none", got "${seed}"`);
  const demoHours = env.DEMO_HOURS || 'always';
  if (demoHours !== 'always' && demoHours !== 'weekly') {
    throw new ConfigError(`DEMO_HOURS must be "always" or "weekly", got "${demoHours}"`);
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL "${publicUrl}" is not a URL`);
  }
  const dataDir = resolve(env.DATA_DIR || './data');
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir,
    dbFile: resolve(dataDir, 'amtsqueue.sqlite'),
    timeZone,
    publicUrl,
    adminPassword: env.ADMIN_PASSWORD || null,
    seed,
    printer: parsePrinter(env.PRINTER),
    demoHours,
    publicDir: resolve(import.meta.dirname, '../../public'),
    logLevel: env.LOG_LEVEL || 'info',
    ticketRateLimit: 120,
    loginRateLimit: 5,
    ...fairnessConfig(env),
    kioskToken: parseKioskToken(env.KIOSK_TOKEN),
    ...clientAccessConfig(env),
  };
}

/** #13 part 3: the limits that keep one client address from starving the others. */
function fairnessConfig(env: NodeJS.ProcessEnv): Pick<
  Config,
  'anonSocketsPerAddress' | 'loginFailuresPerAddress' | 'loginFailureWindowMs' | 'loginConcurrentChecks' | 'loginWaiting'
> {
  const count = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
    return value;
  };
  return {
    anonSocketsPerAddress: count('ANON_SOCKETS_PER_ADDRESS', FAIRNESS_DEFAULTS.anonSocketsPerAddress, 1),
    loginFailuresPerAddress: count('LOGIN_FAILURES_PER_ADDRESS', FAIRNESS_DEFAULTS.loginFailuresPerAddress, 1),
    loginFailureWindowMs: count('LOGIN_FAILURE_WINDOW_MINUTES', FAIRNESS_DEFAULTS.loginFailureWindowMs / 60_000, 1) * 60_000,
    loginConcurrentChecks: count('LOGIN_CONCURRENT_CHECKS', FAIRNESS_DEFAULTS.loginConcurrentChecks, 1),
    loginWaiting: count('LOGIN_WAITING', FAIRNESS_DEFAULTS.loginWaiting, 0),
  };
}

export const FAIRNESS_DEFAULTS = {
  anonSocketsPerAddress: 50,
  loginFailuresPerAddress: 20,
  loginFailureWindowMs: 10 * 60_000,
  // A password check takes a core for ~100 ms: on a small machine one core stays with the event loop.
  loginConcurrentChecks: Math.min(2, Math.max(1, availableParallelism() - 1)),
  loginWaiting: 8,
} as const;

/** A config for tests and embedding: in-memory database, no pages, nothing seeded. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: '',
    dbFile: ':memory:',
    timeZone: 'Europe/Berlin',
    publicUrl: 'http://localhost:3000',
    adminPassword: 'admin-test-password',
    seed: 'demo',
    printer: null,
    demoHours: 'always',
    publicDir: null,
    logLevel: 'silent',
    ticketRateLimit: 120,
    loginRateLimit: 5,
    ...FAIRNESS_DEFAULTS,
    kioskToken: TEST_KIOSK_TOKEN,
    trustProxy: [],
    staffNetworks: null,
    allowedOrigins: [],
    ...overrides,
  };
}

/** `none`, `tcp://host[:port]`, or a device/file path (`/dev/usb/lp0`, `\\.\COM1`). */
function parsePrinter(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value === 'none' || /^tcp:\/\/[^/:\s]+(:\d{1,5})?\/?$/.test(value) || /^(\/|\\\\)/.test(value)) return value;
  throw new ConfigError(`PRINTER must be "none", "tcp://host[:port]" or a device path, got "${value}"`);
}

/** A device token goes into the pairing link: URL-safe characters only, and long enough to be unguessable. */
function parseKioskToken(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (/^[A-Za-z0-9_-]{32,200}$/.test(value)) return value;
  throw new ConfigError('KIOSK_TOKEN must be 32–200 characters of A–Z, a–z, 0–9, "-" and "_" (e.g. `openssl rand -hex 32`)');
}

// #13 part 1b/2: client addresses, staff networks, origins
/** TRUST_PROXY, STAFF_NETWORKS and ALLOWED_ORIGINS: comma-separated lists, checked here so a typo stops the start. */
function clientAccessConfig(env: NodeJS.ProcessEnv): Pick<Config, 'trustProxy' | 'staffNetworks' | 'allowedOrigins'> {
  const staffNetworks = addressList('STAFF_NETWORKS', env.STAFF_NETWORKS);
  return {
    trustProxy: addressList('TRUST_PROXY', env.TRUST_PROXY),
    staffNetworks: staffNetworks.length > 0 ? staffNetworks : null,
    allowedOrigins: list(env.ALLOWED_ORIGINS).map((value) => {
      let url: URL | null = null;
      try {
        url = new URL(value);
      } catch {
        // reported below
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.href !== `${url.origin}/`) {
        throw new ConfigError(`ALLOWED_ORIGINS: "${value}" is not an origin like https://queue.example.org or http://server:3000`);
      }
      return url.origin;
    }),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** Addresses and CIDRs (10.0.0.0/8, ::1/128), or proxy-addr's names loopback, linklocal and uniquelocal. */
function addressList(name: string, value: string | undefined): string[] {
  const entries = list(value);
  try {
    proxyAddr.compile(entries);
  } catch (err) {
    throw new ConfigError(`${name} must list IP addresses or CIDRs (e.g. 10.0.0.0/8,::1): ${err instanceof Error ? err.message : String(err)}`);
  }
  return entries;
}
