import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffTicket } from '../../common/dto.js';
import { counterAction, issue } from '../realtime/support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { expectNoAxeViolations, openTicketPage, phone, seeText } from './visitor-support.js';

/** What else can happen to a ticket while the phone watches: transfer, no-show, a server restart. */
describe('visitor page: transfer, no-show, reconnect', () => {
  const e2e = useE2e();
  let context: BrowserContext;
  let staff: string;

  beforeAll(async () => {
    context = await phone(e2e.browser, 'en-US');
    staff = await e2e.server.login('kmansour');
    await counterAction(e2e.server.url, staff, 'schalter-4', 'open');
  });
  afterAll(async () => {
    await context?.close();
  });

  const act = (action: string, body?: unknown) => counterAction<StaffTicket>(e2e.server.url, staff, 'schalter-4', action, body);

  it('a transferred ticket shows its new service; a no-show says what to do', async () => {
    const t = await issue(e2e.server.url, 'residence', 'en');
    const { page, errors } = await openTicketPage(context, e2e.server, t.statusUrl);
    await seeText(page, 'Residence permit');
    expect((await act('call-next')).body.number).toBe(t.number);
    await page.getByRole('button', { name: 'OK, I’m coming' }).click();
    await act('start');
    expect((await act('transfer', { serviceId: 'asylum' })).status).toBe(200);
    await seeText(page, 'Your request was passed on to: Asylum');
    await seeText(page, 'You are next.');
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-transferred');

    expect((await act('call-next')).body.number).toBe(t.number);
    await page.locator('visitor-call-screen').waitFor();
    await act('no-show');
    await seeText(page, 'Your number was called, but you were not there.');
    await seeText(page, 'Please take a new number at the ticket machine or ask at the reception desk.');
    expect(await page.locator('visitor-call-screen').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'I’m leaving – give up my number' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-no-show');
    expect(errors).toEqual([]);
  });

  it('after the connection drops (server restart) the page catches up by itself', async () => {
    const t = await issue(e2e.server.url, 'residence', 'en');
    const { page, errors } = await openTicketPage(context, e2e.server, t.statusUrl);
    await seeText(page, 'You are next.');
    await e2e.server.restart();
    // The old socket is gone; the page must reconnect to the new server (a new epoch) and follow again.
    staff = await e2e.server.login('kmansour');
    expect((await act('call-next')).body.number).toBe(t.number);
    await page.locator('visitor-call-screen').waitFor({ timeout: 20_000 });
    await seeText(page, 'Please go to Schalter 4.');
    await act('no-show');
    // Only the expected socket noise while the server was away.
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|socket\.io/i.test(e))).toEqual([]);
  });
});
