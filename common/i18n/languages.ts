/**
 * The visitor languages, each named in its own language and script (never by
 * a flag: languages are not countries). Order is the order on the kiosk.
 */
export interface LanguageInfo {
  code: VisitorLanguage;
  /** The language's own name for itself. */
  name: string;
  /** German name, for staff screens. */
  nameDe: string;
  dir: 'ltr' | 'rtl';
  /** The script, so apps can pick fonts. */
  script: 'Latn' | 'Arab' | 'Cyrl' | 'Ethi';
}

export const VISITOR_LANGUAGES = ['de', 'en', 'tr', 'ar', 'fa', 'ku', 'ru', 'uk', 'pl', 'ro', 'bg', 'sq', 'fr', 'ti'] as const;
export type VisitorLanguage = (typeof VISITOR_LANGUAGES)[number];

export const LANGUAGES: readonly LanguageInfo[] = [
  { code: 'de', name: 'Deutsch', nameDe: 'Deutsch', dir: 'ltr', script: 'Latn' },
  { code: 'en', name: 'English', nameDe: 'Englisch', dir: 'ltr', script: 'Latn' },
  { code: 'tr', name: 'Türkçe', nameDe: 'Türkisch', dir: 'ltr', script: 'Latn' },
  { code: 'ar', name: 'العربية', nameDe: 'Arabisch', dir: 'rtl', script: 'Arab' },
  { code: 'fa', name: 'فارسی', nameDe: 'Persisch', dir: 'rtl', script: 'Arab' },
  { code: 'ku', name: 'Kurdî (Kurmancî)', nameDe: 'Kurdisch (Kurmandschi)', dir: 'ltr', script: 'Latn' },
  { code: 'ru', name: 'Русский', nameDe: 'Russisch', dir: 'ltr', script: 'Cyrl' },
  { code: 'uk', name: 'Українська', nameDe: 'Ukrainisch', dir: 'ltr', script: 'Cyrl' },
  { code: 'pl', name: 'Polski', nameDe: 'Polnisch', dir: 'ltr', script: 'Latn' },
  { code: 'ro', name: 'Română', nameDe: 'Rumänisch', dir: 'ltr', script: 'Latn' },
  { code: 'bg', name: 'Български', nameDe: 'Bulgarisch', dir: 'ltr', script: 'Cyrl' },
  { code: 'sq', name: 'Shqip', nameDe: 'Albanisch', dir: 'ltr', script: 'Latn' },
  { code: 'fr', name: 'Français', nameDe: 'Französisch', dir: 'ltr', script: 'Latn' },
  { code: 'ti', name: 'ትግርኛ', nameDe: 'Tigrinya', dir: 'ltr', script: 'Ethi' },
];

export function isVisitorLanguage(code: string): code is VisitorLanguage {
  return (VISITOR_LANGUAGES as readonly string[]).includes(code);
}

export function languageInfo(code: string): LanguageInfo | undefined {
  return LANGUAGES.find((l) => l.code === code);
}

export function textDirection(code: string): 'ltr' | 'rtl' {
  return languageInfo(code)?.dir ?? 'ltr';
}
