import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffTicket } from '../../common/dto.js';
import { api, counterAction, issue } from '../realtime/support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { expectNoAxeViolations, openTicketPage, phone, seeText } from './visitor-support.js';

/**
 * The whole visit on a phone: draw via the API, follow the place in line
 * live, get called without reloading, then answer the one feedback question
 * exactly once. Schalter 3 (residence) is staffed by ayilmaz.
 */
describe('visitor page: from waiting to feedback', () => {
  const e2e = useE2e();
  let context: BrowserContext;
  let staff: string;

  beforeAll(async () => {
    context = await phone(e2e.browser, 'en-GB');
    staff = await e2e.server.login('ayilmaz');
    expect((await counterAction(e2e.server.url, staff, 'schalter-3', 'open')).status).toBe(200);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the live position, the call screen, and stores one feedback', async () => {
    const first = await issue(e2e.server.url, 'residence', 'de');
    const second = await issue(e2e.server.url, 'residence', 'tr');
    const mine = await issue(e2e.server.url, 'residence', 'en');
    const { page, errors } = await openTicketPage(context, e2e.server, mine.statusUrl);
    const call = () => counterAction<StaffTicket>(e2e.server.url, staff, 'schalter-3', 'call-next');
    const act = (action: string) => counterAction(e2e.server.url, staff, 'schalter-3', action);

    await seeText(page, '2 people are ahead of you.');
    expect(await page.locator('visitor-ticket-card h1').innerText()).toBe(mine.number);
    await seeText(page, 'Residence permit');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
    // Proof that nothing below reloads the page.
    await page.evaluate(() => (window.__sameDocument = true));
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-waiting');

    expect((await call()).body.number).toBe(first.number);
    await seeText(page, '1 person is ahead of you.');
    await act('no-show');
    expect((await call()).body.number).toBe(second.number);
    await seeText(page, 'You are next.');
    await act('no-show');

    expect((await call()).body.number).toBe(mine.number);
    const screen = page.locator('visitor-call-screen');
    await screen.waitFor({ state: 'visible' });
    await seeText(page, 'It’s your turn!');
    await seeText(page, 'Please go to Schalter 3.');
    // And in German, the words on the office's signs.
    await seeText(page, 'Sie sind dran!');
    await seeText(page, 'Bitte kommen Sie zu Schalter 3.');
    const box = await screen.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-called');

    await page.getByRole('button', { name: 'OK, I’m coming' }).click();
    await screen.waitFor({ state: 'detached' });
    await seeText(page, 'Please go to Schalter 3.');

    e2e.server.clock.advance(60_000);
    await act('recall');
    await screen.waitFor({ state: 'visible' });
    await seeText(page, 'You are being called again.');
    await page.getByRole('button', { name: 'OK, I’m coming' }).click();

    await act('start');
    await seeText(page, 'You are being served now.');
    e2e.server.clock.advance(6 * 60_000);
    await act('finish');
    await seeText(page, 'How satisfied were you with us today?');
    for (const word of ['very good', 'good', 'satisfactory', 'sufficient', 'poor', 'insufficient']) await seeText(page, word);
    expect(await page.locator('visitor-feedback svg').count()).toBe(6);
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-feedback');

    await page.locator('visitor-feedback label[for="grade-2"]').click();
    await page.getByLabel('Is there anything else you would like to tell us? (optional)').fill('Quick and friendly.');
    await page.getByRole('button', { name: 'Send' }).click();
    await seeText(page, 'Thank you for your feedback!');
    await screenshot(page, 'visitor-feedback-thanks');

    const feedbackOfDay = () =>
      e2e.server.app.office.store.read(e2e.server.app.office.siteId, async (r) => r.feedback.day((await r.tickets.get(mine.id))?.businessDate ?? ''));
    const stored = await feedbackOfDay();
    expect(stored).toContainEqual(expect.objectContaining({ grade: 2, comment: 'Quick and friendly.', serviceId: 'residence', counterId: 'schalter-3', language: 'en' }));
    const again = await api(e2e.server.url, 'POST', `/api/tickets/${mine.id}/feedback`, { body: { grade: 6 } });
    expect(again.status).toBe(409);
    expect(await feedbackOfDay()).toEqual(stored);

    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    await page.reload();
    await seeText(page, 'You have already answered. Thank you!');
    expect(await page.locator('visitor-feedback form').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
