import { describe, expect, it } from 'vitest';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

describe('every app page loads in Chromium', () => {
  const e2e = useE2e();

  for (const path of ['/', '/kiosk/', '/display/', '/counter/']) {
    it(`${path} renders without script errors`, async () => {
      const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const { page, errors } = await openPage(context, `${e2e.server.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect((await page.locator('h1').first().innerText()).trim()).not.toBe('');
      await screenshot(page, `page-${path.replace(/\//g, '') || 'root'}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
