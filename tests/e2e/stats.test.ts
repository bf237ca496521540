import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSummary } from '../../common/stats-schemas.js';
import { officeDays, writeOfficeDays } from '../../bench/office-history.js';
import { seededRandom } from '../../bench/stats.js';
import { axeViolations } from '../kiosk/e2e-support.js';
import { api } from '../realtime/support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * #16 statistics pages in Debian's chromium: a month of a busy office is
 * written into the log (as the bench does; driving it through commands would
 * take minutes), then the overview, appointments and feedback pages show it
 * for November: charts drawn, their numbers one click away, the figures the
 * API gives, no axe violations, a clean print; the German CSV download parses
 * back with a real CSV parser.
 */

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const DAYS = officeDays(20, '2026-11-02');

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(Benutzername|Username)$/).fill(username);
  await page.getByLabel(/^(Passwort|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
}

describe('the statistics pages', () => {
  const e2e = useE2e();
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let cookie: string;

  beforeAll(async () => {
    const { office } = e2e.server.app;
    await writeOfficeDays(office.store, office.siteId, DAYS, 120, seededRandom(16));
    // Feedback of the month: a spread of grades over the services (what the visitors' phones send).
    await office.store.transaction(office.siteId, async (tx) => {
      for (const [i, date] of DAYS.entries()) {
        for (const [k, serviceId] of ['residence', 'permit-pickup', 'naturalisation'].entries()) {
          const grade = ((i + k) % 6) + 1;
          const comment = k === 0 && i % 5 === 0 ? `Kommentar vom ${date}` : null;
          await tx.feedback.insert({ serviceId, counterId: null, businessDate: date, language: 'de', grade, comment, createdAt: Date.parse(`${date}T10:00:00Z`) });
        }
      }
    });
    cookie = await e2e.server.login('admin');
    context = await e2e.browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
    ({ page, errors } = await openPage(context, `${e2e.server.url}/admin/#stats`));
    await signIn(page, 'admin', e2e.server.passwords.admin ?? '');
  }, 120_000);
  afterAll(() => context.close());

  const summary = async (query: string) => {
    const res = await api<StatsSummary>(e2e.server.url, 'GET', `/api/stats/summary?from=${NOVEMBER.from}&to=${NOVEMBER.to}${query}`, { cookie });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    return res.body;
  };

  async function showNovember(element: string): Promise<void> {
    const form = page.locator(`${element} form.range`);
    // The page first shows its default range (the last 30 days); then the test asks for November.
    await page.locator(`${element} .loaded`).waitFor({ timeout: 15_000 });
    await form.getByLabel('Von').fill(NOVEMBER.from);
    await form.getByLabel('Bis').fill(NOVEMBER.to);
    await form.getByRole('button', { name: 'Zeitraum anzeigen' }).click();
    await page.locator(`${element} .loaded[data-range="${NOVEMBER.from}/${NOVEMBER.to}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator(`${element} [data-chart] canvas`).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  }

  it('the overview draws the month: key figures as the API gives them, charts with their numbers, A4 print', async () => {
    await expect.poll(() => page.locator('main h1').first().innerText(), { timeout: 15_000 }).toBe('Statistik');
    await showNovember('admin-stats');
    const month = await summary('');
    expect(month.total.counts.issued).toBeGreaterThan(1500);
    const now = page.locator('admin-stats table.key td[data-now]');
    await expect.poll(() => now.first().innerText()).toBe(new Intl.NumberFormat('de').format(month.total.counts.issued));
    for (const chart of ['wait-by-hour', 'arrivals-by-hour', 'feedback', 'tickets-by-day', 'wait-by-day']) {
      await expect.poll(() => page.locator(`admin-stats stats-chart[data-chart="${chart}"] canvas`).count(), { message: chart }).toBe(1);
    }
    const byService = await summary('&groupBy=service');
    const residence = byService.groups.find((g) => g.key === 'residence');
    expect(await page.locator('admin-stats tr[data-service="residence"] td').first().innerText()).toBe(String(residence?.counts.issued));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'stats-overview');

    // The numbers of a chart, one click away: the hours with the median wait the API gives.
    const chart = page.locator('admin-stats stats-chart[data-chart="wait-by-hour"]');
    await chart.getByRole('button', { name: 'Zahlen' }).click();
    const byHour = await summary('&groupBy=hour');
    const ten = byHour.groups.find((g) => g.key === '10');
    const row = chart.locator('tbody tr', { has: page.locator('th', { hasText: /^10$/ }) });
    expect(await row.locator('td').first().innerText()).toBe(new Intl.NumberFormat('de', { maximumFractionDigits: 1 }).format(ten?.wait.median ?? NaN));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'stats-overview-numbers');

    // On paper: no form, the charts one under another on A4.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('admin-stats form.range').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'stats-print');
    await page.emulateMedia({ media: 'screen' });
  }, 180_000);

  it('the German CSV download opens in a German Excel: BOM, semicolons, decimal commas; one row per segment', async () => {
    const link = page.locator('admin-stats a', { hasText: 'Einzeldaten als CSV' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes.subarray(3).toString('utf8'), { delimiter: ';', columns: true, skip_empty_lines: true });
    const month = await summary('');
    const segments = month.total.counts.issued + month.total.counts.transferred;
    expect(rows.length).toBe(segments);
    const header = Object.keys(rows[0] ?? {});
    expect(header.length).toBeGreaterThan(8);
    // A wait in minutes with a fraction is written with a decimal comma, never a point.
    const waits = rows.map((r) => Object.values(r).find((v) => /^\d+,\d+$/.test(v))).filter(Boolean);
    expect(waits.length).toBeGreaterThan(100);
    expect(rows.some((r) => Object.values(r).some((v) => /^\d+\.\d+$/.test(v)))).toBe(false);
  }, 120_000);

  it('appointments and feedback pages show the month with no axe violations', async () => {
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Termine', exact: true }).click();
    await showNovember('admin-stats-appointments');
    const month = await summary('');
    expect(month.total.appointments.booked).toBeGreaterThan(100);
    expect(await page.locator('admin-stats-appointments table.key td').first().innerText()).toBe(new Intl.NumberFormat('de').format(month.total.appointments.booked));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'stats-appointments');

    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: 'Rückmeldungen', exact: true }).click();
    await showNovember('admin-stats-feedback');
    const residence = page.locator('admin-stats-feedback table[data-table="grades"] tr[data-service="residence"] td');
    await expect.poll(() => residence.first().innerText()).toBe(String(DAYS.length));
    // The comments, newest first, with the service and the day only.
    const comments = page.locator('admin-stats-feedback ol[data-comments] li');
    const written = DAYS.filter((_, i) => i % 5 === 0).reverse();
    expect(await comments.count()).toBe(written.length);
    expect(await comments.first().innerText()).toContain(`Kommentar vom ${written[0]}`);
    expect(await comments.first().innerText()).toContain('Aufenthalt');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'stats-feedback');
    expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 180_000);
});
