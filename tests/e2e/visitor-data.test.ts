import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue } from '../realtime/support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { expectNoAxeViolations, openTicketPage, phone, seeText } from './visitor-support.js';

/** #17 the visitor's right of access: the phone page links to what is stored, in the visitor's language. */
describe('visitor page: your data', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await phone(e2e.browser);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('the phone page links to the data view, which lists the ticket and leads back', async () => {
    const mine = await issue(e2e.server.url, 'residence');
    const { page, errors } = await openTicketPage(context, e2e.server, mine.statusUrl);
    await page.getByRole('link', { name: 'Welche Daten sind über mich gespeichert?' }).click();
    await seeText(page, 'Ihre Daten');
    await seeText(page, mine.number);
    await seeText(page, 'Notizen der Mitarbeitenden');
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-data');
    await page.getByRole('link', { name: 'Zurück zu meiner Nummer' }).click();
    await page.getByRole('link', { name: 'Welche Daten sind über mich gespeichert?' }).waitFor();
    expect(errors).toEqual([]);
  });
});
