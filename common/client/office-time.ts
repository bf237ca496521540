/**
 * Times as the office's clock shows them, whatever zone the device is set to:
 * a kiosk or phone set to another zone must still say 09:05 for a ticket drawn
 * at 09:05 in the office. The zone comes with every snapshot (`timeZone`).
 */
const dates = new Map<string, Intl.DateTimeFormat>();

/** Any date or time of an instant as the office's calendar and clock show it. */
export function officeFormat(lang: string, timeZone: string, options: Intl.DateTimeFormatOptions): (at: number) => string {
  const f = new Intl.DateTimeFormat(lang, { ...options, timeZone });
  return (at) => f.format(at);
}

/** Hours and minutes ("09:05") in the language's style, on the office's clock. */
export function clockFormat(lang: string, timeZone: string, options: Intl.DateTimeFormatOptions = {}): (at: number) => string {
  return officeFormat(lang, timeZone, { hour: '2-digit', minute: '2-digit', ...options });
}

/** The office day an instant falls on, `YYYY-MM-DD`: numbers start afresh with each one. */
export function officeDate(at: number, timeZone: string): string {
  let f = dates.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dates.set(timeZone, f);
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => f.formatToParts(at).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
