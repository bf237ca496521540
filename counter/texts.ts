import { createContext } from '../common/client/context.js';
import { makeTexts, type Texts } from '../common/client/texts.js';
import { COUNTER_CATALOGS, type CounterKey } from '../common/i18n/counter/index.js';

/** The staff's language and times on the office's clock. */
export type CounterTexts = Texts<CounterKey>;

/** Provided by counter-app; every counter element consumes it. */
export const counterTexts = createContext<CounterTexts>('counter-texts');

export function counterTextsFor(lang: string, timeZone: string | null): CounterTexts {
  return makeTexts(COUNTER_CATALOGS, lang, timeZone);
}
