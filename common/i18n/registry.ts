import type { Catalogs } from './format.js';
import { TICKET_CATALOGS } from './ticket/index.js';

/**
 * Every catalog set, so one test checks them all for missing keys, stray
 * keys and broken ICU syntax. Add a new set here.
 */
export const ALL_CATALOGS: Record<string, { catalogs: Catalogs<string>; languages: readonly string[] }> = {
  ticket: { catalogs: TICKET_CATALOGS, languages: Object.keys(TICKET_CATALOGS) },
};
