import { createContext } from '../common/client/context.js';
import { makeTexts, type Texts } from '../common/client/texts.js';
import { translator, type Params } from '../common/i18n/format.js';
import type { KioskKey } from '../common/i18n/kiosk/index.js';
import type { VisitorLanguage } from '../common/i18n/languages.js';
import type { TicketKey } from '../common/i18n/ticket/index.js';
import { isLoaded, kioskCatalogs, ticketCatalogs } from './catalogs.js';

/**
 * What the kiosk's elements read to speak the visitor's language: kiosk texts,
 * the printed ticket's texts (so screen and paper say the same), and times on
 * the office's clock.
 */
export interface KioskTexts extends Texts<KioskKey> {
  readonly lang: VisitorLanguage;
  ticket(key: TicketKey, params?: Params): string;
}

/** Provided by kiosk-app; every kiosk element consumes it. */
export const kioskTexts = createContext<KioskTexts>('kiosk-texts');

const cache = new Map<string, KioskTexts>();

export function textsFor(lang: VisitorLanguage, timeZone: string | null): KioskTexts {
  const id = `${lang} ${timeZone ?? ''}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const ticket = translator(ticketCatalogs, lang);
  const texts: KioskTexts = { ...makeTexts(kioskCatalogs, lang, timeZone), lang, ticket: (key, params) => ticket.t(key, params) };
  // Until its catalog has arrived a language reads as German: not worth keeping.
  if (isLoaded(lang)) cache.set(id, texts);
  return texts;
}
