import { translator, type Translator } from '../format.js';
import { isVisitorLanguage, type VisitorLanguage } from '../languages.js';
import { ANNOUNCE_CATALOGS, type AnnounceKey } from './index.js';

/** What an announcement says: the same for the server's WAV and a browser voice. */
export interface CallToSpeak {
  number: string;
  counterName: string;
  recall: boolean;
}

export interface Place {
  place: 'counter' | 'room' | 'name';
  /** The counter's or room's number, as it should be read. */
  n: string;
  name: string;
}

/**
 * Counter names are the office's German names. "Schalter 3" and "Raum 1.14"
 * follow a pattern, so other languages can say their own word for counter or
 * room with the number; any other name is spoken as it is written.
 */
const PLACE_PATTERNS: ReadonlyArray<readonly [RegExp, 'counter' | 'room']> = [
  [/^(?:Schalter|Platz|Theke)\s+(\S+)$/iu, 'counter'],
  [/^(?:Raum|Zimmer|Büro)\s+(\S+)$/iu, 'room'],
];

export function placeOf(counterName: string): Place {
  const name = counterName.trim();
  for (const [pattern, place] of PLACE_PATTERNS) {
    const m = pattern.exec(name);
    // "1.14" read as a decimal would be "one point one four": the dot becomes a pause.
    if (m?.[1]) return { place, n: m[1].replace(/(\d)[./](?=\d)/gu, '$1 '), name };
  }
  return { place: 'name', n: '', name };
}

/** "A017" → "A 17" with the letter spelled the way the language's voice says it. */
export function spokenNumber(t: Translator<AnnounceKey>, number: string): string {
  const m = /^(\p{L}*)(\d+)(.*)$/u.exec(number.trim());
  if (!m) return number;
  const [, letters = '', digits = '', rest = ''] = m;
  const spelled = [...letters].map((letter) => t.t('letter', { letter: letter.toUpperCase() }));
  return [...spelled, String(Number(digits)), rest].filter((part) => part !== '').join(' ');
}

/** The announcement of one call in one language, e.g. "Nummer A 17, bitte zu Schalter 3." */
export function announcementText(lang: VisitorLanguage, call: CallToSpeak): string {
  const t = translator(ANNOUNCE_CATALOGS, lang);
  // German is the office's own language: its names are spoken as they are written.
  const place = lang === 'de' ? { place: 'name', n: '', name: call.counterName.trim() } : placeOf(call.counterName);
  const text = t.t('call', { number: spokenNumber(t, call.number), ...place });
  return call.recall ? `${t.t('recall')} ${text}` : text;
}

/** The visitor language of a ticket ("ku-Latn" → "ku"), if it is one we can speak. */
export function visitorLanguageOf(tag: string): VisitorLanguage | null {
  const base = tag.toLowerCase().split('-')[0] ?? '';
  return isVisitorLanguage(base) ? base : null;
}

/**
 * German first, then the visitor's own language when it differs and the
 * office announces in it (`enabled`: the languages it announces besides German).
 */
export function spokenLanguages(ticketLanguage: string, enabled: 'all' | readonly string[]): VisitorLanguage[] {
  const own = visitorLanguageOf(ticketLanguage);
  if (!own || own === 'de') return ['de'];
  return enabled === 'all' || enabled.includes(own) ? ['de', own] : ['de'];
}
