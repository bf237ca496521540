import { AxeBuilder } from '@axe-core/playwright';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { IssuedTicket, PublicService, PublicTicket } from '../../common/dto.js';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';
import type { TestServer } from '../helpers/test-server.js';
import { openPage } from '../e2e/helpers/browser.js';

/** Helpers shared by the kiosk's browser tests (tests/e2e/kiosk-*.test.ts). */

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

export interface KioskPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of the page. */
  errors: string[];
}

/** The test server's kiosk pairing link, relative to the server: opening it pairs the browser as the default kiosk. */
export const PAIRING_QUERY = `pair=${TEST_KIOSK_TOKEN}`;

/**
 * Opens /kiosk/ with the given query (e.g. `idle=3`) on a touchscreen-sized
 * page and waits for the start screen. The page is paired as the test
 * server's kiosk (its pairing link's `?pair=`), as a kiosk set up by an admin is.
 */
export async function openKiosk(
  browser: Browser,
  server: TestServer,
  opts: { query?: string; viewport?: { width: number; height: number }; timezoneId?: string } = {},
): Promise<KioskPage> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? PORTRAIT,
    hasTouch: true,
    ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
  });
  const query = [opts.query, PAIRING_QUERY].filter(Boolean).join('&');
  const { page, errors } = await openPage(context, `${server.url}/kiosk/?${query}`);
  await page.locator('kiosk-language-screen').waitFor();
  // The other languages arrive right after start-up; the start screen then shows "language" in all of them.
  await expect.poll(() => page.locator('kiosk-language-screen .words span').count()).toBe(13);
  return { context, page, errors };
}

/** Taps a language by its own name and waits for the service screen. */
export async function chooseLanguage(page: Page, ownName: string): Promise<void> {
  await page.locator('kiosk-language-screen').getByRole('button', { name: ownName, exact: true }).tap();
  await page.locator('kiosk-service-screen').waitFor();
}

export function tile(page: Page, serviceId: string) {
  return page.locator(`kiosk-service-tile button[data-service="${serviceId}"]`);
}

/** The kiosk ignores taps on "I also need…" this long after it came up (the tap that chose the tile); tests wait it out. */
export const ALSO_SCREEN_SETTLE_MS = 600;

/**
 * Taps a service tile, then on "I also need…" (#17, when it comes) the tiles
 * of `also` in order and the button that draws; returns what the server
 * answered, once the ticket screen shows it.
 */
export async function drawAtKiosk(page: Page, serviceId: string, also: readonly string[] = []): Promise<IssuedTicket> {
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST');
  await tile(page, serviceId).tap();
  const step = page.locator('kiosk-also-screen');
  const asked = await Promise.race([answer.then(() => false), step.waitFor().then(() => true, () => false)]);
  if (asked) {
    await page.waitForTimeout(ALSO_SCREEN_SETTLE_MS);
    for (const id of also) await tile(page, id).tap();
    await step.locator('button.draw').tap();
  } else {
    expect(also, 'the kiosk did not ask "I also need…"').toEqual([]);
  }
  const res = await answer;
  expect(res.status()).toBe(201);
  const ticket = (await res.json()) as IssuedTicket;
  await expect.poll(() => shownNumber(page)).toBe(ticket.number);
  return ticket;
}

/** The number in large type on the ticket screen, or null. */
export async function shownNumber(page: Page): Promise<string | null> {
  const el = page.locator('kiosk-ticket-screen [data-number]');
  return (await el.count()) > 0 ? (await el.innerText()).trim() : null;
}

export async function api<T = unknown>(
  server: TestServer,
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  // Without a session, speak as the test server's paired kiosk (anonymous draws need a device token).
  else headers.authorization = `Device ${TEST_KIOSK_TOKEN}`;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/** The ticket as the server holds it (GET /api/tickets/:id). */
export async function serverTicket(server: TestServer, id: string): Promise<PublicTicket> {
  const res = await api<PublicTicket>(server, 'GET', `/api/tickets/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

export async function serverServices(server: TestServer): Promise<Record<string, PublicService>> {
  const res = await api<PublicService[]>(server, 'GET', '/api/services');
  return Object.fromEntries(res.body.map((s) => [s.id, s]));
}

/** Books an appointment as staff (now + `inMinutes`) and returns its booking code. */
export async function book(server: TestServer, cookie: string, serviceId: string, inMinutes = 10): Promise<string> {
  const startsAt = new Date(server.clock.now + inMinutes * 60_000).toISOString();
  const res = await api<{ code: string }>(server, 'POST', '/api/appointments', { body: { serviceId, startsAt }, cookie });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.code;
}

/** Types a code on the on-screen keypad. */
export async function typeOnKeypad(page: Page, code: string): Promise<void> {
  for (const char of code) await page.locator('kiosk-keypad').getByRole('button', { name: char, exact: true }).tap();
}

/** WCAG 2.x A/AA violations on the page as it is now, with the offending nodes. */
export async function axeViolations(page: Page): Promise<Array<{ id: string; nodes: string[] }>> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
}


/** Reads the QR code on the ticket screen from a screenshot, as a phone would. */
export async function readQrCode(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.locator('kiosk-qr-code').screenshot());
  // jsQR is CommonJS with an ES-style default in its types; its function is also exported as `.default`.
  return jsqr.default(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

/** Every visible button's size: a touch target must be at least 72 × 72 CSS px. */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  const small: string[] = [];
  for (const button of await page.locator('button').all()) {
    const box = await button.boundingBox();
    if (!box || box.width === 0) continue;
    if (box.width < 72 || box.height < 72) small.push(`${(await button.innerText()).trim() || (await button.getAttribute('aria-label'))}: ${box.width}×${box.height}`);
  }
  return small;
}
