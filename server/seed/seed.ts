import { generatePassword, hashPassword } from '../auth/password.js';
import { deviceTokenMatches, deviceTokenSettings, hasDeviceToken } from '../app/devices.js';
import { event } from '../domain/events.js';
import { newId } from '../app/ids.js';
import { newAgentToken } from '../auth/agent-token.js';
import { defaultOfficeSettings } from '../domain/settings.js';
import { DEFAULT_SITE_ID, type QueueStore, type UserRecord } from '../store/store.js';
import {
  ALWAYS_OPEN_HOURS,
  DEMO_AREAS,
  DEFAULT_KIOSK_ID,
  DEMO_COUNTERS,
  DEMO_DEVICES,
  DEMO_HOLIDAYS,
  DEMO_HOURS_PROFILES,
  DEMO_OFFICE_NAME,
  DEMO_SERVICES,
  DEMO_STAFF,
} from './demo-data.js';

/** The zone of a new office when OFFICE_TIMEZONE is not set. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

export interface SeedOptions {
  /** OFFICE_TIMEZONE, or null when unset. */
  timeZone: string | null;
  seed: 'demo' | 'none';
  demoHours: 'always' | 'weekly';
  adminPassword: string | null;
  printer: string | null;
  /** KIOSK_TOKEN, or null/absent when unset: the default kiosk's device token (else a random one). */
  kioskToken?: string | null;
}

export interface SeedResult {
  seeded: boolean;
  /** Passwords generated on this start (printed once, never stored in clear). */
  generatedPasswords: Array<{ username: string; password: string }>;
  /** Environment values that differ from the stored settings (which win), one sentence each. */
  warnings: string[];
  /** The default kiosk's device token on this first start (printed once as a pairing link, stored only hashed). */
  kioskPairing: { kioskId: string; token: string } | null;
}

/**
 * Initialises an empty database: the default site with its settings and the
 * `admin` user, plus the demo office unless SEED=none. OFFICE_TIMEZONE,
 * PRINTER and KIOSK_TOKEN seed only this first start; afterwards the stored settings win (an
 * admin may have changed them), and a differing environment value is reported.
 */
export async function seedIfEmpty(store: QueueStore, o: SeedOptions): Promise<SeedResult> {
  if ((await store.shared((p) => p.sites())).length > 0) {
    const kioskPairing = await enrolAfterUpgrade(store, o);
    return { seeded: false, generatedPasswords: [], warnings: kioskPairing ? [] : await configurationDrift(store, o), kioskPairing };
  }

  const generated: Array<{ username: string; password: string }> = [];
  const adminPassword = o.adminPassword ?? generatePassword();
  if (!o.adminPassword) generated.push({ username: 'admin', password: adminPassword });
  const users: UserRecord[] = [
    {
      id: 'usr_admin',
      username: 'admin',
      displayName: 'Administrator',
      role: 'admin',
      languages: ['de', 'en'],
      passwordHash: await hashPassword(adminPassword),
      active: true,
      // The seeded accounts and the generated admin password work as they are (README Quick start).
      mustChangePassword: false,
      version: 1,
      siteIds: [DEFAULT_SITE_ID],
    },
  ];
  if (o.seed === 'demo') {
    // scrypt runs in libuv's thread pool: hashing the accounts in parallel keeps first start quick.
    const staff = await Promise.all(
      DEMO_STAFF.map(async (s): Promise<UserRecord> => {
        const password = generatePassword();
        generated.push({ username: s.username, password });
        return {
          id: newId('usr'),
          username: s.username,
          displayName: s.displayName,
          role: s.role,
          languages: s.languages,
          passwordHash: await hashPassword(password),
          active: true,
          mustChangePassword: false,
          version: 1,
          siteIds: [DEFAULT_SITE_ID],
        };
      }),
    );
    users.push(...staff);
  }

  const settings = defaultOfficeSettings(o.timeZone ?? DEFAULT_TIME_ZONE, o.seed === 'demo' ? DEMO_OFFICE_NAME : 'Bürgeramt');
  if (o.seed === 'demo' && o.demoHours === 'weekly') settings.holidays = [...DEMO_HOLIDAYS];
  await store.shared(async (p) => {
    await p.putSite({ id: DEFAULT_SITE_ID, settings });
    for (const u of users) await p.putUser(u);
  });
  const kioskToken = o.kioskToken ?? newAgentToken().token;
  if (o.seed === 'demo') {
    await store.transaction(DEFAULT_SITE_ID, async (tx) => {
      for (const a of DEMO_AREAS) await tx.catalog.putArea(a);
      for (const { hoursProfile, ...s } of DEMO_SERVICES) {
        await tx.catalog.putService({ ...s, hours: o.demoHours === 'always' ? ALWAYS_OPEN_HOURS : DEMO_HOURS_PROFILES[hoursProfile] });
      }
      for (const c of DEMO_COUNTERS) await tx.catalog.putCounter({ ...c, open: false, userId: null, currentTicketId: null });
      for (const d of DEMO_DEVICES) {
        const printer = d.id === DEFAULT_KIOSK_ID && o.printer ? { printer: o.printer } : {};
        // The default kiosk is enrolled at once, so a newcomer's kiosk works after one click on the printed link.
        const enrolled = d.id === DEFAULT_KIOSK_ID ? deviceTokenSettings(kioskToken) : {};
        await tx.catalog.putDevice({ ...d, settings: { ...d.settings, ...printer, ...enrolled } });
      }
    });
  }
  const kioskPairing = o.seed === 'demo' ? { kioskId: DEFAULT_KIOSK_ID, token: kioskToken } : null;
  return { seeded: true, generatedPasswords: generated, warnings: [], kioskPairing };
}

