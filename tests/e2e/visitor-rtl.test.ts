import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffTicket } from '../../common/dto.js';
import { counterAction, issue } from '../realtime/support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { expectNoAxeViolations, openTicketPage, phone, seeText } from './visitor-support.js';

/** An Arabic ticket: the page is right-to-left in Arabic, the call screen adds German, and the language can be switched. */
describe('visitor page in Arabic', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  beforeAll(async () => {
    // A German phone: the ticket's language wins over the browser's.
    context = await phone(e2e.browser, 'de-DE');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('is RTL, accessible, called in Arabic and German, and switchable', async () => {
    const staff = await e2e.server.login('kmansour');
    const t = await issue(e2e.server.url, 'residence', 'ar');
    const { page, errors } = await openTicketPage(context, e2e.server, t.statusUrl);
    await seeText(page, 'دورك هو التالي.');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await seeText(page, 'تصريح الإقامة');
    // The card's text runs from the right: its start edge is on the right-hand side.
    const card = page.locator('visitor-ticket-card .card');
    expect(await card.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const label = await page.locator('visitor-ticket-card .label').first().boundingBox();
    const box = await card.boundingBox();
    expect(label && box && label.x + label.width).toBeGreaterThan((box?.x ?? 0) + (box?.width ?? 0) - 40);
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-ar-waiting');

    await counterAction(e2e.server.url, staff, 'schalter-4', 'open');
    expect((await counterAction<StaffTicket>(e2e.server.url, staff, 'schalter-4', 'call-next')).body.number).toBe(t.number);
    await seeText(page, 'حان دورك!');
    await seeText(page, 'يرجى التوجه إلى Schalter 4.');
    await seeText(page, 'Bitte kommen Sie zu Schalter 4.');
    expect(await page.locator('visitor-call-screen p.de').getAttribute('lang')).toBe('de');
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-ar-called');
    await page.getByRole('button', { name: 'حسنًا، أنا قادم' }).click();

    await page.getByLabel('اللغة').selectOption('de');
    await seeText(page, 'Bitte kommen Sie zu Schalter 4.');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['de', 'ltr']);
    // The choice survives a reload of the tab.
    await page.reload();
    await seeText(page, 'Sie sind dran!');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByLabel('Sprache').selectOption('fa');
    await seeText(page, 'نوبت شماست!');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await counterAction(e2e.server.url, staff, 'schalter-4', 'no-show');
    expect(errors).toEqual([]);
  });
});
