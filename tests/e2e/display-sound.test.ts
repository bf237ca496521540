import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { callTicket, counterAction, drawTicket } from '../speech/calls.js';
import { announcements, STUB_AUDIO } from './display-support.js';
import { CHROMIUM_PATH } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * A screen PC started without the kiosk flag `--autoplay-policy=no-user-gesture-required`:
 * the browser blocks sound until someone taps, so the screen asks for that
 * tap once, keeps showing calls meanwhile, and speaks again afterwards.
 */
describe('display without the autoplay flag', () => {
  const e2e = useE2e({
    // Like launchBrowser, but with Chromium's default autoplay policy.
    launch: () =>
      chromium.launch({
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
      }),
  });
  let admin: string;

  beforeAll(async () => {
    admin = await e2e.server.login('admin');
    await counterAction(e2e.server.url, admin, 'schalter-3', 'open');
  });

  it('asks for one tap to enable sound, then announces', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(STUB_AUDIO);
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/display/`);
    const hint = page.locator('display-sound-hint button');
    await hint.waitFor({ timeout: 5000 });
    await expect(hint.innerText()).resolves.toContain('Ton einschalten');

    // A call while blocked is shown at once and waits to be spoken.
    const ticket = await drawTicket(e2e.server.url, 'residence', 'de');
    await callTicket(e2e.server.url, admin, 'schalter-3', ticket.id);
    await page.locator(`display-current-call [data-number="${ticket.number}"]`).waitFor({ timeout: 2000 });
    expect((await announcements(page)).map((a) => a.state)).toEqual(['queued']);

    await hint.click();
    await hint.waitFor({ state: 'detached', timeout: 2000 });
    await expect.poll(async () => (await announcements(page)).map((a) => a.state), { timeout: 15_000 }).toEqual(['done']);
    await context.close();
  });
});
