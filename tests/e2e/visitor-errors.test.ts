import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../common/dto.js';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { endOfDay } from '../../server/domain/time.js';
import { closeAll, connect, ConnectRefused } from '../helpers/socket-clients.js';
import { api, issue } from '../realtime/support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { expectNoAxeViolations, openTicketPage, phone, seeText } from './visitor-support.js';

/** A wrong or expired token: a clear page, no data, and the socket namespace refuses it. */
describe('visitor page: wrong and expired tokens', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await phone(e2e.browser);
  });
  afterAll(async () => {
    closeAll();
    await context?.close();
  });

  const refusal = async (ticket: string): Promise<string> => {
    try {
      await connect(e2e.server.url, '/visitor', { auth: { protocol: PROTOCOL_VERSION, ticket } });
    } catch (err) {
      expect(err).toBeInstanceOf(ConnectRefused);
      return (err as ConnectRefused).message;
    }
    throw new Error('the namespace accepted the token');
  };

  it('a token that does not exist shows only "no such number"', async () => {
    const real = await issue(e2e.server.url, 'residence');
    const forged = `${real.id.slice(0, -2)}xx`;
    const { page, errors } = await openTicketPage(context, e2e.server, `http://x/t/${forged}`);
    await seeText(page, 'Diese Nummer gibt es nicht.');
    await seeText(page, 'Bitte scannen Sie den Code auf Ihrem Ticket noch einmal.');
    const text = await page.locator('visitor-app').evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(text).not.toContain(real.number);
    expect(text).not.toMatch(/[A-Z]\d{3}/);
    expect(await page.title()).toBe('Diese Nummer gibt es nicht.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-not-found');
    expect(await refusal(forged)).toBe('TICKET_NOT_FOUND');
    // The browser asked for the ticket, got a 404, and nothing else logged an error.
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await api(e2e.server.url, 'DELETE', `/api/tickets/${real.id}`);
  });

  it('after the office day the page says the number expired, live and on reload', async () => {
    const t = await issue(e2e.server.url, 'residence');
    const { page, errors } = await openTicketPage(context, e2e.server, t.statusUrl);
    await seeText(page, 'Sie sind als Nächstes dran.');

    const issuedDay = await e2e.server.app.office.store.read(e2e.server.app.office.siteId, async (r) => (await r.tickets.get(t.id))?.businessDate);
    e2e.server.clock.now = endOfDay(issuedDay ?? '', 'Europe/Berlin') + 60_000;
    // The phone wakes up: it resyncs, and the server says the token has ended.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await seeText(page, 'Diese Nummer ist abgelaufen.');
    expect(await page.locator('visitor-ticket-card').count()).toBe(0);

    await page.reload();
    await seeText(page, 'Diese Nummer ist abgelaufen.');
    await seeText(page, 'Ziehen Sie');
    const text = await page.locator('visitor-app').evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(text).not.toContain(t.number);
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-expired');

    expect((await api<ErrorResponse>(e2e.server.url, 'GET', `/api/tickets/${t.id}`)).body.error.code).toBe('TICKET_EXPIRED');
    expect(await refusal(t.id)).toBe('TICKET_EXPIRED');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
  });
});