/**
 * A database from before kiosks were enrolled devices (#13) has kiosks but no
 * device token anywhere, and no token was ever issued or revoked: its kiosks
 * would be refused at once. The default kiosk is enrolled once, as on a first
 * start (KIOSK_TOKEN or a random token, logged as `device.token_issued` with
 * no user, so it happens only once), and its pairing link is printed.
 */
async function enrolAfterUpgrade(store: QueueStore, o: SeedOptions): Promise<{ kioskId: string; token: string } | null> {
  const token = o.kioskToken || newAgentToken().token;
  return store.transaction(DEFAULT_SITE_ID, async (tx) => {
    const kiosk = await tx.catalog.device(DEFAULT_KIOSK_ID);
    if (!kiosk || kiosk.kind !== 'kiosk') return null;
    if ((await tx.catalog.devices()).some(hasDeviceToken)) return null;
    if ((await tx.events.latest(['device.token_issued', 'device.token_revoked'], 1)).length > 0) return null;
    await tx.catalog.putDevice({ ...kiosk, settings: { ...kiosk.settings, ...deviceTokenSettings(token) } });
    const now = Date.now();
    await tx.events.append([event('device.token_issued', now, { data: { kioskId: kiosk.id, replaced: false } })]);
    return { kioskId: kiosk.id, token };
  });
}

/** Where OFFICE_TIMEZONE, PRINTER or KIOSK_TOKEN, when set, differ from what the default site stores. */
async function configurationDrift(store: QueueStore, o: SeedOptions): Promise<string[]> {
  return store.read(DEFAULT_SITE_ID, async (r) => {
    const warnings: string[] = [];
    const stored = (await r.catalog.settings()).timeZone;
    if (o.timeZone !== null && o.timeZone !== stored) {
      warnings.push(`OFFICE_TIMEZONE is "${o.timeZone}" but the office's stored time zone is "${stored}"; the stored one stays (environment variables only seed a new database).`);
    }
    const kiosk = await r.catalog.device(DEFAULT_KIOSK_ID);
    const printer = kiosk?.settings.printer;
    if (o.printer !== null && kiosk && printer !== o.printer) {
      warnings.push(`PRINTER is "${o.printer}" but the kiosk "${kiosk.id}" stores "${String(printer)}"; the stored one stays (environment variables only seed a new database).`);
    }
    if (o.kioskToken && kiosk && !deviceTokenMatches(kiosk, o.kioskToken)) {
      warnings.push(`KIOSK_TOKEN is set but the kiosk "${kiosk.id}" stores another device token (or none); the stored one stays (environment variables only seed a new database).`);
    }
    return warnings;
  });
}
