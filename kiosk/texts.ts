import type { Params } from '../common/i18n/format.js';
import { translator } from '../common/i18n/format.js';
import type { KioskKey } from '../common/i18n/kiosk/index.js';
import { textDirection, type VisitorLanguage } from '../common/i18n/languages.js';
import type { TicketKey } from '../common/i18n/ticket/index.js';
import { isLoaded, kioskCatalogs, ticketCatalogs } from './catalogs.js';

/**
 * Everything an element needs to speak the visitor's language, handed down
 * as one property: kiosk texts, the printed ticket's texts (so screen and
 * paper say the same), and times in the local format.
 */
export interface Texts {
  lang: VisitorLanguage;
  dir: 'ltr' | 'rtl';
  t(key: KioskKey, params?: Params): string;
  ticket(key: TicketKey, params?: Params): string;
  time(at: number): string;
}

const cache = new Map<VisitorLanguage, Texts>();

export function textsFor(lang: VisitorLanguage): Texts {
  const cached = cache.get(lang);
  if (cached) return cached;
  const kiosk = translator(kioskCatalogs as Record<string, Record<KioskKey, string>>, lang);
  const ticket = translator(ticketCatalogs as Record<string, Record<TicketKey, string>>, lang);
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });
  const texts: Texts = {
    lang,
    dir: textDirection(lang),
    t: (key, params) => kiosk.t(key, params),
    ticket: (key, params) => ticket.t(key, params),
    time: (at) => time.format(at),
  };
  // Until its catalog has arrived a language reads as German: not worth keeping.
  if (isLoaded(lang)) cache.set(lang, texts);
  return texts;
}
