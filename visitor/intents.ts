import { defineIntents, type IntentOf, type NoFields } from '../common/client/intents.js';

/** What the visitor asked for on the page; only visitor-app acts on it (it alone talks to the server). */
export interface VisitorIntents {
  /** The visitor confirmed they are leaving: cancel the ticket. */
  leave: NoFields;
  /** The visitor acknowledged the call screen. */
  'call-dismiss': NoFields;
  feedback: { grade: number; comment: string };
  language: { lang: string };
  /** The visitor wants a system notification when called. */
  notify: NoFields;
  /** #17: delete the appointment's contact data now (the data view). */
  'delete-contact': NoFields;
}

export type VisitorIntent = IntentOf<VisitorIntents>;

export const visitorIntents = defineIntents<VisitorIntents>('visitor');
