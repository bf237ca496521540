import { displayConfig, kioskConfig, publicDisplay, type PublicDisplay } from '../../common/device-config.js';
import type { AdminDevice, CreateDeviceBody, PatchDeviceBody } from '../../common/device-schemas.js';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Device } from '../../common/model.js';
import { deviceProblem, withDeviceFields } from '../domain/device-rules.js';
import { event, type DomainEvent } from '../domain/events.js';
import { checkVersion } from './admin/records.js';
import { configChange } from './config-change.js';
import type { SiteTx } from '../store/store.js';
import { hasDeviceToken } from './devices.js';
import { newId } from './ids.js';
import type { Office } from './office.js';

/**
 * Kiosks and screens as records an admin keeps (#15): each write names the
 * version it read, is checked against the rest of the office, and leaves a
 * `config.changed` event with the fields before and after. Secrets in the
 * settings (token hashes) are never shown, diffed or overwritten here.
 */

/** A device with its record version (kept by the store beside the record, raised only by admin writes). */
type Versioned = Device & { version: number };

/** What an admin sets on a device, read from its record (secrets in its settings left out): the admin API and the configuration document. */
export function deviceFields(d: Device): Pick<AdminDevice, 'id' | 'kind' | 'name' | 'area' | 'kiosk' | 'display'> {
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    area: d.area,
    kiosk: d.kind === 'kiosk' ? kioskConfig(d.settings) : null,
    display: d.kind === 'display' ? displayConfig(d.settings) : null,
  };
}

export function adminDevice(d: Versioned): AdminDevice {
  return {
    ...deviceFields(d),
    enrolled: d.kind === 'kiosk' && hasDeviceToken(d),
    version: d.version,
  };
}

export async function listDevices(office: Office): Promise<AdminDevice[]> {
  return office.store.read(office.siteId, async (r) => {
    const versions = await r.catalog.versions('device');
    return (await r.catalog.devices()).map((d) => adminDevice({ ...d, version: versions.get(d.id) ?? 1 }));
  });
}

/** A screen's own record: what `/display/?device=<id>` shows. */
export async function findPublicDisplay(office: Office, id: string): Promise<PublicDisplay> {
  return office.store.read(office.siteId, async (r) => {
    const d = await r.catalog.device(id);
    if (d?.kind !== 'display') throw new AppError('DEVICE_NOT_FOUND', 'No screen with this id.');
    return publicDisplay({ ...d, version: (await r.catalog.version('device', id)) ?? 1 });
  });
}

async function checked<D extends Device>(tx: SiteTx, d: D): Promise<D> {
  const [areas, services] = await Promise.all([tx.catalog.areas(), tx.catalog.services()]);
  const problem = deviceProblem(d, { areaIds: new Set(areas.map((a) => a.id)), serviceIds: new Set(services.map((s) => s.id)) });
  if (problem) throw new AppError(problem.code, problem.message, { field: problem.field });
  return d;
}

async function current(tx: SiteTx, id: string, version: number): Promise<Versioned> {
  const d = await tx.catalog.device(id);
  if (!d) throw new AppError('DEVICE_NOT_FOUND');
  return { ...d, version: checkVersion(await tx.catalog.version('device', id), version, 'DEVICE_NOT_FOUND') };
}

/** A device's admin-visible fields, the kind's settings one by one (`kiosk.printer`): what a change is logged by. */
function loggedFields(d: Versioned | null): Record<string, unknown> | null {
  if (!d) return null;
  const { kiosk, display, version: _v, enrolled: _e, ...own } = adminDevice(d);
  const nested = (prefix: string, o: object | null) => Object.entries(o ?? {}).map(([k, v]) => [`${prefix}.${k}`, v] as const);
  return { ...own, ...Object.fromEntries([...nested('kiosk', kiosk), ...nested('display', display)]) };
}

function changed(now: number, user: SessionUser, action: 'created' | 'updated' | 'deleted', before: Versioned | null, after: Versioned | null): DomainEvent {
  const id = (after ?? before)?.id ?? '';
  return configChange('device', id, action, loggedFields(before), loggedFields(after), user.id, now, after?.version ?? 0);
}

export async function createDevice(office: Office, body: CreateDeviceBody, user: SessionUser): Promise<AdminDevice> {
  return office.command(async (tx, now) => {
    const id = body.id ?? newId(body.kind === 'kiosk' ? 'kiosk' : 'screen');
    if (await tx.catalog.device(id)) throw new AppError('INVALID_INPUT', `A device "${id}" already exists.`, { field: 'id' });
    const blank: Device = { id, kind: body.kind, name: body.name, area: body.area, settings: {} };
    const d = await checked(tx, { ...withDeviceFields(blank, { ...body, kiosk: body.kiosk ?? {}, display: body.display ?? {} }), version: 1 });
    const { version: _v, ...record } = d;
    await tx.catalog.putDevice(record);
    await tx.catalog.setVersion('device', id, 1);
    return { result: adminDevice(d), events: [changed(now, user, 'created', null, d)] };
  });
}

export async function updateDevice(office: Office, id: string, body: PatchDeviceBody, user: SessionUser): Promise<AdminDevice> {
  return office.command(async (tx, now) => {
    const before = await current(tx, id, body.version);
    const { version: _read, ...fields } = body;
    const after = await checked(tx, { ...withDeviceFields(before, fields), version: before.version + 1 });
    const { version, ...record } = after;
    await tx.catalog.putDevice(record);
    await tx.catalog.setVersion('device', id, version);
    return { result: adminDevice(after), events: [changed(now, user, 'updated', before, after)] };
  });
}

/** A deleted kiosk's token dies with it: `device.token_revoked` closes its open sockets, as a revoke does. */
export async function deleteDevice(office: Office, id: string, version: number, user: SessionUser): Promise<void> {
  await office.command(async (tx, now) => {
    const before = await current(tx, id, version);
    await tx.catalog.deleteDevice(id);
    const events = [changed(now, user, 'deleted', before, null)];
    if (before.kind === 'kiosk' && hasDeviceToken(before)) {
      events.push(event('device.token_revoked', now, { userId: user.id, data: { kioskId: id, hadToken: true } }));
    }
    return { result: null, events };
  });
}
