import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { openPage } from './helpers/browser.js';

/** Shared steps of the visitor page tests: a phone-sized browser, the ticket's page, axe. */

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

export function phone(browser: Browser, locale = 'de-DE'): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, locale });
}

/** Opens the ticket's statusUrl on the test server (the URL's path; PUBLIC_URL is not this server). */
export async function openTicketPage(context: BrowserContext, server: TestServer, statusUrl: string) {
  const opened = await openPage(context, `${server.url}${new URL(statusUrl).pathname}`);
  await opened.page.locator('visitor-app').waitFor();
  return opened;
}

/** Waits until the text is visible anywhere on the page (shadow roots included). */
export async function seeText(page: Page, text: string, timeout = 8000): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout });
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}
