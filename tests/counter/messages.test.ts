import { describe, expect, it } from 'vitest';
import { translator } from '../../common/i18n/format.js';
import { COUNTER_CATALOGS, type CounterKey } from '../../common/i18n/counter/index.js';
import { errorText, languageName, type T } from '../../counter/i18n.js';
import { reprintOutcome, ticketOutcome } from '../../counter/outcome-messages.js';
import { counterTextsFor } from '../../counter/texts.js';
import { stopwatch, wholeMinutes } from '../../counter/time-format.js';
import { makeTicket } from '../helpers/ticket-factory.js';

const tIn = (lang: string): T => {
  const tr = translator<CounterKey>(COUNTER_CATALOGS, lang);
  return (key, params) => tr.t(key, params);
};
const de = tIn('de');
const en = tIn('en');
const staffTicket = (o: Parameters<typeof makeTicket>[0] = {}) => ({ ...makeTicket({ number: 'A017', ...o }), position: null });

describe('counter messages', () => {
  it('confirm each command with the ticket’s number', () => {
    expect(ticketOutcome(de, 'call-next', staffTicket({ status: 'called' }))).toBe('A017 ist aufgerufen.');
    expect(ticketOutcome(de, 'call-next', null)).toBe('Im Moment wartet niemand für diesen Schalter.');
    expect(ticketOutcome(en, 'finish', staffTicket({ status: 'done' }))).toBe('A017 is finished.');
    expect(ticketOutcome(de, 'transfer', staffTicket(), 'Einbürgerung')).toBe('A017 ist weitergeleitet an Einbürgerung.');
    // Returning a ticket called too often makes it a no-show on the server; say so.
    expect(ticketOutcome(de, 'return', staffTicket({ status: 'waiting' }))).toBe('A017 steht wieder in der Warteschlange.');
    expect(ticketOutcome(de, 'return', staffTicket({ status: 'no_show' }))).toBe('A017 wurde zu oft aufgerufen und ist als nicht erschienen vermerkt.');
  });

  it('read the reprint answer defensively', () => {
    expect(reprintOutcome(de, 'A017', { status: 'printed', kioskId: 'k' })).toBe('A017 ist nachgedruckt.');
    expect(reprintOutcome(de, 'A017', { status: 'failed', reason: 'Papier leer' })).toBe('Nachdruck von A017 fehlgeschlagen: Papier leer');
    expect(reprintOutcome(de, 'A017', { print: { status: 'none' } })).toBe('Für A017 ist kein Drucker eingerichtet.');
    expect(reprintOutcome(de, 'A017', null)).toBe('Der Nachdruck von A017 ist unterwegs.');
  });

  it('translate known error codes and pass the server’s message through otherwise', () => {
    expect(errorText(de, { code: 'COUNTER_BUSY', message: 'The counter still has a current ticket.' })).toBe(
      'Schließen Sie zuerst die aktuelle Nummer ab oder stellen Sie sie zurück.',
    );
    expect(errorText(en, { code: 'COUNTER_NOT_YOURS', message: 'x' })).toBe('Someone else opened this counter.');
    expect(errorText(de, { code: 'NOT_FOUND', message: 'No route POST /api/tickets/abc/reprint' })).toBe('No route POST /api/tickets/abc/reprint');
  });

  it('name visitor languages in the staff’s language', () => {
    expect(languageName('ti', 'de')).toBe('Tigrinya');
    expect(languageName('fa', 'de')).toBe('Persisch');
    expect(languageName('uk', 'en')).toBe('Ukrainian');
  });

  it('format times for the desk', () => {
    expect(wholeMinutes(59_999)).toBe(0);
    expect(wholeMinutes(-5000)).toBe(0);
    expect(wholeMinutes(12 * 60_000 + 1)).toBe(12);
    expect(stopwatch(65_000)).toBe('1:05');
    expect(stopwatch(3_725_000)).toBe('1:02:05');
    expect(stopwatch(-1)).toBe('0:00');
    // Clock times are the office's, whatever zone the staff PC is set to.
    expect(counterTextsFor('de', 'Europe/Berlin').time(Date.UTC(2026, 5, 10, 7, 5))).toBe('09:05');
    expect(counterTextsFor('en', 'Europe/Berlin').time(Date.UTC(2026, 0, 10, 7, 5))).toMatch(/^08:05\sAM$/);
  });
});
