import { describe, expect, it } from 'vitest';
import { DeviceTokenIssuedSchema } from '../../common/dto-schemas.js';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';
import { checked } from '../helpers/checked.js';
import { chooseLanguage, drawAtKiosk, PORTRAIT } from '../kiosk/e2e-support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/** What a browser logs when the server refuses its socket or closes it: expected here. */
const REFUSAL_NOISE = /DEVICE_REQUIRED|401|WebSocket|Failed to load resource/;

/**
 * #13 part 1: a kiosk is a paired device. The admin's pairing link stores the
 * token in the browser and leaves the address bar; the page then draws
 * tickets as that kiosk. Without a token, or after a revocation, the kiosk
 * says "this device is not registered" instead of offering services.
 */
describe('kiosk pairing', () => {
  const e2e = useE2e();

  it('an unpaired kiosk page shows "not registered" in German and English and offers nothing', async () => {
    const context = await e2e.browser.newContext({ viewport: PORTRAIT, hasTouch: true });
    const { page } = await openPage(context, `${e2e.server.url}/kiosk/`);
    await page.locator('kiosk-unpaired').waitFor();
    const text = (await page.locator('kiosk-unpaired section').allInnerTexts()).join('\n');
    expect(text).toContain('Dieses Gerät ist nicht angemeldet');
    expect(text).toContain('This device is not registered');
    expect(await page.locator('kiosk-language-screen').count()).toBe(0);
    await context.close();
  });

  it('?pair= stores the token and drops it from the address; the kiosk draws, also after a reload; a revocation shows "not registered" at once', async () => {
    const context = await e2e.browser.newContext({ viewport: PORTRAIT, hasTouch: true });
    const { page, errors } = await openPage(context, `${e2e.server.url}/kiosk/?idle=60&pair=${TEST_KIOSK_TOKEN}`);
    await page.locator('kiosk-language-screen').waitFor();
    expect(new URL(page.url()).search).toBe('?idle=60');
    expect(await page.evaluate(() => localStorage.getItem('amtsqueue.kiosk.deviceToken'))).toBe(TEST_KIOSK_TOKEN);
    // Replaced, not pushed: "back" does not bring the token into the address bar again.
    await page.goBack();
    expect(page.url()).not.toContain('pair=');
    await page.goto(`${e2e.server.url}/kiosk/?idle=60`);
    await page.locator('kiosk-language-screen').waitFor();

    await page.reload();
    await chooseLanguage(page, 'Deutsch');
    const ticket = await drawAtKiosk(page, 'information');
    expect(ticket.number).toMatch(/^K\d{3}$/);
    expect(errors).toEqual([]);

    // The admin revokes the kiosk: its socket is closed, the refused reconnect shows the screen.
    const cookie = await e2e.server.login('admin');
    const path = '/api/admin/devices/kiosk-eingang/token';
    const revoked = await fetch(`${e2e.server.url}${path}`, { method: 'DELETE', headers: { cookie, origin: e2e.server.url } });
    expect(revoked.status).toBe(200);
    await page.locator('kiosk-unpaired').waitFor({ timeout: 10_000 });
    await screenshot(page, 'kiosk-unpaired-after-revoke-portrait');

    // A new pairing link brings it back.
    const res = await fetch(`${e2e.server.url}${path}`, { method: 'POST', headers: { cookie, origin: e2e.server.url } });
    const { pairingUrl, token } = checked(DeviceTokenIssuedSchema, await res.json());
    const link = new URL(pairingUrl);
    await page.goto(`${e2e.server.url}${link.pathname}${link.search}`);
    await page.locator('kiosk-language-screen').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('amtsqueue.kiosk.deviceToken'))).toBe(token);
    expect(page.url()).not.toContain(token);
    await chooseLanguage(page, 'English');
    await drawAtKiosk(page, 'information');
    expect(errors.filter((e) => !REFUSAL_NOISE.test(e))).toEqual([]);
    await context.close();
  });
});
