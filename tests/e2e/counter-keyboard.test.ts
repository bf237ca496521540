import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { currentNumber, drawTicket } from '../counter/e2e-support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/** What has focus, looking into shadow roots: tag plus the attributes tests steer by. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const id = el.getAttribute('data-counter') ?? el.getAttribute('data-action') ?? el.getAttribute('name') ?? el.id ?? '';
    return `${el.tagName.toLowerCase()}${id ? `#${id}` : ''}`;
  });
}

/** Presses Tab until `target` has focus; fails after `max` presses. Only the keyboard moves focus. */
async function tabTo(page: Page, target: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} never got focus; last: ${await focused(page)}`);
}

/**
 * The whole counter day without a mouse: sign in, pick and open a counter,
 * every ticket action by its shortcut key, notes, and the transfer dialog.
 * Raum 1.16 serves migration counselling (M) first.
 */
describe('counter app by keyboard only', () => {
  const e2e = useE2e();

  const ticketState = (id: string) => e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => r.tickets.get(id));

  it('runs the main actions with Tab, Enter and the shortcut keys', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openPage(context, `${e2e.server.url}/counter/`);
    const status = page.locator('counter-app [role=status].info');
    /** Presses a shortcut once no command is on its way (keys pressed meanwhile are ignored on purpose). */
    const shortcut = async (key: string) => {
      await expect.poll(() => page.locator('counter-actions section').getAttribute('aria-busy')).toBe('false');
      await page.keyboard.press(key);
    };

    // Sign in: the username field has focus on arrival.
    await expect.poll(() => focused(page)).toBe('input#username');
    await page.keyboard.type('mhosseini');
    await page.keyboard.press('Tab');
    await page.keyboard.type(e2e.server.passwords.mhosseini ?? '');
    await page.keyboard.press('Enter');

    // Pick and open Raum 1.16.
    await page.locator('counter-picker').waitFor();
    await tabTo(page, 'button#raum-1-16');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.innerText()).toBe('Raum 1.16 ist geöffnet.');

    const m1 = await drawTicket(e2e.server.url, 'migration-counselling', 'fa');
    e2e.server.clock.advance(1000);
    const m2 = await drawTicket(e2e.server.url, 'migration-counselling', 'de');
    e2e.server.clock.advance(1000);
    const m3 = await drawTicket(e2e.server.url, 'migration-counselling', 'ru');
    await expect.poll(() => page.locator('counter-queue-list tr[data-ticket]').count()).toBe(3);

    // N calls, E recalls, B starts.
    await shortcut('n');
    await expect.poll(() => currentNumber(page)).toBe('M001');
    await expect.poll(() => page.locator('counter-current-ticket [data-field=language]').innerText()).toBe('Persisch');
    await shortcut('e');
    await expect.poll(() => status.innerText()).toBe('M001 ist erneut aufgerufen.');
    await shortcut('b');
    await expect.poll(async () => (await ticketState(m1.id))?.status).toBe('serving');
    await expect.poll(() => page.locator('counter-current-ticket .status').innerText()).toBe('in Bearbeitung');

    // Notes: letters typed there are text, not shortcuts; leaving the field saves them.
    await tabTo(page, 'textarea#notes');
    await page.keyboard.type('Braucht Dolmetscher fuer Farsi. Naechster Termin in zwei Wochen.');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await ticketState(m1.id))?.notes).toBe('Braucht Dolmetscher fuer Farsi. Naechster Termin in zwei Wochen.');
    expect(await currentNumber(page)).toBe('M001');
    expect((await ticketState(m1.id))?.status).toBe('serving');
    await screenshot(page, 'counter-keyboard-serving');

    // F finishes; focus then sits on the next sensible step, so Enter calls the next number.
    await shortcut('f');
    await expect.poll(async () => (await ticketState(m1.id))?.status).toBe('done');
    await expect.poll(() => focused(page)).toBe('button#call-next');
    await page.keyboard.press('Enter');
    await expect.poll(() => currentNumber(page)).toBe('M002');

    // X: did not come.
    await shortcut('x');
    await expect.poll(async () => (await ticketState(m2.id))?.status).toBe('no_show');
    // Keys pressed while a command is on its way are ignored, so wait until the screen shows the outcome.
    await expect.poll(() => currentNumber(page)).toBe(null);

    // Z parks M003; it is not offered again until the cool-down has passed.
    await shortcut('n');
    await expect.poll(() => currentNumber(page)).toBe('M003');
    await shortcut('z');
    await expect.poll(() => status.innerText()).toBe('M003 steht wieder in der Warteschlange.');
    await expect.poll(() => currentNumber(page)).toBe(null);
    await shortcut('n');
    await expect.poll(() => status.innerText()).toBe('Im Moment wartet niemand für diesen Schalter.');
    e2e.server.clock.advance(3 * 60_000);
    await shortcut('n');
    await expect.poll(() => currentNumber(page)).toBe('M003');

    // W opens the transfer dialog; Escape closes it without doing anything.
    await shortcut('w');
    const dialog = page.locator('counter-transfer-dialog dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await currentNumber(page)).toBe('M003');

    // W again: choose the service by typing its name, keep the place, submit with Enter.
    await shortcut('w');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await tabTo(page, 'select#service');
    await page.keyboard.type('Einb');
    await tabTo(page, 'button#transfer-submit');
    await screenshot(page, 'counter-keyboard-transfer');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await ticketState(m3.id))?.serviceId).toBe('naturalisation');
    expect((await ticketState(m3.id))?.status).toBe('waiting');
    await expect.poll(() => currentNumber(page)).toBe(null);

    // With shortcuts switched off, letters do nothing.
    await tabTo(page, 'input#shortcuts');
    await page.keyboard.press('Space');
    const m4 = await drawTicket(e2e.server.url, 'migration-counselling', 'de');
    await expect.poll(() => page.locator('counter-queue-list tr[data-ticket]').count()).toBe(1);
    await page.locator('body').press('n');
    await page.waitForTimeout(300);
    expect(await currentNumber(page)).toBe(null);
    expect((await ticketState(m4.id))?.status).toBe('waiting');

    // End of the day (or a break): close the counter from the header.
    await tabTo(page, 'button#close-counter');
    await page.keyboard.press('Enter');
    await expect.poll(() => status.innerText()).toBe('Raum 1.16 ist geschlossen.');
    expect((await e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => r.catalog.counter('raum-1-16')))?.open).toBe(false);
    await expect.poll(() => page.locator('counter-desk .notice').innerText()).toContain('Raum 1.16 ist geschlossen.');

    expect(errors).toEqual([]);
    await context.close();
  });
});
