import { CONFIG_FORMAT, type ConfigChangeRow, type ConfigDocument, type ImportResult } from '../../../common/config-schemas.js';
import type { SessionUser } from '../../../common/dto.js';
import { AppError } from '../../../common/errors.js';
import type { Area, Counter, Device, Service } from '../../../common/model.js';
import { hashPassword, generatePassword } from '../../auth/password.js';
import { blankViolation, counterServicesViolation, holidaysViolation, namesViolation, normalisedHolidays, timeZoneViolation, trimmedNames, unknownIdViolation } from '../../domain/catalog-rules.js';
import { deviceProblem, withDeviceFields } from '../../domain/device-rules.js';
import { event, type DomainEvent } from '../../domain/events.js';
import type { OfficeSettings } from '../../domain/settings.js';
import type { SiteReader, SiteTx, UserRecord, VersionedRecord } from '../../store/store.js';
import { configChange, configDiff } from '../config-change.js';
import { hasDeviceToken } from '../devices.js';
import { newId } from '../ids.js';
import { recordExport } from '../audit.js';
import type { Office } from '../office.js';
import { deviceFields } from '../admin-devices.js';
import { userChangedEvent } from '../admin-users.js';
import { adminOfficeOf, withOfficeFields } from './office.js';
import { checkPrefixFree, checkService } from './services.js';
import { refuse } from './records.js';

/**
 * #15: the configuration as one document, and importing one. An import makes
 * the office's office settings, areas, services, counters and devices what the
 * document says (records it does not name are deleted, if nothing refers to
 * them), in one transaction with one `config.changed` event per record, after
 * the same checks as the admin API (field paths name the document's place,
 * e.g. `services.2.prefix`). Users are matched by username: missing ones are
 * created with a one-time password; existing ones are left as they are (an
 * import must not lock out the admin who runs it).
 */

type OfficeFields = ConfigDocument['office'];
type DeviceEntry = ConfigDocument['devices'][number];
type CounterEntry = ConfigDocument['counters'][number];

/** The office's settings as the admin API shows them, without the record's version. */
function officeFields(s: OfficeSettings): OfficeFields {
  const { version: _version, ...fields } = adminOfficeOf(s, 0);
  return fields;
}
const counterEntry = (c: Counter): CounterEntry => ({
  id: c.id,
  name: c.name,
  area: c.area,
  primaryServiceIds: [...c.primaryServiceIds],
  secondaryServiceIds: [...c.secondaryServiceIds],
});
const deviceEntry = (d: Device): DeviceEntry => deviceFields(d);
const serviceEntry = (s: Service): ConfigDocument['services'][number] => ({ ...s });

/** #15 `GET /api/admin/config`; #17: the document names staff, so its download is recorded (`data.exported`, `rows`: its records). */
export async function exportConfig(office: Office, user: SessionUser): Promise<ConfigDocument> {
  const doc: ConfigDocument = await office.store.read(office.siteId, async (r) => ({
    format: CONFIG_FORMAT,
    formatVersion: 1,
    exportedAt: new Date(office.now()).toISOString(),
    office: officeFields(await r.catalog.settings()),
    areas: (await r.catalog.areas()).map((a) => ({ id: a.id, name: a.name })),
    services: (await r.catalog.services()).map(serviceEntry),
    counters: (await r.catalog.counters()).map(counterEntry),
    devices: (await r.catalog.devices()).map(deviceEntry),
    users: (await r.staff.users()).map((u) => ({ username: u.username, displayName: u.displayName, role: u.role, languages: u.languages, active: u.active })),
  }));
  const rows = 1 + doc.areas.length + doc.services.length + doc.counters.length + doc.devices.length + doc.users.length;
  await recordExport(office, user, { kind: 'config', rows });
  return doc;
}

/** Runs a check whose refusal names a field of one record; the field then names the record's place in the document. */
function at<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (err) {
    if (err instanceof AppError && err.toBody().field !== undefined) {
      const field = err.toBody().field;
      throw new AppError(err.code, err.message, { field: field ? `${path}.${field}` : path });
    }
    throw err;
  }
}

