import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import {
  api,
  axeViolations,
  chooseLanguage,
  drawAtKiosk,
  LANDSCAPE,
  openKiosk,
  PORTRAIT,
  smallTouchTargets,
  tile,
  typeOnKeypad,
} from '../kiosk/e2e-support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * axe-core (WCAG 2.0–2.2 A/AA) finds nothing on any kiosk screen ("I also need…" too), in German
 * and in Arabic, in normal and high contrast; every button is a 72 px touch
 * target. Screenshots of the screens land in tests/artifacts/ for a person to look at.
 */
describe('kiosk: accessibility and layout', () => {
  const e2e = useE2e();

  beforeAll(async () => {
    // Naturalisation takes 80 walk-ins a day: fill it, so a closed tile is on the service screen.
    const cookie = await e2e.server.login('twerner');
    for (let i = 0; i < 80; i++) {
      const res = await api(e2e.server, 'POST', '/api/tickets', { body: { serviceId: 'naturalisation', language: 'de' }, cookie });
      expect(res.status).toBe(201);
    }
  });

  async function check(page: Page, screen: string): Promise<void> {
    expect(await axeViolations(page), screen).toEqual([]);
    expect(await smallTouchTargets(page), screen).toEqual([]);
  }

  for (const [lang, ownName] of [
    ['de', 'Deutsch'],
    ['ar', 'العربية'],
  ] as const) {
    for (const [orientation, viewport] of [
      ['portrait', PORTRAIT],
      ['landscape', LANDSCAPE],
    ] as const) {
      it(`${lang}, ${orientation}: start, service, closed-service message, check-in, ticket`, async () => {
        const { context, page, errors } = await openKiosk(e2e.browser, e2e.server, { viewport });
        const shot = (name: string) => screenshot(page, `kiosk-${lang}-${name}-${orientation}`);
        await check(page, 'start');
        await shot('start');

        await chooseLanguage(page, ownName);
        await expect.poll(() => tile(page, 'naturalisation').getAttribute('aria-disabled')).toBe('true');
        await check(page, 'services');
        await shot('services');

        // A closed tile is aria-disabled, yet a tap on it explains why: force past Playwright's "enabled" check.
        await tile(page, 'naturalisation').tap({ force: true });
        await page.locator('kiosk-message').waitFor();
        await check(page, 'services with message');
        await page.locator('kiosk-message').getByRole('button').tap();

        await page.locator('kiosk-service-screen button.appointment').tap();
        await page.locator('kiosk-checkin-screen').waitFor();
        await typeOnKeypad(page, 'ZZZZZZ');
        await page.locator('kiosk-checkin-screen button.submit').tap();
        await page.locator('kiosk-checkin-screen kiosk-message').waitFor();
        await check(page, 'check-in with error');
        await shot('checkin');
        await page.locator('kiosk-header button.back').tap();

        // #17: "I also need…" after a tile, with one more service chosen (the closed one cannot be).
        await tile(page, 'residence').tap();
        await page.locator('kiosk-also-screen').waitFor();
        await page.waitForTimeout(600);
        await tile(page, 'information').tap();
        await expect.poll(() => tile(page, 'information').getAttribute('aria-pressed')).toBe('true');
        expect(await tile(page, 'naturalisation').getAttribute('aria-disabled')).toBe('true');
        await check(page, 'also');
        await shot('also');
        await page.locator('kiosk-header button.back').tap();
        await page.locator('kiosk-service-screen').waitFor();

        await drawAtKiosk(page, 'residence');
        await page.locator('kiosk-qr-code svg').waitFor();
        await check(page, 'ticket');
        await shot('ticket');
        // The browser logs the refused closed tile (409: since #16 the tap asks the server, which counts the refusal)
        // and the 404 of the unknown booking code; nothing else may fail.
        expect(errors).toEqual([
          'Failed to load resource: the server responded with a status of 409 (Conflict)',
          'Failed to load resource: the server responded with a status of 404 (Not Found)',
        ]);
        await context.close();
      });
    }

    it(`${lang}: high contrast, the idle countdown and the out-of-order screen`, async () => {
      const { context, page, errors } = await openKiosk(e2e.browser, e2e.server, { query: 'idle=20' });
      await chooseLanguage(page, ownName);
      await page.locator('kiosk-header button.contrast').tap();
      expect(await page.locator('kiosk-app').getAttribute('contrast')).toBe('');
      await check(page, 'services, high contrast');
      await screenshot(page, `kiosk-${lang}-services-contrast-portrait`);

      // "Continue" keeps the session, and the tap does not fall through to the tile underneath.
      await page.locator('kiosk-idle-dialog').waitFor({ timeout: 25_000 });
      await page.locator('kiosk-idle-dialog').getByRole('button').tap();
      await page.locator('kiosk-idle-dialog').waitFor({ state: 'detached', timeout: 2000 });
      await page.waitForTimeout(500);
      expect(await page.locator('kiosk-service-screen').count()).toBe(1);
      // The countdown comes back after the next quiet spell; it has 10 s for axe and a screenshot.
      await page.locator('kiosk-idle-dialog').waitFor({ timeout: 25_000 });
      expect(await axeViolations(page), 'idle dialog').toEqual([]);
      await screenshot(page, `kiosk-${lang}-idle-portrait`);
      // A tap anywhere else on the screen keeps the session too, and draws no ticket.
      await page.touchscreen.tap(300, 300);
      await page.locator('kiosk-idle-dialog').waitFor({ state: 'detached', timeout: 2000 });
      await page.waitForTimeout(500);
      expect(await page.locator('kiosk-service-screen').count()).toBe(1);
      expect(errors).toEqual([]);
      await context.close();

      // A browser that was never paired: "this device is not registered", with a hint for staff.
      const broken = await openKioskRaw(e2e.browser, e2e.server, 'idle=30');
      await broken.page.locator('kiosk-unpaired').waitFor();
      expect(await axeViolations(broken.page), 'unpaired').toEqual([]);
      expect(await broken.page.locator('kiosk-unpaired .staff').innerText()).toContain('/kiosk/?pair=');
      await screenshot(broken.page, `kiosk-unpaired-portrait`);
      await broken.context.close();
    });
  }
});

async function openKioskRaw(browser: Browser, server: TestServer, query: string) {
  const context = await browser.newContext({ viewport: PORTRAIT, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/kiosk/?${query}`);
  return { context, page };
}
