import type { PublicDisplay } from '../common/device-config.js';
import { isVisitorLanguage, VISITOR_LANGUAGES, type VisitorLanguage } from '../common/i18n/languages.js';

export type Orientation = 'auto' | 'landscape' | 'portrait';
/** speech: chime, then the spoken announcement; chime: the chime only; off: silent. */
export type SoundMode = 'speech' | 'chime' | 'off';
/** server: eSpeak WAVs from the server (same everywhere); browser: the browser's own voice where it has one. */
export type VoiceSource = 'server' | 'browser';

export interface TickerMessage {
  lang: string;
  text: string;
}

/** One screen's configuration: its device record (`?device=<id>`), then its URL (see README "Display"). */
export interface DisplaySettings {
  /** The screen's device record, whose settings it follows live; null: the URL alone. */
  deviceId: string | null;
  /** Areas whose counters this screen shows; null shows all. */
  areas: readonly string[] | null;
  orientation: Orientation;
  /** Visitor languages spoken after German: 'all', or a list (empty: German only). */
  announce: 'all' | readonly VisitorLanguage[];
  sound: SoundMode;
  voice: VoiceSource;
  showWaiting: boolean;
  /** How many earlier calls are listed under the current one. */
  historySize: number;
  /** Language of the screen's own labels. */
  lang: VisitorLanguage;
  tickerEnabled: boolean;
  /** The office's own ticker messages, shown before the built-in ones. */
  tickerMessages: readonly TickerMessage[];
}

export const HISTORY_DEFAULT = 7;
export const HISTORY_MIN = 3;
export const HISTORY_MAX = 12;
const TICKER_TEXT_MAX = 300;

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === value?.trim().toLowerCase()) ?? fallback;
}

/** The device named by `?device=`, if any: its record is read before anything else. */
export function deviceOf(search: string): string | null {
  const id = new URLSearchParams(search).get('device')?.trim() ?? '';
  return /^[A-Za-z0-9_.-]{1,64}$/.test(id) ? id : null;
}

/**
 * Reads the query string over the device record's settings (an admin's
 * choice; a URL parameter still wins, for a quick test). A screen on a wall
 * must come up whatever was typed, so an unknown value falls back to its
 * default instead of failing.
 */
export function readSettings(search: string, device: PublicDisplay | null = null): DisplaySettings {
  const q = new URLSearchParams(search);
  if (device) withDevice(q, device);
  const areas = list(q.get('area'));
  const announceRaw = q.get('announce')?.trim().toLowerCase() ?? 'all';
  const announce =
    announceRaw === 'all' || announceRaw === '' ? 'all' : announceRaw === 'none' ? [] : list(announceRaw).filter(isVisitorLanguage);
  const soundRaw = q.get('sound')?.trim().toLowerCase();
  const history = Number(q.get('history'));
  const lang = q.get('lang')?.trim().toLowerCase() ?? 'de';
  const tickerRaw = q.getAll('ticker');
  return {
    deviceId: device?.id ?? deviceOf(search),
    areas: areas.length > 0 ? areas : null,
    orientation: oneOf(q.get('orientation'), ['auto', 'landscape', 'portrait'], 'auto'),
    announce,
    sound: soundRaw === 'on' ? 'speech' : oneOf(soundRaw ?? null, ['speech', 'chime', 'off'], 'speech'),
    voice: oneOf(q.get('voice'), ['server', 'browser'], 'server'),
    showWaiting: !['0', 'false', 'no', 'off'].includes(q.get('waiting')?.trim().toLowerCase() ?? ''),
    historySize: Number.isInteger(history) && history > 0 ? Math.min(HISTORY_MAX, Math.max(HISTORY_MIN, history)) : HISTORY_DEFAULT,
    lang: isVisitorLanguage(lang) ? lang : 'de',
    tickerEnabled: !tickerRaw.some((t) => t.trim().toLowerCase() === 'off'),
    tickerMessages: tickerRaw.filter((t) => t.trim() !== '' && t.trim().toLowerCase() !== 'off').map((t) => tickerMessage(t, lang)),
  };
}

/** The device record's settings as the URL parameters they stand for, where the URL names none. */
function withDevice(q: URLSearchParams, d: PublicDisplay): void {
  const c = d.config;
  const set = (key: string, value: string) => {
    if (!q.has(key)) q.set(key, value);
  };
  if (d.area) set('area', d.area);
  set('announce', c.announce === 'all' ? 'all' : c.announce.length === 0 ? 'none' : c.announce.join(','));
  set('history', String(c.historySize));
  set('waiting', c.showWaiting ? 'on' : 'off');
  set('orientation', c.orientation);
  if (!q.has('ticker')) for (const t of c.tickerTexts) q.append('ticker', `${t.lang}:${t.text}`);
}

/** "ar:نص" is a message in Arabic; text without a language prefix is in the screen's language. */
function tickerMessage(raw: string, screenLang: string): TickerMessage {
  const m = /^([a-z]{2,3}):\s*(.+)$/su.exec(raw.trim());
  const text = (m && isVisitorLanguage(m[1] ?? '') ? (m[2] ?? '') : raw.trim()).slice(0, TICKER_TEXT_MAX);
  const lang = m && isVisitorLanguage(m[1] ?? '') ? (m[1] ?? 'de') : isVisitorLanguage(screenLang) ? screenLang : 'de';
  return { lang, text };
}

export function inArea(settings: Pick<DisplaySettings, 'areas'>, area: string): boolean {
  return settings.areas === null || settings.areas.includes(area);
}

/** Every language the built-in ticker texts rotate through. */
export const TICKER_LANGUAGES: readonly VisitorLanguage[] = VISITOR_LANGUAGES;
