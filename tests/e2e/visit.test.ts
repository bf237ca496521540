import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffTicket } from '../../common/dto.js';
import { actionButton, currentNumber, openCounter } from '../counter/e2e-support.js';
import { closeAll, connect, received, type ClientSocket } from '../helpers/socket-clients.js';
import { axeViolations, chooseLanguage, openKiosk, tile } from '../kiosk/e2e-support.js';
import { counterAction } from '../realtime/support.js';
import { currentNumber as displayedNumber, openDisplay } from './display-support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { expectNoAxeViolations, openTicketPage, phone } from './visitor-support.js';

/**
 * #17: one ticket, several services in turn, in Chromium against a real server.
 * A visitor draws one number at the kiosk for a residence permit and then the
 * integration courses; Schalter 3 (residence, Ayşe Yılmaz) serves the first
 * part and sends the visitor on with "Finish and next service"; Raum 1.18
 * (integration courses, Irina Petrova) calls the same number. The waiting-room
 * screen shows numbers only; the phone page says what comes next.
 */
describe('a visit of two services: kiosk → counter → next service → display and phone', () => {
  const e2e = useE2e();
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let display: ClientSocket<'/display'> | undefined;

  afterAll(async () => {
    closeAll();
    for (const c of contexts) await c.close();
  });

  async function counterPage(username: string, counterId: string): Promise<Page> {
    const { context, page, errors } = await openCounter(e2e.browser, e2e.server, username, counterId);
    contexts.push(context);
    pageErrors.push(errors);
    return page;
  }

  it('draws a two-service ticket, serves the first part, sends it on, and the same number is called for the second', { timeout: 180_000 }, async () => {
    display = await connect(e2e.server.url, '/display');
    const calls = () => received(display!, 'ticket:called').map((c) => `${c.number}@${c.counterName}`);
    const screenContext = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    contexts.push(screenContext);
    const screen = await openDisplay(screenContext, `${e2e.server.url}/display/`);
    pageErrors.push(screen.errors);
    const desk = await counterPage('ayilmaz', 'schalter-3');

    // The kiosk: residence permit, then "I also need…" integration courses.
    const kiosk = await openKiosk(e2e.browser, e2e.server);
    contexts.push(kiosk.context);
    pageErrors.push(kiosk.errors);
    await chooseLanguage(kiosk.page, 'English');
    await tile(kiosk.page, 'residence').tap();
    const step = kiosk.page.locator('kiosk-also-screen');
    await step.waitFor();
    await kiosk.page.waitForTimeout(600);
    await tile(kiosk.page, 'integration-courses').tap();
    await expect.poll(() => tile(kiosk.page, 'integration-courses').getAttribute('aria-pressed')).toBe('true');
    expect(await tile(kiosk.page, 'residence').getAttribute('aria-pressed')).toBe('true');
    expect(await step.locator('button.draw').innerText()).toContain('Get a number for 2 services');
    expect(await axeViolations(kiosk.page)).toEqual([]);
    await screenshot(kiosk.page, 'visit-kiosk-also');

    const answer = kiosk.page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');
    await step.locator('button.draw').tap();
    const res = await answer;
    expect(res.status()).toBe(201);
    expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ serviceId: 'residence', alsoServiceIds: ['integration-courses'] });
    const ticket = (await res.json()) as { id: string; number: string; statusUrl: string; nextServiceIds?: string[] };
    expect(ticket.nextServiceIds).toEqual(['integration-courses']);
    const card = kiosk.page.locator('kiosk-ticket-screen .card');
    await expect.poll(() => card.locator('[data-number]').innerText()).toBe(ticket.number);
    // The ticket screen lists the services in the order they come.
    expect(await card.locator('.visit li').evaluateAll((items) => items.map((li) => li.getAttribute('data-service')))).toEqual([
      'residence',
      'integration-courses',
    ]);
    expect(await card.locator('.visit').innerText()).toContain('Your services in this order, with the same number:');
    expect(await axeViolations(kiosk.page)).toEqual([]);
    await screenshot(kiosk.page, 'visit-kiosk-ticket');

    // The phone page: "next: …" while the second service remains.
    const phoneContext = await phone(e2e.browser, 'en-GB');
    contexts.push(phoneContext);
    const mobile = await openTicketPage(phoneContext, e2e.server, ticket.statusUrl);
    pageErrors.push(mobile.errors);
    const next = mobile.page.locator('visitor-ticket-card [data-next]');
    await expect.poll(() => next.innerText()).toBe('Next: Integration & language courses');
    await expectNoAxeViolations(mobile.page);
    await screenshot(mobile.page, 'visit-phone-next');

    // The counter's queue shows the further service; Schalter 3 calls and serves the first part.
    const row = desk.locator(`counter-queue-list tr[data-ticket="${ticket.number}"]`);
    await expect.poll(() => row.locator('[data-next]').innerText()).toBe('danach Integrations- und Sprachkurse');
    await screenshot(desk, 'visit-counter-queue');
    await actionButton(desk, 'call-next').click();
    await expect.poll(() => currentNumber(desk)).toBe(ticket.number);
    await expect.poll(calls).toEqual([`${ticket.number}@Schalter 3`]);
    await actionButton(desk, 'start').click();
    await expect.poll(() => desk.locator('counter-current-ticket .status').innerText()).toBe('in Bearbeitung');
    expect(await desk.locator('counter-current-ticket [data-field=next]').innerText()).toBe('Integrations- und Sprachkurse');
    await expect.poll(() => next.innerText()).toBe('Next: Integration & language courses');

    // "Finish and next service": the listed one is the default.
    await actionButton(desk, 'finish-next').click();
    const dialog = desk.locator('counter-next-service-dialog dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('select').inputValue()).toBe('integration-courses');
    expect(await dialog.locator('select option:checked').innerText()).toBe('Integrations- und Sprachkurse (am Kiosk gewählt)');
    expect(await axeViolations(desk)).toEqual([]);
    await screenshot(desk, 'visit-counter-finish-next');
    await dialog.locator('#next-submit').click();
    await expect.poll(() => currentNumber(desk)).toBe(null);
    await expect
      .poll(() => desk.locator('counter-app [role=status].info').innerText())
      .toBe(`${ticket.number} ist fertig hier und wartet jetzt auf Integrations- und Sprachkurse.`);

    // The same number now waits for the integration courses: nothing more comes after it.
    const held = await e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => r.tickets.get(ticket.id));
    expect(held).toMatchObject({ number: ticket.number, serviceId: 'integration-courses', status: 'waiting', nextServiceIds: [] });
    await expect.poll(() => mobile.page.locator('visitor-ticket-card .service').innerText()).toContain('Integration & language courses');
    await expect.poll(() => next.count()).toBe(0);

    // Raum 1.18 (integration courses) calls it: the screen shows the same number again.
    const petrova = await e2e.server.login('ipetrova');
    expect((await counterAction(e2e.server.url, petrova, 'raum-1-18', 'open')).status).toBe(200);
    const called = await counterAction<StaffTicket>(e2e.server.url, petrova, 'raum-1-18', 'call-next');
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ number: ticket.number, serviceId: 'integration-courses' });
    await expect.poll(calls).toEqual([`${ticket.number}@Schalter 3`, `${ticket.number}@Raum 1.18`]);
    await expect.poll(() => displayedNumber(screen.page)).toBe(ticket.number);
    await expect.poll(() => screen.page.locator('display-current-call .call').first().innerText()).toContain('Raum 1.18');
    await screenshot(screen.page, 'visit-display');
    await expect.poll(() => mobile.page.locator('visitor-ticket-card .status').innerText()).toContain('Raum 1.18');
    await screenshot(mobile.page, 'visit-phone-called');

    for (const errors of pageErrors) expect(errors).toEqual([]);
  });
});
