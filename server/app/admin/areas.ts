import type { AdminArea, AdminAreaCreate, AdminAreaPatch, AdminAreasReply } from '../../../common/admin-schemas.js';
import type { SessionUser } from '../../../common/dto.js';
import { AppError } from '../../../common/errors.js';
import type { Area } from '../../../common/model.js';
import { namesViolation, trimmedNames } from '../../domain/catalog-rules.js';
import type { SiteReader } from '../../store/store.js';
import { configChange } from '../config-change.js';
import { newId } from '../ids.js';
import type { Office } from '../office.js';
import { checkVersion, patchFields, refuse } from './records.js';

/** #15: the office's areas (floors, halls) as an admin edits them (admin.catalog.read / admin.catalog.write). */

const adminArea = (a: Area, version: number): AdminArea => ({ ...a, version });

async function listAreas(r: SiteReader): Promise<AdminArea[]> {
  const versions = await r.catalog.versions('area');
  return (await r.catalog.areas()).map((a) => adminArea(a, versions.get(a.id) ?? 1));
}

export async function getAdminAreas(office: Office): Promise<AdminAreasReply> {
  return { areas: await office.store.read(office.siteId, listAreas) };
}

export function createAdminArea(office: Office, input: AdminAreaCreate, user: SessionUser): Promise<AdminArea> {
  refuse(namesViolation(input.name, 'name'));
  return office.command(async (tx, now) => {
    const area: Area = { id: newId('area'), name: trimmedNames(input.name) };
    await tx.catalog.putArea(area);
    return { result: adminArea(area, 1), events: [configChange('area', area.id, 'created', null, area, user.id, now, 1)] };
  });
}

export function updateAdminArea(office: Office, id: string, patch: AdminAreaPatch, user: SessionUser): Promise<AdminArea> {
  const fields = patchFields(patch);
  if (fields.name) refuse(namesViolation(fields.name, 'name'));
  return office.command(async (tx, now) => {
    const before = (await tx.catalog.areas()).find((a) => a.id === id) ?? null;
    const version = checkVersion(before && (await tx.catalog.version('area', id)), patch.version, 'AREA_NOT_FOUND');
    if (!before) throw new AppError('AREA_NOT_FOUND');
    const after: Area = { ...before, ...(fields.name ? { name: trimmedNames(fields.name) } : {}) };
    const event = configChange('area', id, 'updated', before, after, user.id, now, version + 1);
    if (Object.keys(event.data.changes).length === 0) return { result: adminArea(before, version), events: [] };
    await tx.catalog.putArea(after);
    await tx.catalog.setVersion('area', id, version + 1);
    return { result: adminArea(after, version + 1), events: [event] };
  });
}

/** Deletes an area no counter and no kiosk or screen stands in (else 409 AREA_IN_USE). */
export function deleteAdminArea(office: Office, id: string, readVersion: number | undefined, user: SessionUser): Promise<void> {
  return office.command(async (tx, now) => {
    const area = (await tx.catalog.areas()).find((a) => a.id === id) ?? null;
    checkVersion(area && (await tx.catalog.version('area', id)), readVersion, 'AREA_NOT_FOUND');
    if (!area) throw new AppError('AREA_NOT_FOUND');
    const counters = (await tx.catalog.counters()).filter((c) => c.area === id).length;
    const devices = (await tx.catalog.devices()).filter((d) => d.area === id).length;
    if (counters + devices > 0) throw new AppError('AREA_IN_USE', `${counters} counter(s) and ${devices} kiosk(s) or screen(s) still belong to this area.`);
    await tx.catalog.deleteArea(id);
    return { result: undefined, events: [configChange('area', id, 'deleted', area, null, user.id, now, 0)] };
  });
}
