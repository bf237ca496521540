import type { Catalogs } from './format.js';
import { KIOSK_CATALOGS } from './kiosk/index.js';
import { COUNTER_CATALOGS } from './counter/index.js';
import { ANNOUNCE_CATALOGS } from './announce/index.js';
import { DISPLAY_CATALOGS } from './display/index.js';
import { TICKET_CATALOGS } from './ticket/index.js';
import { VISITOR_CATALOGS } from './visitor/index.js';
import { ADMIN_CATALOGS } from './admin/index.js';

/**
 * Every catalog set, so one test checks them all for missing keys, stray
 * keys and broken ICU syntax. Add a new set here.
 */
export const ALL_CATALOGS: Record<string, { catalogs: Catalogs<string>; languages: readonly string[] }> = {
  ticket: { catalogs: TICKET_CATALOGS, languages: Object.keys(TICKET_CATALOGS) },
  announce: { catalogs: ANNOUNCE_CATALOGS, languages: Object.keys(ANNOUNCE_CATALOGS) },
  display: { catalogs: DISPLAY_CATALOGS, languages: Object.keys(DISPLAY_CATALOGS) },
  counter: { catalogs: COUNTER_CATALOGS, languages: Object.keys(COUNTER_CATALOGS) },
  kiosk: { catalogs: KIOSK_CATALOGS, languages: Object.keys(KIOSK_CATALOGS) },
  visitor: { catalogs: VISITOR_CATALOGS, languages: Object.keys(VISITOR_CATALOGS) },
  admin: { catalogs: ADMIN_CATALOGS, languages: Object.keys(ADMIN_CATALOGS) },
};
