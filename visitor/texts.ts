import { translator, type Params, type Translator } from '../common/i18n/format.js';
import { isVisitorLanguage, type VisitorLanguage } from '../common/i18n/languages.js';
import { TICKET_CATALOGS, type TicketKey } from '../common/i18n/ticket/index.js';
import { VISITOR_CATALOGS, type VisitorKey } from '../common/i18n/visitor/index.js';

/**
 * Everything an element needs to speak the visitor's language: this page's
 * texts, the printed ticket's shared wording, and German for the second line
 * staff and signs use. A new object per language, so elements re-render.
 */
export interface Texts {
  readonly lang: string;
  t(key: VisitorKey, params?: Params): string;
  ticket(key: TicketKey, params?: Params): string;
  readonly de: Translator<VisitorKey>;
  time(at: number): string;
}

export function texts(lang: string): Texts {
  const page = translator(VISITOR_CATALOGS, lang);
  const ticket = translator(TICKET_CATALOGS, lang);
  const clock = new Intl.DateTimeFormat(page.lang, { hour: '2-digit', minute: '2-digit' });
  return {
    lang: page.lang,
    t: (key, params) => page.t(key, params),
    ticket: (key, params) => ticket.t(key, params),
    de: translator(VISITOR_CATALOGS, 'de'),
    time: (at) => clock.format(at),
  };
}

/** The browser's first visitor language, for pages shown before a ticket is known. */
export function browserLanguage(): VisitorLanguage {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isVisitorLanguage(primary)) return primary;
  }
  return 'de';
}
