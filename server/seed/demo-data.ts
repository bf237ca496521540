import type { Area, Counter, Device } from '../../common/model.js';

export {
  ALWAYS_OPEN_HOURS,
  DEMO_HOURS_PROFILES,
  DEMO_MORNING_HOURS,
  DEMO_WEEKLY_HOURS,
  type DemoHoursProfile,
} from './demo-hours.js';
export { DEMO_SERVICES, type DemoService } from './demo-services.js';

/**
 * Demo office, modelled on the one-stop "Bürgeramt für Migration und
 * Integration" in Hamm (Ausländerbehörde, Einbürgerung, Migrationsberatung,
 * Jugendmigrationsdienst, Kommunales Integrationszentrum under one roof).
 * Pure data: the seeder decides what to write and when.
 */

export const DEMO_OFFICE_NAME = 'Bürgeramt für Migration und Integration';
export const DEMO_TIME_ZONE = 'Europe/Berlin';

/** Public holidays in North Rhine-Westphalia (statewide; no local Rosenmontag closure). */
export const DEMO_HOLIDAYS: string[] = [
  // 2026 (Easter Sunday 5 April)
  '2026-01-01', // Neujahr
  '2026-04-03', // Karfreitag
  '2026-04-06', // Ostermontag
  '2026-05-01', // Tag der Arbeit
  '2026-05-14', // Christi Himmelfahrt
  '2026-05-25', // Pfingstmontag
  '2026-06-04', // Fronleichnam
  '2026-10-03', // Tag der Deutschen Einheit
  '2026-11-01', // Allerheiligen
  '2026-12-25', // 1. Weihnachtstag
  '2026-12-26', // 2. Weihnachtstag
  // 2027 (Easter Sunday 28 March)
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-01',
  '2027-05-06',
  '2027-05-17',
  '2027-05-27',
  '2027-10-03',
  '2027-11-01',
  '2027-12-25',
  '2027-12-26',
];

export const DEMO_AREAS: Area[] = [
  { id: 'eg', name: { de: 'Erdgeschoss', en: 'Ground floor' } },
  { id: 'og1', name: { de: '1. Obergeschoss', en: 'First floor' } },
];

/** The default kiosk takes its printer from PRINTER; one screen per area. */
export const DEFAULT_KIOSK_ID = 'kiosk-eingang';
export const DEMO_DEVICES: Device[] = [
  { id: DEFAULT_KIOSK_ID, kind: 'kiosk', name: 'Kiosk Eingang', area: 'eg', settings: { printer: 'none', paperWidthDots: 576 }, version: 1 },
  { id: 'anzeige-eg', kind: 'display', name: 'Anzeige Erdgeschoss', area: 'eg', settings: {}, version: 1 },
  { id: 'anzeige-og1', kind: 'display', name: 'Anzeige 1. OG', area: 'og1', settings: {}, version: 1 },
];

export type DemoCounter = Pick<Counter, 'id' | 'name' | 'area' | 'primaryServiceIds' | 'secondaryServiceIds'>;

export const DEMO_COUNTERS: DemoCounter[] = [
  // Ground floor: quick contacts and the foreigners' authority.
  { id: 'schalter-1', name: 'Schalter 1', area: 'eg', primaryServiceIds: ['information'], secondaryServiceIds: ['permit-pickup'] },
  { id: 'schalter-2', name: 'Schalter 2', area: 'eg', primaryServiceIds: ['permit-pickup'], secondaryServiceIds: ['information', 'residence'] },
  { id: 'schalter-3', name: 'Schalter 3', area: 'eg', primaryServiceIds: ['residence'], secondaryServiceIds: ['permit-pickup'] },
  { id: 'schalter-4', name: 'Schalter 4', area: 'eg', primaryServiceIds: ['residence'], secondaryServiceIds: ['asylum'] },
  { id: 'schalter-5', name: 'Schalter 5', area: 'eg', primaryServiceIds: ['asylum'], secondaryServiceIds: ['residence'] },
  // First floor: naturalisation, counselling and courses.
  { id: 'raum-1-14', name: 'Raum 1.14', area: 'og1', primaryServiceIds: ['naturalisation'], secondaryServiceIds: [] },
  { id: 'raum-1-15', name: 'Raum 1.15', area: 'og1', primaryServiceIds: ['naturalisation'], secondaryServiceIds: ['residence'] },
  { id: 'raum-1-16', name: 'Raum 1.16', area: 'og1', primaryServiceIds: ['migration-counselling'], secondaryServiceIds: ['youth-migration', 'integration-courses'] },
  { id: 'raum-1-17', name: 'Raum 1.17', area: 'og1', primaryServiceIds: ['youth-migration'], secondaryServiceIds: ['migration-counselling'] },
  { id: 'raum-1-18', name: 'Raum 1.18', area: 'og1', primaryServiceIds: ['integration-courses'], secondaryServiceIds: ['migration-counselling', 'information'] },
];

export interface DemoStaff {
  username: string;
  displayName: string;
  role: 'staff' | 'admin';
  languages: string[];
  /** Counter this person usually opens. */
  counterHint: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'skrueger', displayName: 'Sabine Krüger', role: 'admin', languages: ['de', 'en'], counterHint: 'schalter-1' },
  { username: 'jschulte', displayName: 'Julia Schulte', role: 'staff', languages: ['de', 'en', 'fr'], counterHint: 'schalter-2' },
  { username: 'ayilmaz', displayName: 'Ayşe Yılmaz', role: 'staff', languages: ['de', 'tr', 'en'], counterHint: 'schalter-3' },
  { username: 'kmansour', displayName: 'Karim Mansour', role: 'staff', languages: ['de', 'ar', 'fr'], counterHint: 'schalter-4' },
  { username: 'okovalenko', displayName: 'Olena Kovalenko', role: 'staff', languages: ['de', 'uk', 'ru'], counterHint: 'schalter-5' },
  { username: 'twerner', displayName: 'Thomas Werner', role: 'staff', languages: ['de', 'en'], counterHint: 'raum-1-14' },
  { username: 'mhosseini', displayName: 'Maryam Hosseini', role: 'staff', languages: ['de', 'fa', 'en'], counterHint: 'raum-1-16' },
  { username: 'ftesfaye', displayName: 'Filmon Tesfaye', role: 'staff', languages: ['de', 'ti', 'en'], counterHint: 'raum-1-17' },
  { username: 'ipetrova', displayName: 'Irina Petrova', role: 'staff', languages: ['de', 'ru'], counterHint: 'raum-1-18' },
];
