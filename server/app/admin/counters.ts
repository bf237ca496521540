import type { AdminCounter, AdminCounterCreate, AdminCounterPatch, AdminCountersReply } from '../../../common/admin-schemas.js';
import type { SessionUser } from '../../../common/dto.js';
import { AppError } from '../../../common/errors.js';
import type { Counter } from '../../../common/model.js';
import { blankViolation, counterServicesViolation, unknownIdViolation } from '../../domain/catalog-rules.js';
import type { SiteReader, SiteTx } from '../../store/store.js';
import { configChange } from '../config-change.js';
import { newId } from '../ids.js';
import type { Office } from '../office.js';
import { checkVersion, patchFields, refuse } from './records.js';

/**
 * #15: counters as an admin sets them up (admin.catalog.read /
 * admin.catalog.write): name, area, primary and secondary services. Whether
 * a counter is open, and who staffs it, is counter work and no admin change.
 */

/** What an admin configures of a counter: the fields a change is logged by. */
export function counterConfig(c: Counter): Pick<Counter, 'name' | 'area' | 'primaryServiceIds' | 'secondaryServiceIds'> {
  return { name: c.name, area: c.area, primaryServiceIds: c.primaryServiceIds, secondaryServiceIds: c.secondaryServiceIds };
}

export function adminCounterRecord(c: Counter, version: number): AdminCounter {
  return { id: c.id, ...counterConfig(c), open: c.open, version };
}

async function listCounters(r: SiteReader): Promise<AdminCounter[]> {
  const versions = await r.catalog.versions('counter');
  return (await r.catalog.counters()).map((c) => adminCounterRecord(c, versions.get(c.id) ?? 1));
}

export async function getAdminCounters(office: Office): Promise<AdminCountersReply> {
  return { counters: await office.store.read(office.siteId, listCounters) };
}

/** Name, area and services: the area and every service must exist in the office, each service once. */
export async function checkCounter(tx: SiteTx, c: Counter): Promise<void> {
  refuse(blankViolation(c.name, 'name'));
  if (!(await tx.catalog.areas()).some((a) => a.id === c.area)) refuse({ field: 'area', message: `No area "${c.area}" in this office.` });
  const services = new Set((await tx.catalog.services()).map((s) => s.id));
  refuse(unknownIdViolation(c.primaryServiceIds, services, 'primaryServiceIds'));
  refuse(unknownIdViolation(c.secondaryServiceIds, services, 'secondaryServiceIds'));
  refuse(counterServicesViolation(c.primaryServiceIds, c.secondaryServiceIds));
}

export function createAdminCounter(office: Office, input: AdminCounterCreate, user: SessionUser): Promise<AdminCounter> {
  return office.command(async (tx, now) => {
    const counter: Counter = {
      id: newId('ctr'),
      name: input.name.trim(),
      area: input.area,
      primaryServiceIds: input.primaryServiceIds ?? [],
      secondaryServiceIds: input.secondaryServiceIds ?? [],
      open: false,
      userId: null,
      currentTicketId: null,
    };
    await checkCounter(tx, counter);
    await tx.catalog.putCounter(counter);
    return {
      result: adminCounterRecord(counter, 1),
      events: [configChange('counter', counter.id, 'created', null, counterConfig(counter), user.id, now, 1)],
    };
  });
}

export function updateAdminCounter(office: Office, id: string, patch: AdminCounterPatch, user: SessionUser): Promise<AdminCounter> {
  const fields = patchFields(patch);
  return office.command(async (tx, now) => {
    const before = await tx.catalog.counter(id);
    const version = checkVersion(before && (await tx.catalog.version('counter', id)), patch.version, 'COUNTER_NOT_FOUND');
    if (!before) throw new AppError('COUNTER_NOT_FOUND');
    const after: Counter = { ...before, ...fields, ...(fields.name !== undefined ? { name: fields.name.trim() } : {}) };
    await checkCounter(tx, after);
    const event = configChange('counter', id, 'updated', counterConfig(before), counterConfig(after), user.id, now, version + 1);
    if (Object.keys(event.data.changes).length === 0) return { result: adminCounterRecord(before, version), events: [] };
    await tx.catalog.putCounter(after);
    await tx.catalog.setVersion('counter', id, version + 1);
    return { result: adminCounterRecord(after, version + 1), events: [event] };
  });
}

/** Deletes a closed counter; an open one (or one still holding a ticket) answers 409 COUNTER_IN_USE. */
export function deleteAdminCounter(office: Office, id: string, readVersion: number | undefined, user: SessionUser): Promise<void> {
  return office.command(async (tx, now) => {
    const counter = await tx.catalog.counter(id);
    checkVersion(counter && (await tx.catalog.version('counter', id)), readVersion, 'COUNTER_NOT_FOUND');
    if (!counter) throw new AppError('COUNTER_NOT_FOUND');
    if (counter.open || counter.currentTicketId) throw new AppError('COUNTER_IN_USE');
    await tx.catalog.deleteCounter(id);
    return { result: undefined, events: [configChange('counter', id, 'deleted', counterConfig(counter), null, user.id, now, 0)] };
  });
}