/** Everything the document must be on its own, before the office is looked at. */
function checkDocument(doc: ConfigDocument): void {
  at('office', () => {
    refuse(blankViolation(doc.office.name, 'name'));
    refuse(timeZoneViolation(doc.office.timeZone));
    refuse(holidaysViolation(doc.office.holidays));
  });
  const unique = (kind: keyof ConfigDocument & ('areas' | 'services' | 'counters' | 'devices'), ids: string[]) => {
    const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (dup >= 0) throw new AppError('INVALID_INPUT', `"${ids[dup]}" appears twice.`, { field: `${kind}.${dup}.id` });
  };
  unique('areas', doc.areas.map((a) => a.id));
  unique('services', doc.services.map((s) => s.id));
  unique('counters', doc.counters.map((c) => c.id));
  unique('devices', doc.devices.map((d) => d.id));
  doc.areas.forEach((a, i) => at(`areas.${i}`, () => refuse(namesViolation(a.name, 'name'))));
  doc.services.forEach((s, i) =>
    at(`services.${i}`, () => {
      checkService(s);
      checkPrefixFree(doc.services, s);
    }),
  );
  const areaIds = new Set(doc.areas.map((a) => a.id));
  const serviceIds = new Set(doc.services.map((s) => s.id));
  doc.counters.forEach((c, i) =>
    at(`counters.${i}`, () => {
      refuse(blankViolation(c.name, 'name'));
      if (!areaIds.has(c.area)) refuse({ field: 'area', message: `No area "${c.area}" in the document.` });
      refuse(unknownIdViolation(c.primaryServiceIds, serviceIds, 'primaryServiceIds'));
      refuse(unknownIdViolation(c.secondaryServiceIds, serviceIds, 'secondaryServiceIds'));
      refuse(counterServicesViolation(c.primaryServiceIds, c.secondaryServiceIds));
    }),
  );
  doc.devices.forEach((d, i) => {
    const problem = deviceProblem(withDeviceFields(blankDevice(d), fieldsOf(d)), { areaIds, serviceIds });
    if (problem) throw new AppError('INVALID_INPUT', problem.message, { field: `devices.${i}.${problem.field}` });
  });
}

const blankDevice = (d: DeviceEntry): Device => ({ id: d.id, kind: d.kind, name: d.name, area: d.area, settings: {} });
const fieldsOf = (d: DeviceEntry) => ({ name: d.name, area: d.area, ...(d.kiosk ? { kiosk: d.kiosk } : {}), ...(d.display ? { display: d.display } : {}) });

interface Step {
  row: ConfigChangeRow;
  write(tx: SiteTx, now: number, user: SessionUser): Promise<DomainEvent[]>;
}

/** One record kind: create or update what the document names, delete what it does not. */
async function recordSteps<C, E extends { id: string }>(
  r: SiteReader,
  kind: Exclude<VersionedRecord, 'settings'>,
  current: readonly C[],
  idOf: (c: C) => string,
  view: (c: C) => E,
  wanted: readonly E[],
  put: (tx: SiteTx, entry: E, existing: C | null) => Promise<void>,
  remove: (tx: SiteTx, existing: C) => Promise<DomainEvent[]>,
): Promise<Step[]> {
  const versions = await r.catalog.versions(kind);
  const byId = new Map(current.map((c) => [idOf(c), c]));
  const steps: Step[] = [];
  for (const entry of wanted) {
    const existing = byId.get(entry.id) ?? null;
    const before = existing ? view(existing) : null;
    const changes = configDiff(before, entry);
    if (existing && Object.keys(changes).length === 0) continue;
    const version = existing ? (versions.get(entry.id) ?? 1) + 1 : 1;
    steps.push({
      row: { record: kind, id: entry.id, action: existing ? 'updated' : 'created', fields: existing ? Object.keys(changes) : [] },
      write: async (tx, now, user) => {
        await put(tx, entry, existing);
        await tx.catalog.setVersion(kind, entry.id, version);
        return [configChange(kind, entry.id, existing ? 'updated' : 'created', before, entry, user.id, now, version)];
      },
    });
  }
  const kept = new Set(wanted.map((e) => e.id));
  for (const c of current) {
    if (kept.has(idOf(c))) continue;
    steps.push({
      row: { record: kind, id: idOf(c), action: 'deleted', fields: [] },
      write: async (tx, now, user) => [configChange(kind, idOf(c), 'deleted', view(c), null, user.id, now, 0), ...(await remove(tx, c))],
    });
  }
  return steps;
}

