import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { IssuedTicket } from '../../common/dto.js';
import { openPage } from '../e2e/helpers/browser.js';
import type { TestServer } from '../helpers/test-server.js';
import { api } from '../realtime/support.js';

/** Helpers shared by the counter app's browser tests (tests/e2e/counter-*.test.ts). */

export { api, type ApiResponse } from '../realtime/support.js';

/** Draws a walk-in ticket through the public API, as the kiosk does. */
export async function drawTicket(url: string, serviceId: string, language = 'de'): Promise<{ id: string; number: string }> {
  const res = await api<IssuedTicket>(url, 'POST', '/api/tickets', { body: { serviceId, language } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Waiting count per service id, as GET /api/services reports it. */
export async function serverWaiting(url: string): Promise<Record<string, number>> {
  const res = await api<Array<{ id: string; waiting: number }>>(url, 'GET', '/api/services');
  return Object.fromEntries(res.body.map((s) => [s.id, s.waiting]));
}

/** Signs in through the login form of /counter/. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/Benutzername|Username/).fill(username, { timeout: 10_000 }).catch(async (err: unknown) => {
    const shown = await page.locator('counter-app').evaluate((el) => el.shadowRoot?.innerHTML.slice(0, 500) ?? '');
    throw new Error(`no login form: ${String(err)}\nscreen: ${shown}`);
  });
  await page.getByLabel(/Passwort|Password/).fill(password);
  await page.getByRole('button', { name: /Anmelden|Sign in/ }).click();
  await page.locator('counter-header').getByRole('button', { name: /Abmelden|Sign out/ }).waitFor();
}

/** Opens a counter from the picker. */
export async function openFromPicker(page: Page, counterId: string): Promise<void> {
  await page.locator(`counter-picker button[data-counter="${counterId}"]`).click();
  await page.locator('counter-actions').waitFor();
}

/** The number shown in the current-ticket panel, or null when the counter is idle. */
export async function currentNumber(page: Page): Promise<string | null> {
  const el = page.locator('counter-current-ticket [data-current]');
  return (await el.count()) > 0 ? el.getAttribute('data-current') : null;
}

/** The waiting counts of the service table on the counter screen. */
export async function screenWaiting(page: Page): Promise<Record<string, number>> {
  const rows = page.locator('counter-service-stats tr[data-service]');
  const out: Record<string, number> = {};
  for (const row of await rows.all()) {
    const id = await row.getAttribute('data-service');
    const n = await row.locator('[data-waiting]').getAttribute('data-waiting');
    if (id) out[id] = Number(n);
  }
  return out;
}

export function actionButton(page: Page, action: string) {
  return page.locator(`counter-actions button[data-action="${action}"]`);
}

/** A counter app in its own desk-sized browser context: signed in as `username`, `counterId` opened from the picker. */
export async function openCounter(
  browser: Browser,
  server: TestServer,
  username: string,
  counterId: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const { page, errors } = await openPage(context, `${server.url}/counter/`);
  await signIn(page, username, server.passwords[username] ?? '');
  await openFromPicker(page, counterId);
  return { context, page, errors };
}
