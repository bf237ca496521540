import { describe, expect, it } from 'vitest';
import type { StaffTicket } from '../../common/dto.js';
import { ticketOutcome } from '../../counter/outcome-messages.js';
import { SHORTCUTS } from '../../counter/shortcuts.js';
import { laterServiceIds, nextServiceChoices } from '../../counter/state.js';
import { counterTextsFor } from '../../counter/texts.js';
import { makeTicket } from '../helpers/ticket-factory.js';

/** #17 at the counter: "Finish and next service" and a visit's further services. */

function staffTicket(serviceId: string, nextServiceIds?: string[]): StaffTicket & { nextServiceIds?: string[] } {
  const { id: _token, ...rest } = makeTicket({ serviceId });
  return { ...rest, position: null, ...(nextServiceIds ? { nextServiceIds } : {}) };
}

const ALL = ['residence', 'integration', 'youth', 'information'];

describe('"Finish and next service"', () => {
  it('offers the listed next service first (the default), then the rest of the visit, then the others; never the one being finished', () => {
    const { ids, listed } = nextServiceChoices(staffTicket('residence', ['youth', 'integration']), ALL);
    expect(ids).toEqual(['youth', 'integration', 'information']);
    expect(listed).toEqual(['youth', 'integration']);
  });

  it('without a listed service it offers every other service in their order (staff add one)', () => {
    expect(nextServiceChoices(staffTicket('residence', []), ALL)).toEqual({ ids: ['integration', 'youth', 'information'], listed: [] });
    expect(nextServiceChoices(staffTicket('residence'), ALL).ids).toEqual(['integration', 'youth', 'information']);
  });

  it('leaves out listed services the counter app does not know (deleted since)', () => {
    expect(nextServiceChoices(staffTicket('residence', ['gone', 'youth']), ALL).ids[0]).toBe('youth');
  });

  it('has its own shortcut and confirms where the visitor went', () => {
    expect(SHORTCUTS['finish-next']).toBe('A');
    const texts = counterTextsFor('de', null);
    expect(ticketOutcome((key, params) => texts.t(key, params), 'finish-next', staffTicket('youth'), 'Jugendmigrationsdienst')).toContain('Jugendmigrationsdienst');
  });
});

describe("a visit's further services", () => {
  it('are the ticket’s nextServiceIds in order; none from a server that sends none', () => {
    expect(laterServiceIds(staffTicket('residence', ['youth', 'integration']))).toEqual(['youth', 'integration']);
    expect(laterServiceIds(staffTicket('residence'))).toEqual([]);
  });
});