/** What importing `doc` would change, as steps that write it (in an order that keeps every reference valid). */
async function plan(r: SiteReader, doc: ConfigDocument, now: number): Promise<Step[]> {
  const settings = await r.catalog.settings();
  const steps: Step[] = [];
  // #16: a document from before per-counter statistics switches them off (their default).
  const docOffice = { ...doc.office, counterStatsEnabled: doc.office.counterStatsEnabled ?? false };
  const officeChanges = configDiff(officeFields(settings), docOffice);
  if (Object.keys(officeChanges).length > 0) {
    const version = ((await r.catalog.version('settings', r.siteId)) ?? 1) + 1;
    steps.push({
      row: { record: 'office', id: r.siteId, action: 'updated', fields: Object.keys(officeChanges) },
      write: async (tx, at, user) => {
        await tx.catalog.putSettings({ ...withOfficeFields(settings, docOffice), name: doc.office.name.trim(), holidays: normalisedHolidays(doc.office.holidays) });
        await tx.catalog.setVersion('settings', tx.siteId, version);
        return [configChange('office', tx.siteId, 'updated', officeFields(settings), docOffice, user.id, at, version)];
      },
    });
  }
  const [areas, services, counters, devices] = await Promise.all([r.catalog.areas(), r.catalog.services(), r.catalog.counters(), r.catalog.devices()]);
  const areaSteps = await recordSteps(r, 'area', areas, (a) => a.id, (a): Area => ({ id: a.id, name: a.name }), doc.areas, (tx, e) => tx.catalog.putArea({ id: e.id, name: trimmedNames(e.name) }), async (tx, a) => {
    await tx.catalog.deleteArea(a.id);
    return [];
  });
  const serviceSteps = await recordSteps(r, 'service', services, (s) => s.id, serviceEntry, doc.services, (tx, e) => tx.catalog.putService({ ...e, names: trimmedNames(e.names) }), async (tx, s) => {
    const refs = await tx.catalog.serviceReferences(s.id, now);
    if (refs.openTickets > 0 || refs.bookedAppointments > 0) throw new AppError('SERVICE_IN_USE', `The service "${s.names['de'] ?? s.id}" is not in the document but has open tickets or booked appointments; keep it (inactive) in the document.`, { field: 'services' });
    await tx.catalog.deleteService(s.id);
    return [];
  });
  const counterSteps = await recordSteps(r, 'counter', counters, (c) => c.id, counterEntry, doc.counters, (tx, e, existing) =>
    tx.catalog.putCounter({ ...(existing ?? { open: false, userId: null, currentTicketId: null }), ...e, name: e.name.trim() }),
    async (tx, c) => {
      if (c.open) throw new AppError('COUNTER_IN_USE', `The counter "${c.name}" is not in the document but is open; close it first.`, { field: 'counters' });
      await tx.catalog.deleteCounter(c.id);
      return [];
    },
  );
  const deviceSteps = await recordSteps(r, 'device', devices, (d) => d.id, deviceEntry, doc.devices, (tx, e, existing) =>
    tx.catalog.putDevice(withDeviceFields(existing ?? blankDevice(e), fieldsOf(e))),
    async (tx, d) => {
      await tx.catalog.deleteDevice(d.id);
      return d.kind === 'kiosk' && hasDeviceToken(d) ? [event('device.token_revoked', now, { data: { kioskId: d.id, hadToken: true } })] : [];
    },
  );
  const deletes = (s: Step[]) => s.filter((x) => x.row.action === 'deleted');
  const upserts = (s: Step[]) => s.filter((x) => x.row.action !== 'deleted');
  // Areas and services first, then what refers to them; deletions the other way round.
  return [
    ...steps,
    ...upserts(areaSteps),
    ...upserts(serviceSteps),
    ...upserts(counterSteps),
    ...upserts(deviceSteps),
    ...deletes(counterSteps),
    ...deletes(deviceSteps),
    ...deletes(serviceSteps),
    ...deletes(areaSteps),
  ];
}

async function missingUsers(r: SiteTx | SiteReader, doc: ConfigDocument): Promise<ConfigDocument['users']> {
  const known = new Set((await r.staff.users()).map((u) => u.username.toLowerCase()));
  return doc.users.filter((u) => !known.has(u.username.toLowerCase()));
}

export async function importConfig(office: Office, doc: ConfigDocument, dryRun: boolean, user: SessionUser): Promise<ImportResult> {
  checkDocument(doc);
  const userRow = (u: { username: string }): ConfigChangeRow => ({ record: 'user', id: u.username, action: 'created', fields: [] });
  if (dryRun) {
    return office.store.read(office.siteId, async (r) => ({
      dryRun: true,
      changes: [...(await plan(r, doc, office.now())).map((s) => s.row), ...(await missingUsers(r, doc)).map(userRow)],
      newUsers: [],
    }));
  }
  // One-time passwords are hashed before the transaction (scrypt must not hold the store's turn).
  const candidates = await Promise.all(
    doc.users.map(async (u) => {
      const oneTimePassword = generatePassword();
      return { entry: u, oneTimePassword, passwordHash: await hashPassword(oneTimePassword) };
    }),
  );
  return office.command(async (tx, now) => {
    const steps = await plan(tx, doc, now);
    const events: DomainEvent[] = [];
    for (const step of steps) events.push(...(await step.write(tx, now, user)));
    const missing = new Set((await missingUsers(tx, doc)).map((u) => u.username));
    const newUsers: ImportResult['newUsers'] = [];
    for (const c of candidates.filter((x) => missing.has(x.entry.username))) {
      // A username is unique across sites: one taken elsewhere is not created here.
      if (await tx.shared.userByUsername(c.entry.username)) continue;
      const created: UserRecord = {
        id: newId('usr'),
        ...c.entry,
        passwordHash: c.passwordHash,
        mustChangePassword: true,
        version: 1,
        siteIds: [office.siteId],
      };
      await tx.shared.putUser(created);
      events.push(userChangedEvent(now, user, null, created));
      newUsers.push({ username: created.username, oneTimePassword: c.oneTimePassword });
    }
    return { result: { dryRun: false, changes: [...steps.map((s) => s.row), ...newUsers.map(userRow)], newUsers }, events };
  });
}
