import type { IssuedTicket, PublicService } from '../../common/dto.js';
import type { KioskKey } from '../../common/i18n/kiosk/index.js';
import type { VisitorLanguage } from '../../common/i18n/languages.js';
import { CODE_KEYS, CODE_MAX_LENGTH } from './booking-code.js';

/**
 * One visitor's session at the kiosk as a pure reducer: the app root feeds
 * it taps, answers and timeouts; every way out of a screen is an action
 * here, so there are no dead ends to forget.
 */
export type Screen = 'language' | 'services' | 'also' | 'checkin' | 'ticket';

/** How many more services a visitor may add to the first at the kiosk (#17: "I also need…"). */
export const MAX_ALSO = 2;

export interface Issued {
  ticket: IssuedTicket;
  /** Walk-in ticket or checked-in appointment. */
  kind: 'walk-in' | 'appointment';
  /** The visitor asked for priority and the service grants it. */
  priority: boolean;
  /** The service as it was when the ticket was drawn: the ticket screen outlives a dropped connection. */
  service: PublicService | null;
  /** The services the visitor needs after the first, in the order they come (#17); empty for one service. */
  next: PublicService[];
}

export interface KioskState {
  screen: Screen;
  lang: VisitorLanguage;
  contrast: boolean;
  priority: boolean;
  /** On the "I also need…" screen: the first service chosen, then the ones added, in order. */
  chosen: string[];
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
  /** A tile chosen on the service screen: "I also need…" comes next. */
  | { type: 'choose-service'; serviceId: string }
  /** A tile tapped on the "I also need…" screen: added, or taken off again. */
  | { type: 'toggle-also'; serviceId: string }
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
  chosen: [],
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
      if (s.screen === 'also') return { ...s, screen: 'services', chosen: [], message: null };
      if (s.screen === 'checkin') return { ...s, screen: 'services', code: '', message: null };
      if (s.screen === 'services') return { ...s, screen: 'language', message: null };
      return s;
    case 'toggle-contrast':
      return { ...s, contrast: !s.contrast };
    case 'toggle-priority':
      return { ...s, priority: !s.priority };
    case 'open-checkin':
      return { ...s, screen: 'checkin', code: '', message: null };
    case 'choose-service':
      return s.screen === 'services' ? { ...s, screen: 'also', chosen: [a.serviceId], message: null } : s;
    case 'toggle-also':
      return s.screen === 'also' ? { ...s, chosen: toggleAlso(s.chosen, a.serviceId), message: null } : s;
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
      return { ...s, pending: null, screen: 'ticket', issued: a.issued, chosen: [], code: '', message: null };
    case 'failed':
      // A refused visit goes back to the tiles, where the message says why; the visitor starts the choice afresh.
      if (s.screen === 'also') return { ...s, pending: null, screen: 'services', chosen: [], message: a.message };
      return { ...s, pending: null, message: a.message };
    case 'notice':
      return { ...s, message: a.message };
    case 'dismiss':
      return { ...s, message: null };
    case 'reset':
      return INITIAL_STATE;
  }
}

/**
 * The first service stays; another is added at the end (at most MAX_ALSO more)
 * or, when already added, taken off again: the order is the order of the taps.
 */
export function toggleAlso(chosen: readonly string[], serviceId: string): string[] {
  if (chosen.length === 0 || chosen[0] === serviceId) return [...chosen];
  if (chosen.includes(serviceId)) return chosen.filter((id) => id !== serviceId);
  return chosen.length > MAX_ALSO ? [...chosen] : [...chosen, serviceId];
}
