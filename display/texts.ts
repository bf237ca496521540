import { createContext } from '../common/client/context.js';
import { makeTexts, type Texts } from '../common/client/texts.js';
import { DISPLAY_CATALOGS, type DisplayKey } from '../common/i18n/display/index.js';

/** The screen's own labels in its language (`?lang=`), and the office's zone for the clock. */
export type DisplayTexts = Texts<DisplayKey>;

/** Provided by display-app; every display element consumes it. */
export const displayTexts = createContext<DisplayTexts>('display-texts');

export function displayTextsFor(lang: string, timeZone: string | null): DisplayTexts {
  return makeTexts(DISPLAY_CATALOGS, lang, timeZone);
}
