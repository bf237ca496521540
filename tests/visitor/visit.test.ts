import { describe, expect, it } from 'vitest';
import { laterServiceIds, serviceList } from '../../visitor/visit.js';

/** #17: the phone page says "next: …" while a later service of the visit remains. */
describe('the services still to come on the phone page', () => {
  it('lists them while the visit is open, in order', () => {
    for (const status of ['waiting', 'called', 'serving']) {
      expect(laterServiceIds({ status, nextServiceIds: ['integration', 'youth'] })).toEqual(['integration', 'youth']);
    }
  });

  it('none once the visit ended, when none remain, or from a server that sends none', () => {
    for (const status of ['done', 'no_show', 'cancelled']) expect(laterServiceIds({ status, nextServiceIds: ['youth'] })).toEqual([]);
    expect(laterServiceIds({ status: 'waiting', nextServiceIds: [] })).toEqual([]);
    expect(laterServiceIds({ status: 'waiting' })).toEqual([]);
  });

  it("joins the names in the language's own way, keeping their order", () => {
    expect(serviceList(['Integrationskurs'], 'de')).toBe('Integrationskurs');
    expect(serviceList(['Integration', 'Youth'], 'en')).toBe('Integration, Youth');
    const ar = serviceList(['أ', 'ب'], 'ar');
    expect(ar.indexOf('أ')).toBeLessThan(ar.indexOf('ب'));
    expect(serviceList(['a', 'b'], 'not a language tag!')).toBe('a, b');
  });
});
