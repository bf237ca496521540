import { defineIntents, type IntentOf, type NoFields } from '../common/client/intents.js';
import type { VisitorLanguage } from '../common/i18n/languages.js';

/** What a visitor asked for at the kiosk; only kiosk-app acts on it (state change, request to the server). */
export interface KioskIntents {
  'choose-language': { lang: VisitorLanguage };
  'show-languages': NoFields;
  back: NoFields;
  'toggle-contrast': NoFields;
  'toggle-priority': NoFields;
  'open-checkin': NoFields;
  service: { serviceId: string };
  /** A tile on the "I also need…" screen. */
  also: { serviceId: string };
  /** "Ticket" on the "I also need…" screen: draw for the services chosen. */
  'draw-visit': NoFields;
  key: { char: string };
  delete: NoFields;
  'submit-code': NoFields;
  dismiss: NoFields;
  done: NoFields;
  continue: NoFields;
}

export type KioskIntent = IntentOf<KioskIntents>;

export const kioskIntents = defineIntents<KioskIntents>('kiosk');
