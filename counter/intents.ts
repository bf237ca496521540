import { defineIntents, type IntentOf, type NoFields } from '../common/client/intents.js';
import type { DeskAction } from './state.js';

/** Everything a counter element asks for; only counter-app acts on it (through the desk controller). */
export interface CounterIntents {
  action: { action: Exclude<DeskAction, 'transfer' | 'reprint' | 'finish-next'> };
  'transfer-dialog': { open: boolean };
  /** "Finish and next service" (#17): the dialog that picks the service, then the command. */
  'next-service-dialog': { open: boolean };
  'finish-next': { serviceId: string };
  transfer: { serviceId?: string; targetCounterId?: string; keepPlace: boolean };
  reprint: NoFields;
  call: { ticketRef: string };
  open: { counterId: string; force?: boolean };
  close: NoFields;
  'choose-counter': NoFields;
  notes: { ticketRef: string; notes: string };
  alarm: NoFields;
  'alarm-ack': { alarmId: string };
  login: { username: string; password: string };
  password: { currentPassword: string; newPassword: string };
  logout: NoFields;
  language: { lang: string };
  shortcuts: { on: boolean };
}

export type CounterIntent = IntentOf<CounterIntents>;

export const counterIntents = defineIntents<CounterIntents>('counter');
