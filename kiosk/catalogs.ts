import type { KioskCatalog } from '../common/i18n/kiosk/index.js';
import { de as kioskDe } from '../common/i18n/kiosk/de.js';
import { LANGUAGES, type VisitorLanguage } from '../common/i18n/languages.js';
import type { TicketCatalog } from '../common/i18n/ticket/index.js';
import { de as ticketDe } from '../common/i18n/ticket/de.js';

/**
 * German ships with the page; the other thirteen languages come as one lazy
 * chunk, fetched right after start-up, which keeps the first load small. The
 * catalogs objects are filled in place, so translators made from them later
 * see every language.
 */
export const kioskCatalogs: Partial<Record<VisitorLanguage, KioskCatalog>> = { de: kioskDe };
export const ticketCatalogs: Partial<Record<VisitorLanguage, TicketCatalog>> = { de: ticketDe };

let loading: Promise<void> | null = null;

export function isLoaded(lang: VisitorLanguage): boolean {
  return kioskCatalogs[lang] !== undefined && ticketCatalogs[lang] !== undefined;
}

/** Loads every language once; a failed attempt (server away) may be repeated. */
export function loadAllLanguages(): Promise<void> {
  loading ??= Promise.all([import('../common/i18n/kiosk/index.js'), import('../common/i18n/ticket/index.js')]).then(
    ([kiosk, ticket]) => {
      Object.assign(kioskCatalogs, kiosk.KIOSK_CATALOGS);
      Object.assign(ticketCatalogs, ticket.TICKET_CATALOGS);
    },
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

let words: { loaded: boolean; words: Map<VisitorLanguage, string> } | null = null;

/** The word "language" in every language whose texts are here, for the start screen (one map per load state). */
export function languageWords(allLoaded: boolean): ReadonlyMap<VisitorLanguage, string> {
  if (words?.loaded !== allLoaded) {
    const map = new Map<VisitorLanguage, string>();
    for (const l of LANGUAGES) {
      const word = kioskCatalogs[l.code]?.languageWord;
      if (word) map.set(l.code, word);
    }
    words = { loaded: allLoaded, words: map };
  }
  return words.words;
}
