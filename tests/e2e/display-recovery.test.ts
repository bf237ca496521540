import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { callTicket, counterAction, drawTicket, serve, type Called } from '../speech/calls.js';
import { announcements, currentNumber, listedNumbers, openDisplay } from './display-support.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * A screen runs for weeks: it must ride out a server restart and lost
 * connections by itself, without a reload, and never announce a call late.
 */
describe('waiting-room display recovers', () => {
  const e2e = useE2e();
  let admin: string;
  let page: Page;
  let errors: string[];

  async function call(): Promise<Called> {
    await serve(e2e.server.url, admin, 'schalter-3').catch(() => undefined); // free the counter if it has someone
    const ticket = await drawTicket(e2e.server.url, 'residence', 'ar');
    await callTicket(e2e.server.url, admin, 'schalter-3', ticket.id);
    return ticket;
  }

  /** Every value the screen's connection attribute takes from now on. */
  async function recordConnection(): Promise<void> {
    await page.evaluate(() => {
      const app = document.querySelector('display-app');
      const log: string[] = [];
      window.__connectionLog = log;
      new MutationObserver(() => log.push(app?.getAttribute('connection') ?? '')).observe(app as Element, {
        attributes: true,
        attributeFilter: ['connection'],
      });
    });
  }

  const connectionLog = () => page.evaluate(() => window.__connectionLog ?? []);
  const offlineMarker = () => page.locator('display-app .offline').innerText();

  beforeAll(async () => {
    admin = await e2e.server.login('admin');
    await counterAction(e2e.server.url, admin, 'schalter-3', 'open');
    const context = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    ({ page, errors } = await openDisplay(context, `${e2e.server.url}/display/?area=eg`));
    await page.evaluate(() => (window.__sameDocument = true));
  });

  it('shows a call it missed while disconnected in the history, and does not announce it late', async () => {
    const seen = await call();
    await expect.poll(() => currentNumber(page)).toBe(seen.number);
    await expect.poll(async () => (await announcements(page)).map((a) => a.number)).toEqual([seen.number]);

    await recordConnection();
    // The server drops the screen's socket; the screen retries after a pause, and the next call falls into it.
    e2e.server.app.realtime.io.of('/display').disconnectSockets(true);
    await page.locator('display-app[connection="offline"]').waitFor({ timeout: 2000 });
    await expect.poll(offlineMarker).toContain('Keine Verbindung');
    const missed = await call();

    await page.locator('display-app[connection="online"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => currentNumber(page)).toBe(missed.number);
    expect(await listedNumbers(page)).toContain(seen.number);
    expect(await offlineMarker()).toBe('');
    // Known from the snapshot only: on the board, not highlighted as new, not spoken.
    expect(await page.locator('display-current-call .call.fresh').count()).toBe(0);
    await page.waitForTimeout(500);
    expect((await announcements(page)).map((a) => a.number)).toEqual([seen.number]);
    expect(await connectionLog()).toEqual(['offline', 'online']);

    // Live pushes work again and are announced.
    const after = await call();
    await expect.poll(async () => (await announcements(page)).map((a) => a.number)).toEqual([seen.number, after.number]);
  });

  it('rides out a server restart without a reload, history intact', async () => {
    for (let i = 0; i < 3; i++) await call();
    await expect.poll(async () => (await listedNumbers(page)).length).toBeGreaterThanOrEqual(2);
    const history = [await currentNumber(page), ...(await listedNumbers(page))];
    const spoken = (await announcements(page)).length;
    await recordConnection();

    await e2e.server.restart();

    await expect.poll(connectionLog, { timeout: 15_000 }).toEqual(['offline', 'online']);
    expect([await currentNumber(page), ...(await listedNumbers(page))]).toEqual(history);
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);

    // The new server's pushes (a new epoch) reach the screen and are announced.
    const fresh = await call();
    await expect.poll(() => currentNumber(page)).toBe(fresh.number);
    await expect.poll(async () => (await announcements(page)).slice(spoken).map((a) => [a.number, a.state]), { timeout: 15_000 }).toEqual([
      [fresh.number, 'done'],
    ]);
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|socket\.io/.test(e))).toEqual([]);
  });
});
