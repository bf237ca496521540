import { getHolidays } from 'feiertagejs';
import { GERMAN_STATES } from '../../common/admin-schemas.js';

/**
 * #15: the German public holidays of a Bundesland in a year, computed (Easter
 * based and fixed ones) by the maintained `feiertagejs` package (MIT, no
 * dependencies), so an admin adds them with one button instead of typing them.
 */

export { GERMAN_STATES };
/** The 16 Länder by their two-letter codes. */
export type GermanState = (typeof GERMAN_STATES)[number];

export interface PublicHoliday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** German name, e.g. "Ostermontag". */
  name: string;
}

export function isGermanState(code: string): code is GermanState {
  return (GERMAN_STATES as readonly string[]).includes(code);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The state's public holidays of `year`, by date. */
export function germanPublicHolidays(state: GermanState, year: number): PublicHoliday[] {
  return getHolidays(year, state)
    .map((h) => ({
      // The package builds each date at noon UTC; its own dateString goes through the process's
      // local time and slips a day far east of UTC (UTC+12 and beyond), so read the UTC fields.
      date: `${h.date.getUTCFullYear()}-${pad(h.date.getUTCMonth() + 1)}-${pad(h.date.getUTCDate())}`,
      name: h.translate('de') ?? h.name,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
