import type { AdminOffice, AdminOfficePatch, HolidaysReply } from '../../../common/admin-schemas.js';
import type { SessionUser } from '../../../common/dto.js';
import { AppError } from '../../../common/errors.js';
import { holidaysViolation, normalisedHolidays, timeZoneViolation, blankViolation } from '../../domain/catalog-rules.js';
import { germanPublicHolidays, isGermanState } from '../../domain/holidays.js';
import { counterStatsEnabled, retentionSettings, waitTargetMinutes, type OfficeSettings } from '../../domain/settings.js';
import type { SiteReader } from '../../store/store.js';
import { configChange } from '../config-change.js';
import type { Office } from '../office.js';
import { checkVersion, patchFields, refuse } from './records.js';

/** #15: the office's own settings as an admin edits them (admin.catalog.read / admin.catalog.write). */

export function adminOfficeOf(s: OfficeSettings, version: number): AdminOffice {
  return {
    name: s.name,
    timeZone: s.timeZone,
    holidays: [...s.holidays],
    waitTargetMinutes: waitTargetMinutes(s),
    counterStatsEnabled: counterStatsEnabled(s),
    policy: s.policy,
    checkin: s.checkin,
    estimate: s.estimate,
    retention: retentionSettings(s),
    version,
  };
}

/** The settings with an admin's office fields applied: the API's `counterStatsEnabled` is the stored `counterStats` (#16). */
export function withOfficeFields(s: OfficeSettings, fields: Partial<Omit<AdminOffice, 'version'>>): OfficeSettings {
  const { counterStatsEnabled: counterStats, ...rest } = fields;
  return { ...s, ...rest, ...(counterStats !== undefined ? { counterStats } : {}) };
}

async function readOffice(r: SiteReader): Promise<AdminOffice> {
  return adminOfficeOf(await r.catalog.settings(), (await r.catalog.version('settings', r.siteId)) ?? 1);
}

export function getAdminOffice(office: Office): Promise<AdminOffice> {
  return office.store.read(office.siteId, readOffice);
}

/**
 * Changes the office's settings. Fields left out stay; a patch that changes
 * nothing writes nothing and logs nothing.
 */
export function updateAdminOffice(office: Office, patch: AdminOfficePatch, user: SessionUser): Promise<AdminOffice> {
  const fields = patchFields(patch);
  if (fields.name !== undefined) refuse(blankViolation(fields.name, 'name'));
  if (fields.timeZone !== undefined) refuse(timeZoneViolation(fields.timeZone));
  if (fields.holidays !== undefined) refuse(holidaysViolation(fields.holidays));
  return office.command(async (tx, now) => {
    const settings = await tx.catalog.settings();
    const version = checkVersion(await tx.catalog.version('settings', tx.siteId), patch.version, 'NOT_FOUND');
    const before = adminOfficeOf(settings, version);
    const next: OfficeSettings = {
      ...withOfficeFields(settings, fields),
      ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
      ...(fields.holidays !== undefined ? { holidays: normalisedHolidays(fields.holidays) } : {}),
    };
    const after = adminOfficeOf(next, version + 1);
    const event = configChange('office', tx.siteId, 'updated', before, after, user.id, now, version + 1);
    if (Object.keys(event.data.changes).length === 0) return { result: before, events: [] };
    await tx.catalog.putSettings(next);
    await tx.catalog.setVersion('settings', tx.siteId, version + 1);
    return { result: after, events: [event] };
  });
}

/** The public holidays of a German state in a year, for the office's calendar (computed, not stored). */
export function publicHolidays(state: string, year: number): HolidaysReply {
  if (!isGermanState(state)) throw new AppError('INVALID_INPUT', 'Unknown German state.', { field: 'state' });
  return { holidays: germanPublicHolidays(state, year) };
}
