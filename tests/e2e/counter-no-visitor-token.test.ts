import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { actionButton, currentNumber, drawTicket, openFromPicker, signIn } from '../counter/e2e-support.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * #13: the ticket id is the visitor's secret. The counter app works with staff
 * references only: neither its DOM (shadow roots included) nor anything it sends
 * or receives (HTTP and socket.io frames) carries a visitor's token.
 */
describe('the counter app never holds a visitor token', () => {
  const e2e = useE2e();
  let context: BrowserContext | undefined;
  afterAll(() => context?.close());

  /** The whole page as HTML, every open shadow root expanded. */
  const fullHtml = (page: Page) =>
    page.evaluate(() => {
      const walk = (root: Document | ShadowRoot | Element): string => {
        let html = root instanceof Document ? root.documentElement.outerHTML : root instanceof ShadowRoot ? root.innerHTML : '';
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) html += walk(el.shadowRoot);
        return html;
      };
      return walk(document);
    });

  it('calls, notes, serves, reprints and calls a chosen ticket without any id on the page or the wire', async () => {
    const url = e2e.server.url;
    const tickets: Array<{ id: string; number: string }> = [];
    for (const language of ['de', 'fa', 'ar', 'tr']) tickets.push(await drawTicket(url, 'naturalisation', language));

    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const wire: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('websocket', (ws) => {
      ws.on('framereceived', (f) => wire.push(String(f.payload)));
      ws.on('framesent', (f) => wire.push(String(f.payload)));
    });
    page.on('request', (req) => wire.push(`${req.method()} ${req.url()} ${req.postData() ?? ''}`));
    page.on('response', (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (/json|text|javascript/.test(type)) void res.text().then((t) => wire.push(t), () => undefined);
    });
    await page.goto(`${url}/counter/`);
    await signIn(page, 'twerner', e2e.server.passwords.twerner ?? '');
    await openFromPicker(page, 'raum-1-14');

    await actionButton(page, 'call-next').click();
    await expect.poll(() => currentNumber(page)).toBe(tickets[0]?.number);
    const notes = page.locator('counter-notes textarea');
    await notes.fill('Dolmetscher Farsi bestellt');
    await notes.blur();
    await actionButton(page, 'start').click();
    await actionButton(page, 'reprint').click();
    await actionButton(page, 'finish').click();
    await expect.poll(() => currentNumber(page)).toBeNull();

    // A chosen ticket from the list: the last one.
    const last = tickets.at(-1);
    if (!last) throw new Error('no tickets');
    await page.locator(`counter-queue-list tr[data-ticket="${last.number}"] button`).click();
    await expect.poll(() => currentNumber(page)).toBe(last.number);
    await actionButton(page, 'no-show').click();
    await expect.poll(() => currentNumber(page)).toBeNull();

    // The server saw it all happen (the notes were saved by reference).
    const stored = await e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => r.tickets.get(tickets[0]?.id ?? ''));
    expect(stored).toMatchObject({ status: 'done', notes: 'Dolmetscher Farsi bestellt' });

    const html = await fullHtml(page);
    expect(html).toContain(tickets[1]?.number);
    expect(wire.join('\n')).toContain(stored?.ref);
    for (const t of tickets) {
      expect(html.includes(t.id), `ticket ${t.number}'s token in the DOM`).toBe(false);
      expect(wire.filter((w) => w.includes(t.id)), `ticket ${t.number}'s token on the wire`).toEqual([]);
    }
    expect(errors).toEqual([]);
  });
});
