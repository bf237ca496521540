import type { DeskAction } from './state.js';

/**
 * Everything an element asks the app to do. Elements never talk to the server:
 * they fire `desk-intent` (bubbling, composed) and counter-app carries it out.
 */
export type DeskIntent =
  | { kind: 'action'; action: Exclude<DeskAction, 'transfer' | 'reprint'> }
  | { kind: 'transfer-dialog'; open: boolean }
  | { kind: 'transfer'; serviceId?: string; targetCounterId?: string; keepPlace: boolean }
  | { kind: 'reprint' }
  | { kind: 'call'; ticketId: string }
  | { kind: 'open'; counterId: string; force?: boolean }
  | { kind: 'close' }
  | { kind: 'choose-counter' }
  | { kind: 'notes'; ticketId: string; notes: string }
  | { kind: 'alarm' }
  | { kind: 'alarm-ack'; alarmId: string }
  | { kind: 'login'; username: string; password: string }
  | { kind: 'logout' }
  | { kind: 'language'; lang: string }
  | { kind: 'shortcuts'; on: boolean };

export type DeskIntentEvent = CustomEvent<DeskIntent>;

export function intent(from: HTMLElement, detail: DeskIntent): void {
  from.dispatchEvent(new CustomEvent<DeskIntent>('desk-intent', { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'desk-intent': DeskIntentEvent;
  }
}
