import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { api, chooseLanguage, openKiosk, tile } from '../kiosk/e2e-support.js';
import { openPage, screenshot } from './helpers/browser.js';
import './helpers/page-globals.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * #15: an open kiosk follows the office's configuration without a reload: a
 * service renamed in the admin app, and its own device record (the services
 * and languages it offers, its idle time) changed by an admin. #16: a tap on
 * a closed tile asks the server, which refuses it (and counts the refusal);
 * the kiosk shows the reason in the visitor's language and prints nothing.
 */

/** Marks the page; a reload would lose the mark. */
const markPage = (page: Page) => page.evaluate(() => (window.__sameDocument = true));
const stillSamePage = (page: Page) => page.evaluate(() => window.__sameDocument === true);

const tileIds = (page: Page) => page.locator('kiosk-service-tile button').evaluateAll((els) => els.map((e) => e.getAttribute('data-service')));
const languageButtons = (page: Page) => page.locator('kiosk-language-screen li button').allInnerTexts();

describe('kiosk: live configuration', () => {
  const e2e = useE2e();

  it('a service renamed in the admin app changes on an open kiosk without a reload', async () => {
    const kiosk = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(kiosk.page, 'Deutsch');
    await expect.poll(() => tile(kiosk.page, 'information').locator('.name').innerText()).toBe('Information & Integrationszentrum');
    await markPage(kiosk.page);

    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page: admin, errors: adminErrors } = await openPage(context, `${e2e.server.url}/admin/`);
    await admin.getByLabel(/^(Benutzername|Username)$/).fill('admin');
    await admin.getByLabel(/^(Passwort|Password)$/).fill(e2e.server.passwords.admin ?? '');
    await admin.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
    await admin.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Dienstleistungen', exact: true }).click();
    await admin.locator('button[data-edit="information"]').click();
    await admin.locator('#f-names-de').fill('Infothek');
    await admin.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => admin.locator('admin-services [role=status]').innerText()).toBe('Gespeichert.');

    await expect.poll(() => tile(kiosk.page, 'information').locator('.name').innerText(), { timeout: 5000 }).toBe('Infothek');
    expect(await stillSamePage(kiosk.page)).toBe(true);
    await screenshot(kiosk.page, 'kiosk-live-renamed');
    expect(kiosk.errors).toEqual([]);
    // The signed-out admin page asks who is signed in once and is told 401.
    expect(adminErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
    await kiosk.context.close();
  });

  it('a kiosk record limited to two services and three languages shows only those on the open kiosk, live, and its idle time', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    expect(await languageButtons(page)).toHaveLength(14);
    await markPage(page);

    const cookie = await e2e.server.login('admin');
    const record = await api<{ devices: Array<{ id: string; version: number }> }>(e2e.server, 'GET', `/api/admin/devices`, { cookie });
    expect(record.status).toBe(200);
    const version = record.body.devices.find((d) => d.id === DEFAULT_KIOSK_ID)?.version ?? 0;
    const patched = await api(e2e.server, 'PATCH', `/api/admin/devices/${DEFAULT_KIOSK_ID}`, {
      cookie,
      body: { version, kiosk: { serviceIds: ['information', 'residence'], languages: ['de', 'tr', 'ar'], idleSeconds: 15 } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);

    // The start screen offers the three, and the word "language" only in the other two.
    await expect.poll(() => languageButtons(page), { timeout: 5000 }).toEqual(['Deutsch', 'Türkçe', 'العربية']);
    expect(await page.locator('kiosk-language-screen .words span').count()).toBe(2);
    await screenshot(page, 'kiosk-live-languages');
    await chooseLanguage(page, 'Türkçe');
    // The record's services, in the record's order (not the office's).
    await expect.poll(() => tileIds(page)).toEqual(['information', 'residence']);
    expect(await stillSamePage(page)).toBe(true);

    // The record's idle time (15 s, not the default): the countdown comes after 5 s without a touch.
    await page.locator('kiosk-idle-dialog').waitFor({ timeout: 12_000 });
    await page.locator('kiosk-idle-dialog').getByRole('button').tap();

    // Back to every service and language, live again.
    const again = await api(e2e.server, 'PATCH', `/api/admin/devices/${DEFAULT_KIOSK_ID}`, {
      cookie,
      body: { version: version + 1, kiosk: { serviceIds: null, languages: null, idleSeconds: 60 } },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    await expect.poll(() => tileIds(page).then((ids) => ids.length), { timeout: 5000 }).toBe(8);
    expect(await stillSamePage(page)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a tap on a closed tile asks the server; the refusal shows in the visitor\'s language, nothing is printed, the tile still looks closed', async () => {
    // Naturalisation takes 80 walk-ins a day: staff fill it, so its tile is closed (daily_limit).
    const staff = await e2e.server.login('twerner');
    for (let i = 0; i < 80; i++) {
      const res = await api(e2e.server, 'POST', '/api/tickets', { body: { serviceId: 'naturalisation', language: 'de' }, cookie: staff });
      expect(res.status).toBe(201);
    }
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'Türkçe');
    const closed = tile(page, 'naturalisation');
    await expect.poll(() => closed.getAttribute('aria-disabled')).toBe('true');
    expect(await closed.getAttribute('class')).toBe('closed');

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST', { timeout: 5000 });
    await closed.tap({ force: true });
    const res = await answer;
    expect(res.status()).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DAILY_LIMIT_REACHED');
    await page.locator('kiosk-service-screen kiosk-message').waitFor();
    expect(await page.locator('kiosk-service-screen kiosk-message strong').innerText()).toBe('Bu hizmet için bugün numara kalmadı.');
    expect(await page.locator('kiosk-ticket-screen').count()).toBe(0);
    expect(await closed.getAttribute('class')).toBe('closed');
    await screenshot(page, 'kiosk-live-closed-refused');
    // The refusal is the one failed request the browser reports.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    await context.close();
  });
});
