import type { Catalogs, Params, Translator } from '../i18n/format.js';
import { translator } from '../i18n/format.js';
import { textDirection } from '../i18n/languages.js';
import { clockFormat } from './office-time.js';

/**
 * What every element of an app gets from its root (through the app's texts
 * context) to speak the current language: the app's texts and times on the
 * office's clock. A new object per language and zone, so elements re-render.
 */
export interface Texts<K extends string> extends Translator<K> {
  readonly dir: 'ltr' | 'rtl';
  /** The office's zone once a snapshot has named it. */
  readonly timeZone: string | null;
  /** "09:05" on the office's clock; empty until the zone is known, never the device's time. */
  time(at: number): string;
}

export function makeTexts<K extends string>(catalogs: Catalogs<K>, lang: string, timeZone: string | null): Texts<K> {
  const tr = translator(catalogs, lang);
  const clock = timeZone ? clockFormat(tr.lang, timeZone) : () => '';
  return {
    lang: tr.lang,
    dir: textDirection(tr.lang),
    timeZone,
    t: (key: K, params?: Params) => tr.t(key, params),
    time: clock,
  };
}
