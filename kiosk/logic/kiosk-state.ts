import type { IssuedTicket, PublicService } from '../../common/dto.js';
import type { KioskKey } from '../../common/i18n/kiosk/index.js';
import type { VisitorLanguage } from '../../common/i18n/languages.js';
import { CODE_KEYS, CODE_MAX_LENGTH } from './booking-code.js';

/**
 * One visitor's session at the kiosk as a pure reducer: the app root feeds
 * it taps, answers and timeouts; every way out of a screen is an action
 * here, so there are no dead ends to forget.
 */
export type Screen = 'language' | 'services' | 'checkin' | 'ticket';

export interface Issued {
  ticket: IssuedTicket;
  /** Walk-in ticket or checked-in appointment. */
  kind: 'walk-in' | 'appointment';
  /** The visitor asked for priority and the service grants it. */
  priority: boolean;
  /** The service as it was when the ticket was drawn: the ticket screen outlives a dropped connection. */
  service: PublicService | null;
}

export interface KioskState {
  screen: Screen;
  lang: VisitorLanguage;
  contrast: boolean;
  priority: boolean;
  /** The booking code typed so far. */
  code: string;
  /** A request is on its way; further taps must not send another. */
  pending: 'ticket' | 'checkin' | null;
  /** A message on the current screen, e.g. why a check-in failed. */
  message: KioskKey | null;
  issued: Issued | null;
}

export type KioskAction =
  | { type: 'choose-language'; lang: VisitorLanguage }
  | { type: 'show-languages' }
  | { type: 'back' }
  | { type: 'toggle-contrast' }
  | { type: 'toggle-priority' }
  | { type: 'open-checkin' }
  | { type: 'key'; char: string }
  | { type: 'delete' }
  /** A scanner read a booking code: check in right away, from any screen. */
  | { type: 'scanned'; code: string }
  | { type: 'request'; kind: 'ticket' | 'checkin' }
  | { type: 'issued'; issued: Issued }
  | { type: 'failed'; message: KioskKey }
  | { type: 'notice'; message: KioskKey }
  | { type: 'dismiss' }
  | { type: 'reset' };

export const INITIAL_STATE: KioskState = {
  screen: 'language',
  lang: 'de',
  contrast: false,
  priority: false,
  code: '',
  pending: null,
  message: null,
  issued: null,
};

/** Nothing a visitor did is left over: no need for an idle timeout. */
export function isPristine(s: KioskState): boolean {
  return s.screen === 'language' && s.lang === INITIAL_STATE.lang && !s.contrast && !s.priority && s.message === null;
}

export function reduce(s: KioskState, a: KioskAction): KioskState {
  // While a request runs only its answer (or a reset) may change the screen.
  if (s.pending && a.type !== 'issued' && a.type !== 'failed' && a.type !== 'reset') return s;
  switch (a.type) {
    case 'choose-language':
      return { ...s, lang: a.lang, screen: 'services', message: null };
    case 'show-languages':
      return { ...s, screen: 'language', message: null };
    case 'back':
      if (s.screen === 'checkin') return { ...s, screen: 'services', code: '', message: null };
      if (s.screen === 'services') return { ...s, screen: 'language', message: null };
      return s;
    case 'toggle-contrast':
      return { ...s, contrast: !s.contrast };
    case 'toggle-priority':
      return { ...s, priority: !s.priority };
    case 'open-checkin':
      return { ...s, screen: 'checkin', code: '', message: null };
    case 'key':
      if (s.screen !== 'checkin' || !CODE_KEYS.includes(a.char) || s.code.length >= CODE_MAX_LENGTH) return s;
      return { ...s, code: s.code + a.char, message: null };
    case 'delete':
      return s.screen === 'checkin' ? { ...s, code: s.code.slice(0, -1), message: null } : s;
    case 'scanned':
      return { ...s, screen: 'checkin', code: a.code, message: null, issued: null };
    case 'request':
      return { ...s, pending: a.kind, message: null };
    case 'issued':
      return { ...s, pending: null, screen: 'ticket', issued: a.issued, code: '', message: null };
    case 'failed':
      return { ...s, pending: null, message: a.message };
    case 'notice':
      return { ...s, message: a.message };
    case 'dismiss':
      return { ...s, message: null };
    case 'reset':
      return INITIAL_STATE;
  }
}
