import { defineIntents, type NoFields } from '../common/client/intents.js';

/** What someone at the screen asked for; only display-app acts on it. */
export interface DisplayIntents {
  /** The one-time tap that lets the browser play sound. */
  'enable-sound': NoFields;
}

export const displayIntents = defineIntents<DisplayIntents>('display');
