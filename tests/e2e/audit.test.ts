import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../kiosk/e2e-support.js';
import { api } from '../realtime/support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * #17 §3 the audit trail page in Debian's chromium: a staff member signs in, opens a counter and
 * calls a ticket; the admin's `/admin/#audit` lists those entries with the person, filters them by
 * kind, person and ticket number, has no axe violations, and its CSV download parses back.
 */

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(Benutzername|Username)$/).fill(username);
  await page.getByLabel(/^(Passwort|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
}

describe('the audit trail page', () => {
  const e2e = useE2e();
  let context: BrowserContext;
  let page: Page;
  let number = '';

  beforeAll(async () => {
    const { url, passwords } = e2e.server;
    const staff = await e2e.server.login('ayilmaz');
    expect((await api(url, 'POST', '/api/counters/schalter-3/open', { cookie: staff, body: {} })).status).toBe(200);
    const issued = await api<{ number: string }>(url, 'POST', '/api/tickets', { cookie: staff, body: { serviceId: 'residence', language: 'de' } });
    expect(issued.status).toBe(201);
    number = issued.body.number;
    e2e.server.clock.advance(60_000);
    expect((await api(url, 'POST', '/api/counters/schalter-3/call-next', { cookie: staff, body: {} })).status).toBe(200);
    context = await e2e.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    ({ page } = await openPage(context, `${url}/admin/#audit`));
    await signIn(page, 'admin', passwords.admin ?? '');
  }, 120_000);
  afterAll(() => context.close());

  const rows = () => page.locator('admin-audit table[data-table="audit"] tbody tr');
  const typesShown = async () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')));

  it('lists the entries with the acting person, filters them, axe 0', async () => {
    await expect.poll(() => page.locator('main h1').first().innerText(), { timeout: 15_000 }).toBe('Protokoll');
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const called = page.locator('admin-audit tr[data-type="ticket.called"]');
    await expect.poll(() => called.count()).toBe(1);
    const cells = await called.locator('td').allInnerTexts();
    expect(cells.slice(1, 6)).toEqual(['Aufgerufen', 'Ayşe Yılmaz (ayilmaz)', number, 'Aufenthaltstitel', 'Schalter 3']);
    expect(await typesShown()).toEqual(expect.arrayContaining(['auth.signed_in', 'counter.opened', 'ticket.issued', 'ticket.called']));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit');

    const form = page.locator('admin-audit form.range');
    await form.getByLabel('Art').selectOption('auth.signed_in');
    await form.getByRole('button', { name: 'Zeitraum anzeigen' }).click();
    await expect.poll(typesShown).toEqual(['auth.signed_in', 'auth.signed_in']);

    await form.getByLabel('Art').selectOption('');
    await form.getByLabel('Person').selectOption({ label: 'Ayşe Yılmaz (ayilmaz)' });
    await form.getByLabel('Ticketnummer').fill(number);
    await form.getByRole('button', { name: 'Zeitraum anzeigen' }).click();
    await expect.poll(typesShown).toEqual(['ticket.called', 'ticket.issued']);
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it('downloads the filtered trail as German CSV', async () => {
    const link = page.locator('admin-audit a[data-csv]');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parse<Record<string, string>>(bytes, { bom: true, delimiter: ';', columns: true });
    expect(csv.map((r) => [r.type, r.user, r.ticket_number])).toEqual([
      ['ticket.called', 'ayilmaz', number],
      ['ticket.issued', 'ayilmaz', number],
    ]);
  }, 60_000);
});
