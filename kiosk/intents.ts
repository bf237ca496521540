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
  key: { char: string };
  delete: NoFields;
  'submit-code': NoFields;
  dismiss: NoFields;
  done: NoFields;
  continue: NoFields;
}

export type KioskIntent = IntentOf<KioskIntents>;

export const kioskIntents = defineIntents<KioskIntents>('kiosk');
