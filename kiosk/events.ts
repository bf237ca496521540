import type { VisitorLanguage } from '../common/i18n/languages.js';

/**
 * What a visitor asked for, sent up from any element as one bubbling,
 * composed `kiosk-intent` event. Only the app root acts on it (state change,
 * request to the server); elements never talk to the server.
 */
export type KioskIntent =
  | { type: 'choose-language'; lang: VisitorLanguage }
  | { type: 'show-languages' }
  | { type: 'back' }
  | { type: 'toggle-contrast' }
  | { type: 'toggle-priority' }
  | { type: 'open-checkin' }
  | { type: 'service'; serviceId: string }
  | { type: 'key'; char: string }
  | { type: 'delete' }
  | { type: 'submit-code' }
  | { type: 'dismiss' }
  | { type: 'done' }
  | { type: 'continue' };

export function fireIntent(from: HTMLElement, intent: KioskIntent): void {
  from.dispatchEvent(new CustomEvent('kiosk-intent', { detail: intent, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-intent': CustomEvent<KioskIntent>;
  }
}
