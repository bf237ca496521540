import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clockFormat } from '../../common/client/office-time.js';
import { openFromPicker, signIn } from '../counter/e2e-support.js';
import { book, chooseLanguage, drawAtKiosk, openKiosk, shownNumber, typeOnKeypad } from '../kiosk/e2e-support.js';
import { openDisplay } from './display-support.js';
import { openPage } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { openTicketPage, PHONE, seeText } from './visitor-support.js';

/** A Wednesday, 09:05 in Berlin (07:05 UTC in summer time) — 03:05 in New York. */
const WEDNESDAY_0905_BERLIN = Date.parse('2026-06-10T07:05:00Z');
const ELSEWHERE = 'America/New_York';

/**
 * Every app shows the office's clock, from the zone its snapshot names, even
 * on a device set to another zone: a kiosk PC, a screen, a staff PC or a phone
 * whose zone is New York still says 09:05 for a ticket drawn at 09:05 in Berlin.
 */
describe('times on the office’s clock, on devices set to another zone', () => {
  const e2e = useE2e();
  let staff: string;
  /** Drawn at the kiosk; an appointment at 09:07 checked in there. */
  let walkIn: { id: string; statusUrl: string };

  beforeAll(async () => {
    e2e.server.clock.now = WEDNESDAY_0905_BERLIN;
    staff = await e2e.server.login('twerner');
  });

  const deviceZone = (page: Page) => page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

  it('kiosk: the ticket screen says when the ticket was drawn and when the appointment is, in Berlin time', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server, { timezoneId: ELSEWHERE });
    expect(await deviceZone(page)).toBe(ELSEWHERE);
    await chooseLanguage(page, 'Deutsch');
    const ticket = await drawAtKiosk(page, 'residence');
    walkIn = ticket;
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toContain('Gezogen um 09:05 Uhr');

    const code = await book(e2e.server, staff, 'residence', 2);
    await page.locator('kiosk-ticket-screen button.done').tap();
    await chooseLanguage(page, 'Deutsch');
    await page.locator('kiosk-service-screen button.appointment').tap();
    await typeOnKeypad(page, code);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/checkin'));
    await page.locator('kiosk-checkin-screen button.submit').tap();
    const checkedIn = (await (await answer).json()) as { number: string };
    await expect.poll(() => shownNumber(page)).toBe(checkedIn.number);
    const text = await page.locator('kiosk-ticket-screen main').innerText();
    expect(text).toContain('Termin um 09:07 Uhr');
    expect(text).toContain('Gezogen um 09:05 Uhr');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('visitor page: the ticket was drawn at 09:05', async () => {
    const context = await e2e.browser.newContext({ ...PHONE, locale: 'de-DE', timezoneId: ELSEWHERE });
    const { page, errors } = await openTicketPage(context, e2e.server, walkIn.statusUrl);
    expect(await deviceZone(page)).toBe(ELSEWHERE);
    await seeText(page, 'Gezogen um 09:05 Uhr');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counter: the appointment time in the waiting list', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 860 }, timezoneId: ELSEWHERE });
    const { page, errors } = await openPage(context, `${e2e.server.url}/counter/`);
    await signIn(page, 'twerner', e2e.server.passwords.twerner ?? '');
    await openFromPicker(page, 'schalter-3');
    await expect.poll(() => page.locator('counter-queue-list tbody').innerText()).toContain('Termin 09:07 Uhr');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('display: the clock shows the time in Berlin', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: ELSEWHERE });
    const { page, errors } = await openDisplay(context, `${e2e.server.url}/display/`);
    // The screen's clock runs on real time; it may turn a minute while it is read.
    const berlin = clockFormat('de-u-ca-gregory-nu-latn', 'Europe/Berlin', { hourCycle: 'h23' });
    const before = berlin(Date.now());
    const shown = await page.locator('display-clock .time').innerText();
    expect([before, berlin(Date.now())]).toContain(shown);
    expect(errors).toEqual([]);
    await context.close();
  });
});
