import { isVisitorLanguage, type VisitorLanguage } from './i18n/languages.js';
import type { Device } from './model.js';

/**
 * What an admin sets per device (#15). The values live in the device's
 * settings object next to secrets the server keeps to itself (token hashes),
 * so these readers pick the known keys and fill in defaults: a record from
 * before #15, or one typed by hand, still gives a working kiosk or screen.
 */

export type Orientation = 'auto' | 'landscape' | 'portrait';
export const ORIENTATIONS: readonly Orientation[] = ['auto', 'landscape', 'portrait'];
export const PAPER_WIDTHS = [576, 384] as const;
export type PaperWidthDots = (typeof PAPER_WIDTHS)[number];

export interface KioskConfig {
  /** `tcp://host[:port]`, a device path, or `none`. */
  printer: string;
  paperWidthDots: PaperWidthDots;
  /** Ask a network printer for its status before printing (off for printers that never answer). */
  statusQuery: boolean;
  /** Services offered at this kiosk, in kiosk order; null offers every active service. */
  serviceIds: string[] | null;
  /** Visitor languages offered on its language screen; null offers all. */
  languages: VisitorLanguage[] | null;
  /** Seconds without a touch before the kiosk asks whether someone is still there. */
  idleSeconds: number;
}

export interface TickerText {
  lang: VisitorLanguage;
  text: string;
}

export interface DisplayConfig {
  /** Visitor languages a call is spoken in after German: 'all', or a list (empty: German only). */
  announce: 'all' | VisitorLanguage[];
  /** The office's own ticker texts, shown before the built-in ones. */
  tickerTexts: TickerText[];
  /** How many earlier calls are listed under the current one. */
  historySize: number;
  showWaiting: boolean;
  orientation: Orientation;
}

export const IDLE_SECONDS = { min: 15, max: 600, default: 60 } as const;
export const HISTORY_SIZE = { min: 3, max: 12, default: 7 } as const;
export const TICKER_TEXT_MAX = 300;
export const TICKER_TEXTS_MAX = 20;

const languages = (v: unknown): VisitorLanguage[] | null =>
  Array.isArray(v) ? v.filter((l): l is VisitorLanguage => typeof l === 'string' && isVisitorLanguage(l)) : null;

const int = (v: unknown, r: { min: number; max: number; default: number }): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= r.min && v <= r.max ? v : r.default;

export function kioskConfig(settings: Record<string, unknown>): KioskConfig {
  const s = settings;
  return {
    printer: typeof s.printer === 'string' && s.printer !== '' ? s.printer : 'none',
    paperWidthDots: s.paperWidthDots === 384 ? 384 : 576,
    statusQuery: s.statusQuery !== false,
    serviceIds: Array.isArray(s.serviceIds) ? s.serviceIds.filter((x): x is string => typeof x === 'string') : null,
    languages: languages(s.languages),
    idleSeconds: int(s.idleSeconds, IDLE_SECONDS),
  };
}

export function displayConfig(settings: Record<string, unknown>): DisplayConfig {
  const s = settings;
  const tickers: unknown[] = Array.isArray(s.tickerTexts) ? s.tickerTexts : [];
  const isTicker = (t: unknown): t is TickerText => {
    const o = t as Partial<Record<keyof TickerText, unknown>> | null;
    return typeof o === 'object' && o !== null && typeof o.lang === 'string' && isVisitorLanguage(o.lang) && typeof o.text === 'string';
  };
  return {
    announce: s.announce === 'all' || s.announce === undefined ? 'all' : (languages(s.announce) ?? 'all'),
    tickerTexts: tickers
      .filter(isTicker)
      .map((t) => ({ lang: t.lang, text: t.text.slice(0, TICKER_TEXT_MAX) })),
    historySize: int(s.historySize, HISTORY_SIZE),
    showWaiting: s.showWaiting !== false,
    orientation: ORIENTATIONS.find((o) => o === s.orientation) ?? 'auto',
  };
}

/** A screen's record as the screen itself may read it (no secrets: screens are not authenticated). */
export interface PublicDisplay {
  id: string;
  name: string;
  area: string | null;
  config: DisplayConfig;
  version: number;
}

export function publicDisplay(d: Device & { version: number }): PublicDisplay {
  return { id: d.id, name: d.name, area: d.area, config: displayConfig(d.settings), version: d.version };
}

/** A kiosk's own settings as the kiosk reads them (`GET /api/kiosks/me/settings`): what it offers, and when it resets. */
export interface KioskSettings {
  id: string;
  /** Services offered, in kiosk order; null: every active service. */
  serviceIds: string[] | null;
  /** Languages on the start screen; null: all. */
  languages: VisitorLanguage[] | null;
  idleSeconds: number;
  version: number;
}

export function kioskSettingsOf(d: Device & { version: number }): KioskSettings {
  const { serviceIds, languages, idleSeconds } = kioskConfig(d.settings);
  return { id: d.id, serviceIds, languages, idleSeconds, version: d.version };
}

/** Whether a kiosk with these settings offers the service (it draws only those). */
export function kioskOffers(settings: Pick<KioskConfig, 'serviceIds'>, serviceId: string): boolean {
  return settings.serviceIds === null || settings.serviceIds.includes(serviceId);
}
