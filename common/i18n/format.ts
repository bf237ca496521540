import { IntlMessageFormat } from 'intl-messageformat';

/**
 * ICU message formatting over plain catalogs. The same catalogs serve the
 * browser apps and the server (printed ticket, spoken announcement), so a
 * text exists once per language.
 */
export type Catalog<K extends string> = Readonly<Record<K, string>>;
/** Catalogs by language; a language may be missing (e.g. still loading): its texts fall back. */
export type Catalogs<K extends string> = Readonly<Partial<Record<string, Catalog<K>>>>;
export type Params = Record<string, string | number | Date>;

export interface Translator<K extends string> {
  readonly lang: string;
  t(key: K, params?: Params): string;
}

const cache = new Map<string, IntlMessageFormat>();

function compiled(message: string, lang: string): IntlMessageFormat {
  const id = `${lang}\u0000${message}`;
  let f = cache.get(id);
  if (!f) {
    f = new IntlMessageFormat(message, lang);
    cache.set(id, f);
  }
  return f;
}

/** Falls back to the source language, then to the key, never to an empty string. */
export function translator<K extends string>(catalogs: Catalogs<K>, lang: string, fallback = 'de'): Translator<K> {
  const primary = catalogs[lang];
  const source = catalogs[fallback];
  return {
    lang: primary ? lang : fallback,
    t(key, params) {
      const message = primary?.[key] ?? source?.[key];
      if (message === undefined) return key;
      return String(compiled(message, primary?.[key] !== undefined ? lang : fallback).format(params));
    },
  };
}
