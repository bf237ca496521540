import type { PublicService } from '../common/dto.js';
import type { Params } from '../common/i18n/format.js';
import { COUNTER_CATALOGS, type CounterKey } from '../common/i18n/counter/index.js';
import { languageInfo } from '../common/i18n/languages.js';

/** The current language's formatter (CounterTexts.t). */
export type T = (key: CounterKey, params?: Params) => string;

/** An error as the desk shows it: a code to translate and the server's own message as fallback. */
export interface DeskError {
  code: string;
  message: string;
}

/** An error in the staff's language where we know its code, else the server's own message. */
export function errorText(t: T, err: DeskError): string {
  const key = `err_${err.code}`;
  return key in COUNTER_CATALOGS.de ? t(key as CounterKey) : err.message;
}

export function serviceName(services: readonly PublicService[], id: string, lang: string): string {
  const names = services.find((s) => s.id === id)?.names;
  return names?.[lang] ?? names?.de ?? id;
}

/** A visitor language by name in the staff's language: German names from our list, others from Intl. */
export function languageName(code: string, lang: string): string {
  if (lang === 'de') return languageInfo(code)?.nameDe ?? code;
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return languageInfo(code)?.nameDe ?? code;
  }
}
