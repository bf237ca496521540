import type { Appointment, Area, Counter, Device, Service, Ticket } from '../../../common/model.js';
import { event } from '../../../server/domain/events.js';
import { defaultOfficeSettings, type OfficeSettings } from '../../../server/domain/settings.js';
import type { FeedbackRecord, QueueStore, SessionRecord, UserRecord } from '../../../server/store/store.js';
import { makeTicket, MIN, T0 } from '../../helpers/ticket-factory.js';

/** The contract's data: two sites with catalogues of their own ids and the same number prefixes. */

export { MIN, T0 };
export const DAY = '2026-06-10';
export const NEXT_DAY = '2026-06-11';
export const PREVIOUS_DAY = '2026-06-09';

export interface SiteFixture {
  id: string;
  settings: OfficeSettings;
  area: Area;
  residence: Service;
  pickup: Service;
  counter: Counter;
  kiosk: Device;
}

function service(id: string, prefix: string, sortOrder: number): Service {
  return {
    id,
    prefix,
    names: { de: `Dienst ${id}`, en: `Service ${id}` },
    icon: 'passport',
    hours: { '3': [{ from: '08:00', to: '12:30' }] },
    dailyLimit: null,
    defaultServiceMinutes: 12,
    priorityEnabled: true,
    active: true,
    sortOrder,
  };
}

function site(key: string, timeZone: string): SiteFixture {
  const residence = service(`${key}-residence`, 'A', 1);
  const pickup = service(`${key}-pickup`, 'P', 2);
  return {
    id: `site-${key}`,
    settings: defaultOfficeSettings(timeZone, `Amt ${key.toUpperCase()}`),
    area: { id: `${key}-hall`, name: { de: 'Halle', en: 'Hall' } },
    residence,
    pickup,
    counter: {
      id: `${key}-desk`,
      name: 'Schalter 1',
      area: `${key}-hall`,
      primaryServiceIds: [residence.id],
      secondaryServiceIds: [pickup.id],
      open: false,
      userId: null,
      currentTicketId: null,
    },
    kiosk: { id: `${key}-kiosk`, kind: 'kiosk', name: 'Kiosk', area: `${key}-hall`, settings: { printer: 'none', paperWidthDots: 576 } },
  };
}

export const SITE_A = site('a', 'Europe/Berlin');
export const SITE_B = site('b', 'Europe/Istanbul');

/** Creates both sites and their catalogues through the seam. */
export async function setUpSites(store: QueueStore): Promise<void> {
  await store.shared(async (p) => {
    for (const s of [SITE_A, SITE_B]) await p.putSite({ id: s.id, settings: s.settings });
  });
  for (const s of [SITE_A, SITE_B]) {
    await store.transaction(s.id, async (tx) => {
      await tx.catalog.putArea(s.area);
      await tx.catalog.putService(s.residence);
      await tx.catalog.putService(s.pickup);
      await tx.catalog.putCounter(s.counter);
      await tx.catalog.putDevice(s.kiosk);
    });
  }
}

/** A waiting walk-in of the site's residence service on DAY. */
export function ticketOf(s: SiteFixture, overrides: Partial<Ticket> = {}): Ticket {
  return makeTicket({ serviceId: s.residence.id, businessDate: DAY, ...overrides });
}

let appointments = 0;

export function appointmentOf(s: SiteFixture, overrides: Partial<Appointment> = {}): Appointment {
  appointments++;
  return {
    id: `apt-${s.id}-${appointments}`,
    code: `C${s.id.slice(-1).toUpperCase()}${String(appointments).padStart(4, '0')}`,
    serviceId: s.residence.id,
    startsAt: T0 + 60 * MIN,
    language: 'tr',
    status: 'booked',
    ticketId: null,
    createdAt: T0,
    ...overrides,
  };
}

export function feedbackFor(t: Ticket, grade: number, overrides: Partial<FeedbackRecord> = {}): FeedbackRecord {
  return {
    serviceId: t.serviceId,
    counterId: t.counterId,
    businessDate: t.businessDate,
    language: t.language,
    grade,
    comment: null,
    createdAt: T0 + 30 * MIN,
    ...overrides,
  };
}

export function userOf(id: string, siteIds: string[], overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    username: id,
    displayName: `Person ${id}`,
    role: 'staff',
    languages: ['de', 'tr'],
    passwordHash: `scrypt$not-a-real-hash-of-${id}`,
    active: true,
    mustChangePassword: false,
    version: 1,
    siteIds,
    ...overrides,
  };
}

export function sessionOf(id: string, userId: string, expiresAt: number): SessionRecord {
  return { id, userId, createdAt: T0, expiresAt };
}

export function issuedEvent(t: Ticket, at = t.issuedAt) {
  return event('ticket.issued', at, {
    ticketId: t.id,
    serviceId: t.serviceId,
    data: {
      number: t.number,
      businessDate: t.businessDate,
      language: t.language,
      priorityClass: t.priorityClass,
      channel: t.channel,
      estimate: { low: 5, high: 12 },
      position: 1,
      nextServiceIds: t.nextServiceIds,
    },
  });
}

export function finishedEvent(t: Ticket, serviceMs: number, at: number) {
  return event('ticket.finished', at, { ticketId: t.id, serviceId: t.serviceId, counterId: t.counterId, data: { serviceMs } });
}

export function openedEvent(s: SiteFixture, at: number) {
  return event('counter.opened', at, { counterId: s.counter.id, userId: 'u-somebody', data: { takenOverFrom: null } });
}

export function closedEvent(s: SiteFixture, at: number) {
  return event('counter.closed', at, { counterId: s.counter.id });
}

/** A promise the test settles: lets a unit of work wait at a known point without sleeping. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Row ids to look up in `contentsOf`, besides the lists every site has. */
export interface LookUps {
  tickets?: readonly string[];
  appointments?: readonly string[];
  codes?: readonly string[];
  users?: readonly string[];
  services?: readonly string[];
}

/**
 * All a site shows through the seam (and the rows named in `ids`, looked up
 * through it): two reads are equal only if nothing of the site changed.
 */
export function contentsOf(store: QueueStore, siteId: string, ids: LookUps = {}) {
  return store.read(siteId, async (r) => ({
    settings: await r.catalog.settings(),
    areas: await r.catalog.areas(),
    services: await r.catalog.services(),
    counters: await r.catalog.counters(),
    devices: await r.catalog.devices(),
    tickets: await Promise.all((ids.tickets ?? []).map((id) => r.tickets.get(id))),
    open: await r.tickets.open(DAY),
    openBefore: await r.tickets.openBefore('9999-12-31'),
    issued: await r.tickets.issuedCounts(DAY),
    durations: await Promise.all((ids.services ?? []).map((id) => r.tickets.recentServiceDurations(id, 100))),
    appointments: await Promise.all((ids.appointments ?? []).map((id) => r.appointments.get(id))),
    byCode: await Promise.all((ids.codes ?? []).map((code) => r.appointments.byCode(code))),
    answered: await Promise.all((ids.tickets ?? []).map((id) => r.tickets.answered(id))),
    feedback: await r.feedback.day(DAY),
    feedbackStats: await r.feedback.stats('2000-01-01', '2100-12-31'),
    staff: await r.staff.users(),
    staffById: await Promise.all((ids.users ?? []).map((id) => r.staff.user(id))),
    events: await r.events.after(0, 100_000),
  }));
}

export const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
