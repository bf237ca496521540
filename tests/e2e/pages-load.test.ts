import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../helpers/test-server.js';
import { launchBrowser, openPage, screenshot } from './helpers/browser.js';
import { startE2eServer } from './helpers/e2e-server.js';

describe('every app page loads in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const path of ['/', '/kiosk/', '/display/', '/counter/']) {
    it(`${path} renders without script errors`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const { page, errors } = await openPage(context, `${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect((await page.locator('h1').first().innerText()).trim()).not.toBe('');
      await screenshot(page, `page-${path.replace(/\//g, '') || 'root'}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
