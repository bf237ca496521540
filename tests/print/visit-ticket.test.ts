import { describe, expect, it } from 'vitest';
import type { TicketFacts } from '../../server/app/receipts.js';
import { ticketBlocks } from '../../server/print/ticket-content.js';

/** #17: a ticket for several services lists them in order, numbered (the number needs no translation). */

const facts = (language: string, over: Partial<TicketFacts> = {}): TicketFacts => ({
  officeName: 'Bürgeramt',
  number: 'A042',
  language,
  serviceNames: { de: 'Aufenthalt', en: 'Residence', fa: 'اقامت' },
  issuedAt: Date.UTC(2026, 5, 10, 7, 0),
  timeZone: 'Europe/Berlin',
  position: 3,
  estimate: { low: 10, high: 25 },
  appointmentAt: null,
  statusUrl: 'https://amt.example.org/t/x',
  ...over,
});

const serviceLines = (f: TicketFacts) =>
  ticketBlocks(f).flatMap((b) => (b.kind === 'lines' ? b.lines.filter((l) => l.style === 'service' || l.style === 'serviceDe').map((l) => l.text) : []));

describe('the printed ticket of a visit', () => {
  it('one service: its name as before, unnumbered', () => {
    expect(serviceLines(facts('de'))).toEqual(['Aufenthalt']);
    expect(serviceLines(facts('de', { nextServiceNames: [] }))).toEqual(['Aufenthalt']);
  });

  it('several services: numbered in order, in the visitor\'s language with German alongside', () => {
    const next: Record<string, string>[] = [{ de: 'Integrationskurse', en: 'Integration courses' }, { de: 'Jugendmigrationsdienst' }];
    expect(serviceLines(facts('de', { nextServiceNames: next }))).toEqual(['1. Aufenthalt', '2. Integrationskurse', '3. Jugendmigrationsdienst']);
    expect(serviceLines(facts('en', { nextServiceNames: next }))).toEqual([
      '1. Residence',
      '1. Aufenthalt',
      '2. Integration courses',
      '2. Integrationskurse',
      '3. Jugendmigrationsdienst',
    ]);
    // Digits as the language writes them.
    expect(serviceLines(facts('fa', { nextServiceNames: next }))[0]).toBe('۱. اقامت');
  });
});
