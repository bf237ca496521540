import type { KioskSettings } from '../../common/device-config.js';
import type { PublicService } from '../../common/dto.js';
import { LANGUAGES, type LanguageInfo } from '../../common/i18n/languages.js';
import type { KioskOptions } from './options.js';

/**
 * What this kiosk offers, from its device record (#15): an admin chooses the
 * services (in kiosk order) and languages per kiosk; null offers all of them.
 */
export type OfferSettings = Pick<KioskSettings, 'serviceIds' | 'languages' | 'idleSeconds'>;

/** The services the kiosk shows: the record's, in the record's order, of those the server lists (active ones). */
export function offeredServices(services: readonly PublicService[], settings: OfferSettings | null): PublicService[] {
  if (!settings || settings.serviceIds === null) return [...services];
  const byId = new Map(services.map((s) => [s.id, s]));
  return settings.serviceIds.flatMap((id) => byId.get(id) ?? []);
}

/** The languages on the start screen, in the kiosk's usual order. */
export function offeredLanguages(settings: OfferSettings | null): readonly LanguageInfo[] {
  const offered = settings?.languages;
  if (!offered) return LANGUAGES;
  return LANGUAGES.filter((l) => offered.includes(l.code));
}

/** No touch for this long resets the kiosk: the address's `?idle=` when it names one (a quick test), else the record's seconds. */
export function idleLimitMs(options: KioskOptions, idleInAddress: boolean, settings: OfferSettings | null): number {
  return idleInAddress || !settings ? options.idleMs : settings.idleSeconds * 1000;
}
