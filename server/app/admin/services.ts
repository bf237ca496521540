import {
  SERVICE_ICONS,
  type AdminService,
  type AdminServiceCreate,
  type AdminServiceOrder,
  type AdminServicePatch,
  type AdminServicesReply,
} from '../../../common/admin-schemas.js';
import type { SessionUser } from '../../../common/dto.js';
import { AppError } from '../../../common/errors.js';
import { VISITOR_LANGUAGES } from '../../../common/i18n/languages.js';
import type { Service } from '../../../common/model.js';
import {
  hoursViolation,
  missingLanguages,
  namesViolation,
  orderViolation,
  prefixHolder,
  prefixViolation,
  trimmedNames,
} from '../../domain/catalog-rules.js';
import type { DomainEvent } from '../../domain/events.js';
import { businessDate, startOfDay } from '../../domain/time.js';
import type { SiteReader, SiteTx } from '../../store/store.js';
import { configChange } from '../config-change.js';
import { newId } from '../ids.js';
import type { Office } from '../office.js';
import { counterConfig } from './counters.js';
import { checkVersion, patchFields, refuse } from './records.js';

/**
 * #15: the office's services as an admin edits them (admin.catalog.read /
 * admin.catalog.write). A change reaches kiosks, screens and counters through
 * the `config.changed` event it logs (changesQueue: the pushes that follow
 * every queue change read the new catalogue).
 */

/** Minutes per visitor a new service assumes until it has history. */
const NEW_SERVICE_MINUTES = 10;

export function adminServiceOf(s: Service, version: number): AdminService {
  return { ...s, missingLanguages: missingLanguages(s.names, VISITOR_LANGUAGES), version };
}

async function listServices(r: SiteReader): Promise<AdminService[]> {
  const versions = await r.catalog.versions('service');
  return (await r.catalog.services()).map((s) => adminServiceOf(s, versions.get(s.id) ?? 1));
}

export async function getAdminServices(office: Office): Promise<AdminServicesReply> {
  return { services: await office.store.read(office.siteId, listServices) };
}

/** The rules of a service's own fields; the prefix's uniqueness needs the other services. */
export function checkService(s: Service): void {
  refuse(prefixViolation(s.prefix));
  refuse(namesViolation(s.names));
  if (!(SERVICE_ICONS as readonly string[]).includes(s.icon)) {
    refuse({ field: 'icon', message: `Unknown pictogram "${s.icon.slice(0, 40)}"; see GET /api/admin/icons.` });
  }
  refuse(hoursViolation(s.hours));
}

export function checkPrefixFree(services: readonly Service[], s: Service): void {
  const holder = prefixHolder(services, s.prefix, s.id);
  if (holder) throw new AppError('PREFIX_TAKEN', `The prefix ${s.prefix} is already used by "${holder.names['de'] ?? holder.id}".`, { field: 'prefix' });
}

export function createAdminService(office: Office, input: AdminServiceCreate, user: SessionUser): Promise<AdminService> {
  return office.command(async (tx, now) => {
    const services = await tx.catalog.services();
    const service: Service = {
      id: newId('svc'),
      prefix: input.prefix,
      names: trimmedNames(input.names),
      icon: input.icon ?? 'dot',
      hours: input.hours ?? {},
      dailyLimit: input.dailyLimit ?? null,
      defaultServiceMinutes: input.defaultServiceMinutes ?? NEW_SERVICE_MINUTES,
      priorityEnabled: input.priorityEnabled ?? false,
      active: input.active ?? true,
      sortOrder: services.reduce((max, s) => Math.max(max, s.sortOrder), 0) + 1,
    };
    checkService(service);
    checkPrefixFree(services, service);
    await tx.catalog.putService(service);
    return { result: adminServiceOf(service, 1), events: [configChange('service', service.id, 'created', null, service, user.id, now, 1)] };
  });
}

