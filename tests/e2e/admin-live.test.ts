import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../kiosk/e2e-support.js';
import { api, counterAction, issue } from '../realtime/support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * #16 live supervision in the browser: `/admin/live` after signing in shows the
 * floor pushed over /supervisor, and a call made over the API appears on it
 * while the test waits for it, with no reload and no polling. Debian's chromium.
 */

const MIN = 60_000;

/** The signed-out page asks GET /api/auth/me once and is told 401: that is the only failed request allowed. */
const realErrors = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(Benutzername|Username)$/).fill(username);
  await page.getByLabel(/^(Passwort|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
}

describe('the live supervision page', () => {
  const e2e = useE2e();

  it('shows the floor at /admin/live, a call within the wait for it, the highlights marked in words; axe finds nothing', async () => {
    const { server } = e2e;
    const context = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const { page, errors } = await openPage(context, `${server.url}/admin/live`);
    await signIn(page, 'admin', server.passwords.admin ?? '');
    await expect.poll(() => page.locator('main h1').first().innerText(), { timeout: 15_000 }).toBe('Live-Überblick');
    const tile = (id: string) => page.locator(`admin-live li[data-counter="${id}"]`);
    await tile('schalter-2').waitFor();
    expect(await tile('schalter-2').getAttribute('data-state')).toBe('closed');
    await expect.poll(() => page.locator('admin-live .conn').innerText(), { timeout: 10_000 }).toContain('Live verbunden');

    const admin = await server.login('admin');
    expect((await counterAction(server.url, admin, 'schalter-2', 'open')).status).toBe(200);
    const ticket = await issue(server.url, 'permit-pickup', 'en');
    await issue(server.url, 'naturalisation', 'ar');
    await expect.poll(() => page.locator('admin-live tr[data-service="permit-pickup"] td.num').first().innerText(), { timeout: 5000 }).toBe('1');

    // The call: the tile turns to "calling" with the ticket's number, pushed after the commit.
    const started = Date.now();
    expect((await counterAction(server.url, admin, 'schalter-2', 'call-next')).status).toBe(200);
    await page.locator('admin-live li[data-counter="schalter-2"][data-state="calling"]').waitFor({ timeout: 5000 });
    const tookMs = Date.now() - started;
    expect(await tile('schalter-2').locator('.ticket').innerText()).toBe(ticket.number);
    expect(await tile('schalter-2').locator('.state').innerText()).toContain('Ruft auf');
    console.info(`live page showed the call ${tookMs} ms after the API answered`);

    // Highlights: a service nobody serves, a wait over the target, the silent alarm — each with its words.
    server.clock.advance(16 * MIN);
    const alarm = await api<{ alarm: { alarmId: string } }>(server.url, 'POST', '/api/counters/raum-1-16/alarm', { cookie: admin, body: {} });
    expect(alarm.status).toBe(201);
    const highlight = (kind: string) => page.locator(`admin-live [data-highlight="${kind}"]`);
    await highlight('alarm').waitFor();
    expect(await highlight('alarm').innerText()).toContain('Raum 1.16');
    expect(await highlight('alarm').innerText()).toMatch(/ALARM/i);
    expect(await highlight('unstaffed').first().innerText()).toContain('kein Schalter dafür ist geöffnet');
    expect(await highlight('wait_over_target').first().innerText()).toMatch(/über dem Ziel von 15 Min/i);
    expect(await tile('raum-1-16').getAttribute('data-alarm')).not.toBeNull();
    expect(await page.locator('admin-live tr[data-service="naturalisation"] .flags').innerText()).toMatch(/Kein Schalter offen/i);
    await expect.poll(() => page.locator('admin-live tr[data-service="naturalisation"] td.num').nth(1).innerText(), { timeout: 5000 }).toBe('16 Min.');

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'stats-live');

    await page.locator('admin-app header select').selectOption('en');
    await expect.poll(() => page.locator('main h1').first().innerText(), { timeout: 5000 }).toBe('Live floor');
    expect(await tile('schalter-2').locator('.state').innerText()).toContain('Calling');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'stats-live-en');

    await api(server.url, 'POST', `/api/alarms/${alarm.body.alarm.alarmId}/acknowledge`, { cookie: admin, body: {} });
    await expect.poll(() => highlight('alarm').count(), { timeout: 5000 }).toBe(0);
    expect(realErrors(errors)).toEqual([]);
    await context.close();
  }, 120_000);
});
