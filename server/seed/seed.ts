import { generatePassword, hashPassword } from '../auth/password.js';
import { newId } from '../app/ids.js';
import { defaultOfficeSettings } from '../domain/settings.js';
import type { QueueStore, UserRecord } from '../store/store.js';
import {
  ALWAYS_OPEN_HOURS,
  DEMO_AREAS,
  DEMO_COUNTERS,
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
  if (!(await store.read((r) => r.isEmpty()))) return { seeded: false, generatedPasswords: [] };

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
    for (const s of DEMO_STAFF) {
      const password = generatePassword();
      generated.push({ username: s.username, password });
      users.push({
        id: newId('usr'),
        username: s.username,
        displayName: s.displayName,
        role: s.role,
        languages: s.languages,
        passwordHash: await hashPassword(password),
        active: true,
      });
    }
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
  });
  return { seeded: true, generatedPasswords: generated };
}
