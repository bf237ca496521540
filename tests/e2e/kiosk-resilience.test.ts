import { describe, expect, it } from 'vitest';
import { chooseLanguage, drawAtKiosk, openKiosk, shownNumber, tile, typeOnKeypad } from '../kiosk/e2e-support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/** What a browser logs while the server is away: expected then, and only then. */
const OFFLINE_NOISE = /WebSocket|Failed to load resource|ERR_CONNECTION_REFUSED|net::/;

/** A kiosk runs unattended: it resets itself, survives a server restart and says plainly when printing failed. */
describe('kiosk: unattended operation', () => {
  const e2e = useE2e();

  it('is locked down like a kiosk: no text selection, no context menu, no pinch zoom', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    const locks = await page.evaluate(() => {
      const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.body.dispatchEvent(menu);
      const select = new Event('selectstart', { bubbles: true, cancelable: true });
      document.body.dispatchEvent(select);
      return {
        contextMenuBlocked: menu.defaultPrevented,
        selectionBlocked: select.defaultPrevented,
        userSelect: getComputedStyle(document.body).userSelect,
        touchAction: getComputedStyle(document.documentElement).touchAction,
      };
    });
    expect(locks).toEqual({ contextMenuBlocked: true, selectionBlocked: true, userSelect: 'none', touchAction: 'pan-x pan-y' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('idle: a visible countdown, then back to the language screen with everything cleared', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server, { query: 'idle=3' });
    await chooseLanguage(page, 'Français');
    await page.locator('kiosk-header button.contrast').tap();
    await page.locator('kiosk-service-screen button.appointment').tap();
    await typeOnKeypad(page, 'AB');

    const dialog = page.locator('kiosk-idle-dialog [role="alertdialog"]');
    await dialog.waitFor({ timeout: 5000 });
    expect(await dialog.innerText()).toMatch(/Êtes-vous encore là ?[\s\S]*Retour au début dans \d secondes?/);

    await page.locator('kiosk-language-screen').waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['de', 'ltr']);
    expect(await page.locator('kiosk-app').getAttribute('contrast')).toBeNull();
    expect(await page.locator('kiosk-language-screen h1').innerText()).toBe('Bitte wählen Sie Ihre Sprache');
    // The code typed before is gone too.
    await chooseLanguage(page, 'Deutsch');
    await page.locator('kiosk-service-screen button.appointment').tap();
    expect(await page.locator('kiosk-checkin-screen output').getAttribute('data-code')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the ticket screen goes back to the start by itself', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server, { query: 'ticket=3' });
    await chooseLanguage(page, 'Polski');
    await drawAtKiosk(page, 'information');
    expect(await page.locator('kiosk-ticket-screen footer').innerText()).toMatch(/Powrót do początku za \d sekund/);
    await page.locator('kiosk-language-screen').waitFor({ timeout: 6000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('server down: "out of order" instead of stale services; after the restart it recovers without reload', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server, { query: 'idle=600' });
    await chooseLanguage(page, 'English');
    await page.evaluate(() => (window.__sameDocument = true));

    await e2e.server.app.close();
    const outOfOrder = page.locator('kiosk-out-of-order');
    await outOfOrder.waitFor({ timeout: 10_000 });
    expect(await page.locator('kiosk-service-tile').count()).toBe(0);
    const text = await page.locator('kiosk-out-of-order h1').innerText();
    expect(text).toBe('Out of order');
    expect(await page.locator('kiosk-out-of-order h2').innerText()).toBe('Außer Betrieb');
    await screenshot(page, 'kiosk-en-server-down-portrait');

    await e2e.server.restart();
    await page.locator('kiosk-service-screen').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    // The visitor's session is still there, and the new server's pushes arrive.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const ticket = await drawAtKiosk(page, 'youth-migration');
    expect(ticket.number).toMatch(/^J\d{3}$/);
    await page.locator('kiosk-ticket-screen button.done').tap();
    await chooseLanguage(page, 'English');
    await expect.poll(() => tile(page, 'youth-migration').locator('.facts').innerText()).toContain('1 person waiting');
    expect(errors.filter((e) => !OFFLINE_NOISE.test(e))).toEqual([]);
    await context.close();
  });
});

describe('kiosk: when printing fails', () => {
  // Nothing listens on port 9 of this machine: the default kiosk's printer is unreachable.
  const e2e = useE2e({ config: { printer: 'tcp://127.0.0.1:9' } });

  it('says so plainly and keeps the number and QR code on screen much longer', async () => {
    // No ?kiosk=: the office has one kiosk, so this is it, and its printer is asked to print.
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'Deutsch');
    const ticket = await drawAtKiosk(page, 'residence');
    expect(ticket.print?.status).toBe('failed');
    const screen = page.locator('kiosk-ticket-screen main');
    expect(await screen.locator('.print[role="alert"]').innerText()).toContain('Der Drucker geht gerade nicht.');
    expect(await screen.innerText()).toContain('Bitte merken Sie sich Ihre Nummer oder machen Sie ein Foto.');
    const seconds = Number(/Zurück zum Start in (\d+) Sekunden/.exec(await screen.locator('footer').innerText())?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(85);
    expect(await shownNumber(page)).toBe(ticket.number);
    await screenshot(page, 'kiosk-de-print-failed-portrait');
    expect(errors).toEqual([]);
    await context.close();
  });
});