export function updateAdminService(office: Office, id: string, patch: AdminServicePatch, user: SessionUser): Promise<AdminService> {
  const fields = patchFields(patch);
  return office.command(async (tx, now) => {
    const before = await tx.catalog.service(id);
    const version = checkVersion(before && (await tx.catalog.version('service', id)), patch.version, 'SERVICE_NOT_FOUND');
    if (!before) throw new AppError('SERVICE_NOT_FOUND');
    const after: Service = { ...before, ...fields, ...(fields.names ? { names: trimmedNames(fields.names) } : {}) };
    checkService(after);
    if (after.prefix !== before.prefix) checkPrefixFree(await tx.catalog.services(), after);
    const event = configChange('service', id, 'updated', before, after, user.id, now, version + 1);
    if (Object.keys(event.data.changes).length === 0) return { result: adminServiceOf(before, version), events: [] };
    await tx.catalog.putService(after);
    await tx.catalog.setVersion('service', id, version + 1);
    return { result: adminServiceOf(after, version + 1), events: [event] };
  });
}

/**
 * Deletes a service that nothing open refers to: open tickets (of any day)
 * or booked appointments from today on refuse it with 409 SERVICE_IN_USE
 * (deactivating is always possible). Counters that offered it stop offering
 * it, each such change logged as a change of that counter.
 */
export function deleteAdminService(office: Office, id: string, readVersion: number | undefined, user: SessionUser): Promise<void> {
  return office.command(async (tx, now) => {
    const service = await tx.catalog.service(id);
    checkVersion(service && (await tx.catalog.version('service', id)), readVersion, 'SERVICE_NOT_FOUND');
    if (!service) throw new AppError('SERVICE_NOT_FOUND');
    const { timeZone } = await tx.catalog.settings();
    const refs = await tx.catalog.serviceReferences(id, startOfDay(businessDate(now, timeZone), timeZone));
    if (refs.openTickets > 0 || refs.bookedAppointments > 0) {
      throw new AppError(
        'SERVICE_IN_USE',
        `This service has ${refs.openTickets} open ticket(s) and ${refs.bookedAppointments} booked appointment(s); deactivate it instead.`,
      );
    }
    const events: DomainEvent[] = await dropFromCounters(tx, id, user, now);
    await tx.catalog.deleteService(id);
    events.push(configChange('service', id, 'deleted', service, null, user.id, now, 0));
    return { result: undefined, events };
  });
}

async function dropFromCounters(tx: SiteTx, serviceId: string, user: SessionUser, now: number): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  const versions = await tx.catalog.versions('counter');
  for (const counter of await tx.catalog.counters()) {
    if (!counter.primaryServiceIds.includes(serviceId) && !counter.secondaryServiceIds.includes(serviceId)) continue;
    const changed = {
      ...counter,
      primaryServiceIds: counter.primaryServiceIds.filter((s) => s !== serviceId),
      secondaryServiceIds: counter.secondaryServiceIds.filter((s) => s !== serviceId),
    };
    const version = (versions.get(counter.id) ?? 1) + 1;
    await tx.catalog.putCounter(changed);
    await tx.catalog.setVersion('counter', counter.id, version);
    events.push(configChange('counter', counter.id, 'updated', counterConfig(counter), counterConfig(changed), user.id, now, version));
  }
  return events;
}

/** Puts the services in the kiosk order of `ids` (every service once); each service whose place changes is a logged change. */
export function orderAdminServices(office: Office, input: AdminServiceOrder, user: SessionUser): Promise<AdminServicesReply> {
  return office.command(async (tx, now) => {
    const services = await tx.catalog.services();
    refuse(orderViolation(input.ids, services.map((s) => s.id)));
    const versions = await tx.catalog.versions('service');
    const byId = new Map(services.map((s) => [s.id, s]));
    const events: DomainEvent[] = [];
    const result: AdminService[] = [];
    for (const [i, id] of input.ids.entries()) {
      const before = byId.get(id) as Service;
      let version = versions.get(id) ?? 1;
      const after = { ...before, sortOrder: i + 1 };
      if (before.sortOrder !== after.sortOrder) {
        version += 1;
        await tx.catalog.putService(after);
        await tx.catalog.setVersion('service', id, version);
        events.push(configChange('service', id, 'updated', before, after, user.id, now, version));
      }
      result.push(adminServiceOf(after, version));
    }
    return { result: { services: result }, events };
  });
}
