import { translator } from '../../common/i18n/format.js';
import { textDirection } from '../../common/i18n/languages.js';
import { TICKET_CATALOGS, type TicketKey } from '../../common/i18n/ticket/index.js';
import type { TicketFacts } from '../app/receipts.js';

export type LineStyle = 'office' | 'label' | 'labelDe' | 'service' | 'serviceDe' | 'text' | 'footer' | 'footerDe';

export interface TextLine {
  text: string;
  style: LineStyle;
  dir: 'ltr' | 'rtl';
  /** BCP-47 tag, so the renderer shapes with the right language rules. */
  lang: string;
}

/** The ticket from top to bottom: text blocks, the big number, the QR code, rules. */
export type TicketBlock =
  | { kind: 'lines'; lines: TextLine[] }
  | { kind: 'number'; text: string }
  | { kind: 'qr'; data: string }
  | { kind: 'rule' }
  | { kind: 'gap'; size: 'small' | 'large' };

/**
 * The ticket in the visitor's language with German alongside where staff or
 * a companion may need it: the labels, the service and the footer. Dates are
 * formatted in the office's time zone with the Gregorian calendar (what the
 * office's letters and appointment slips use), digits as the language writes them.
 */
export function ticketBlocks(f: TicketFacts): TicketBlock[] {
  const visitor = translator(TICKET_CATALOGS, f.language);
  const lang = visitor.lang;
  const german = translator(TICKET_CATALOGS, 'de');
  const bilingual = lang !== 'de';
  const dir = textDirection(lang);
  const line = (text: string, style: LineStyle): TextLine => ({ text, style, dir, lang });
  const de = (text: string, style: LineStyle): TextLine => ({ text, style, dir: 'ltr', lang: 'de' });
  const both = (key: TicketKey, style: LineStyle, styleDe: LineStyle): TextLine[] => [
    line(visitor.t(key), style),
    ...(bilingual ? [de(german.t(key), styleDe)] : []),
  ];
  const time = (at: number) => clockTime(at, lang, f.timeZone);
  // Plain {low} arguments are not localised by ICU: format them, so Persian gets ۱۰ like the rest of its ticket.
  const num = new Intl.NumberFormat(intlLocale(lang));

  // #17: a visit of several services lists them in order, numbered (1. … 2. …): the number needs no words to translate.
  const services = [f.serviceNames, ...(f.nextServiceNames ?? [])];
  const numbered = services.length > 1;
  const serviceLines = services.flatMap((names, i) => {
    const serviceDe = names.de ?? Object.values(names)[0] ?? '';
    const serviceOwn = names[lang] ?? serviceDe;
    const mark = numbered ? `${num.format(i + 1)}. ` : '';
    return [line(mark + serviceOwn, 'service'), ...(bilingual && serviceOwn !== serviceDe ? [de(mark + serviceDe, 'serviceDe')] : [])];
  });
  const details: TextLine[] = [line(longDate(f.issuedAt, lang, f.timeZone), 'text'), line(visitor.t('drawnAt', { time: time(f.issuedAt) }), 'text')];
  if (f.appointmentAt !== null) details.push(line(visitor.t('appointmentAt', { time: time(f.appointmentAt) }), 'text'));
  if (f.position !== null) {
    details.push(line(visitor.t('ahead', { ahead: f.position - 1 }), 'text'));
    details.push(
      line(f.estimate ? visitor.t('estimate', { low: num.format(f.estimate.low), high: num.format(f.estimate.high) }) : visitor.t('estimateUnknown'), 'text'),
    );
  }

  return [
    { kind: 'lines', lines: [de(f.officeName, 'office')] },
    { kind: 'rule' },
    { kind: 'lines', lines: both('yourNumber', 'label', 'labelDe') },
    { kind: 'number', text: f.number },
    { kind: 'lines', lines: serviceLines },
    { kind: 'gap', size: 'small' },
    { kind: 'lines', lines: details },
    { kind: 'gap', size: 'small' },
    { kind: 'qr', data: f.statusUrl },
    { kind: 'lines', lines: [line(visitor.t('scanQr'), 'text')] },
    { kind: 'rule' },
    { kind: 'lines', lines: both('pleaseWait', 'footer', 'footerDe') },
  ];
}

function longDate(at: number, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'full', timeZone, calendar: 'gregory' }).format(at);
}

function clockTime(at: number, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, calendar: 'gregory' }).format(at);
}

/** Intl falls back to the host's language for tags it lacks; say so explicitly instead. */
function intlLocale(lang: string): string {
  return Intl.DateTimeFormat.supportedLocalesOf([lang]).length > 0 ? lang : 'de';
}
