import { generatePassword, hashPassword } from '../auth/password.js';
import { newId } from '../app/ids.js';
import { defaultOfficeSettings } from '../domain/settings.js';
import type { QueueStore, UserRecord } from '../store/store.js';
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

export interface SeedOptions {
  timeZone: string;
  seed: 'demo' | 'none';
  demoHours: 'always' | 'weekly';
  adminPassword: string | null;
  printer: string | null;
}

export interface SeedResult {
  seeded: boolean;
  /** Passwords generated on this start (printed once, never stored in clear). */
  generatedPasswords: Array<{ username: string; password: string }>;
}

/**
 * Initialises an empty database: office settings and the `admin` user, plus
 * the demo office unless SEED=none. A database that has settings is left alone.
 */
export async function seedIfEmpty(store: QueueStore, o: SeedOptions): Promise<SeedResult> {
  if (!(await store.read((r) => r.isEmpty()))) {
    await syncConfiguration(store, o);
    return { seeded: false, generatedPasswords: [] };
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
        };
      }),
    );
    users.push(...staff);
  }

  await store.transaction((tx) => {
    const settings = defaultOfficeSettings(o.timeZone, o.seed === 'demo' ? DEMO_OFFICE_NAME : 'Bürgeramt');
    if (o.seed === 'demo' && o.demoHours === 'weekly') settings.holidays = [...DEMO_HOLIDAYS];
    tx.putSettings(settings);
    for (const u of users) tx.putUser(u);
    if (o.seed !== 'demo') return;
    for (const a of DEMO_AREAS) tx.putArea(a);
    for (const { hoursProfile, ...s } of DEMO_SERVICES) {
      tx.putService({ ...s, hours: o.demoHours === 'always' ? ALWAYS_OPEN_HOURS : DEMO_HOURS_PROFILES[hoursProfile] });
    }
    for (const c of DEMO_COUNTERS) tx.putCounter({ ...c, open: false, userId: null, currentTicketId: null });
    for (const d of DEMO_DEVICES) {
      const printer = d.id === DEFAULT_KIOSK_ID && o.printer ? { printer: o.printer } : {};
      tx.putDevice({ ...d, settings: { ...d.settings, ...printer } });
    }
  });
  return { seeded: true, generatedPasswords: generated };
}

/** OFFICE_TIMEZONE and PRINTER are configuration: changed values apply to an existing database too. */
async function syncConfiguration(store: QueueStore, o: SeedOptions): Promise<void> {
  await store.transaction((tx) => {
    const settings = tx.settings();
    if (settings.timeZone !== o.timeZone) tx.putSettings({ ...settings, timeZone: o.timeZone });
    const kiosk = tx.device(DEFAULT_KIOSK_ID);
    if (kiosk && o.printer && kiosk.settings.printer !== o.printer) {
      tx.putDevice({ ...kiosk, settings: { ...kiosk.settings, printer: o.printer } });
    }
  });
}
