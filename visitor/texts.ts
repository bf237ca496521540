import { createContext } from '../common/client/context.js';
import { makeTexts, type Texts } from '../common/client/texts.js';
import { translator, type Params, type Translator } from '../common/i18n/format.js';
import { isVisitorLanguage, type VisitorLanguage } from '../common/i18n/languages.js';
import { TICKET_CATALOGS, type TicketKey } from '../common/i18n/ticket/index.js';
import { VISITOR_CATALOGS, type VisitorKey } from '../common/i18n/visitor/index.js';

/**
 * What the page's elements read to speak the visitor's language: this page's
 * texts, the printed ticket's shared wording, German for the second line
 * staff and signs use, and times on the office's clock.
 */
export interface VisitorTexts extends Texts<VisitorKey> {
  ticket(key: TicketKey, params?: Params): string;
  readonly de: Translator<VisitorKey>;
}

/** Provided by visitor-app; every element of the page consumes it. */
export const visitorTexts = createContext<VisitorTexts>('visitor-texts');

const german = translator(VISITOR_CATALOGS, 'de');

export function textsFor(lang: string, timeZone: string | null): VisitorTexts {
  const page = makeTexts(VISITOR_CATALOGS, lang, timeZone);
  const ticket = translator(TICKET_CATALOGS, page.lang);
  return { ...page, ticket: (key, params) => ticket.t(key, params), de: german };
}

/** The browser's first visitor language, for pages shown before a ticket is known. */
export function browserLanguage(): VisitorLanguage {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isVisitorLanguage(primary)) return primary;
  }
  return 'de';
}
