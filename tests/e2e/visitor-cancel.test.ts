import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicService, PublicTicket, StaffTicket } from '../../common/dto.js';
import { closeAll, connect, firstOf } from '../helpers/socket-clients.js';
import { api, counterAction, issue } from '../realtime/support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';
import { expectNoAxeViolations, openTicketPage, phone, seeText } from './visitor-support.js';

/** "I'm leaving": the ticket leaves the queue and the counter's list, so nobody is called in vain. */
describe('visitor page: leaving the queue', () => {
  const e2e = useE2e();
  let context: BrowserContext;

  beforeAll(async () => {
    context = await phone(e2e.browser);
  });
  afterAll(async () => {
    closeAll();
    await context?.close();
  });

  const waitingFor = async (serviceId: string) =>
    ((await api<PublicService[]>(e2e.server.url, 'GET', '/api/services')).body.find((s) => s.id === serviceId)?.waiting ?? -1);

  it('cancels after a confirmation; the API, the service count and the counter app all see it', async () => {
    const staff = await e2e.server.login('ayilmaz');
    const before = await issue(e2e.server.url, 'residence');
    const mine = await issue(e2e.server.url, 'residence');
    const counter = await connect(e2e.server.url, '/counter', { cookie: staff });
    const snapshot = await firstOf(counter, 'counter:snapshot');
    expect(snapshot.tickets.map((t) => t.number)).toContain(mine.number);
    expect(await waitingFor('residence')).toBe(2);

    const { page, errors } = await openTicketPage(context, e2e.server, mine.statusUrl);
    await seeText(page, 'Vor Ihnen wartet 1 Person.');
    await page.getByRole('button', { name: 'Ich gehe – Nummer zurückgeben' }).click();
    await seeText(page, 'Wirklich gehen?');
    // Asking is not leaving.
    expect((await api<PublicTicket>(e2e.server.url, 'GET', `/api/tickets/${mine.id}`)).body.status).toBe('waiting');
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-leave-confirm');

    await page.getByRole('button', { name: 'Nein, ich warte weiter' }).click();
    await page.getByRole('button', { name: 'Ich gehe – Nummer zurückgeben' }).click();
    await page.getByRole('button', { name: 'Ja, Nummer zurückgeben' }).click();
    await seeText(page, 'Diese Nummer ist nicht mehr in der Warteschlange.');
    expect(await page.getByRole('button', { name: 'Ich gehe – Nummer zurückgeben' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'visitor-cancelled');

    expect((await api(e2e.server.url, 'GET', `/api/tickets/${mine.id}`)).body).toMatchObject({ status: 'cancelled', position: null });
    expect(await waitingFor('residence')).toBe(1);
    const change = await firstOf(counter, 'queue:changed', (e) => e.tickets.some((t) => t.number === mine.number));
    expect(change.tickets.find((t) => t.number === mine.number)?.status).toBe('cancelled');
    const fresh = await connect(e2e.server.url, '/counter', { cookie: staff });
    expect((await firstOf(fresh, 'counter:snapshot')).tickets.map((t) => t.number)).not.toContain(mine.number);

    // The counter calls the one before, and then nobody: the cancelled ticket is never offered.
    expect((await counterAction(e2e.server.url, staff, 'schalter-3', 'open')).status).toBe(200);
    expect((await counterAction<StaffTicket>(e2e.server.url, staff, 'schalter-3', 'call-next')).body.number).toBe(before.number);
    await counterAction(e2e.server.url, staff, 'schalter-3', 'no-show');
    expect((await counterAction(e2e.server.url, staff, 'schalter-3', 'call-next')).status).toBe(204);
    expect(errors).toEqual([]);
  });
});
