import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionButton, currentNumber, openCounter, screenWaiting, serverWaiting } from '../counter/e2e-support.js';
import { closeAll, connect, received, type ClientSocket } from '../helpers/socket-clients.js';
import { chooseLanguage, drawAtKiosk, openKiosk, type KioskPage } from '../kiosk/e2e-support.js';
import { currentNumber as displayedNumber, listedNumbers, openDisplay } from './display-support.js';
import { screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * A walk-in morning across the apps, all in Chromium: three tickets drawn at
 * the kiosk screen, two counter apps, the first-floor waiting-room screen; plus
 * plain /display and /kiosk sockets for the exact event sequence. After every
 * step the counts on each screen must equal the server's.
 *
 *   counter A = Raum 1.14 (naturalisation only), Thomas Werner
 *   counter B = Raum 1.15 (naturalisation primary, residence secondary), Maryam Hosseini
 */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('walk-in day slice: kiosk → counters → display', () => {
  const e2e = useE2e();
  let display: ClientSocket<'/display'>;
  let kiosk: ClientSocket<'/kiosk'>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[][] = [];
  let a: Page;
  let b: Page;
  let screen: Page;
  let kioskScreen: KioskPage;

  async function counterPage(username: string, counterId: string): Promise<Page> {
    const { context, page, errors } = await openCounter(e2e.browser, e2e.server, username, counterId);
    contexts.push(context);
    pageErrors.push(errors);
    return page;
  }

  const lastStatus = (socket: ClientSocket<'/display'> | ClientSocket<'/kiosk'>) => received(socket, 'services:status').at(-1)?.services;
  const calls = () => received(display, 'ticket:called').map((c) => `${c.number}@${c.counterName}${c.recall ? ' (recall)' : ''}`);

  /** The server's counts, and the same numbers on both counter screens, the display and the kiosk. */
  async function countsAgree(expected: { naturalisation: number; residence: number }): Promise<void> {
    await expect.poll(() => serverWaiting(e2e.server.url)).toMatchObject(expected);
    const server_ = await serverWaiting(e2e.server.url);
    await expect.poll(() => screenWaiting(a)).toEqual({ naturalisation: server_.naturalisation });
    await expect.poll(() => screenWaiting(b)).toEqual({ naturalisation: server_.naturalisation, residence: server_.residence });
    await expect.poll(() => screenCounts(screen)).toEqual({ naturalisation: server_.naturalisation, residence: server_.residence });
    for (const socket of [display, kiosk]) {
      await expect
        .poll(() => Object.fromEntries((lastStatus(socket) ?? []).map((s) => [s.id, s.waiting])))
        .toEqual(server_);
    }
    // The queue lists show exactly as many rows as wait for each counter.
    await expect.poll(() => a.locator('counter-queue-list tr[data-ticket]').count()).toBe(expected.naturalisation);
    await expect.poll(() => b.locator('counter-queue-list tr[data-ticket]').count()).toBe(expected.naturalisation + expected.residence);
  }

  /** Waiting counts on the waiting-room screen, for the services it lists. */
  async function screenCounts(page: Page): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const li of await page.locator('display-waiting li[data-service]').all()) {
      const id = (await li.getAttribute('data-service')) ?? '';
      if (id === 'naturalisation' || id === 'residence') out[id] = Number(await li.locator('.count').innerText());
    }
    return out;
  }

  /** Draws a ticket on the kiosk screen in the visitor's language, then "Done" back to the start. */
  async function drawAt(languageName: string, serviceId: string): Promise<{ id: string; number: string }> {
    const page = kioskScreen.page;
    await chooseLanguage(page, languageName);
    const ticket = await drawAtKiosk(page, serviceId);
    const done = page.locator('kiosk-ticket-screen main button').last();
    await page.waitForTimeout(900);
    await done.tap();
    await page.locator('kiosk-language-screen').waitFor();
    return ticket;
  }

  beforeAll(async () => {
    display = await connect(e2e.server.url, '/display');
    kiosk = await connect(e2e.server.url, '/kiosk');
    const displayContext = await e2e.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    contexts.push(displayContext);
    const opened = await openDisplay(displayContext, `${e2e.server.url}/display/?area=og1`);
    screen = opened.page;
    pageErrors.push(opened.errors);
    a = await counterPage('twerner', 'raum-1-14');
    b = await counterPage('mhosseini', 'raum-1-15');
  });
  afterAll(async () => {
    closeAll();
    for (const c of contexts) await c.close();
  });

  it('runs the morning with every screen agreeing with the server', async () => {
    // (the kiosk helper polls, which vitest allows only inside a test)
    kioskScreen = await openKiosk(e2e.browser, e2e.server);
    contexts.push(kioskScreen.context);
    pageErrors.push(kioskScreen.errors);
    await countsAgree({ naturalisation: 0, residence: 0 });

    // Three visitors at the kiosk, two services; a second between them, so the line is clear.
    const e1 = await drawAt('العربية', 'naturalisation');
    e2e.server.clock.advance(1000);
    const a1 = await drawAt('Türkçe', 'residence');
    e2e.server.clock.advance(1000);
    const e2 = await drawAt('Українська', 'naturalisation');
    expect([e1.number, a1.number, e2.number]).toEqual(['E001', 'A001', 'E002']);
    await countsAgree({ naturalisation: 2, residence: 1 });
    // B lists them in the order call-next takes them, as the server works it out: its primary service first.
    await expect.poll(() => b.locator('counter-queue-list tr[data-ticket]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket')))).toEqual(['E001', 'E002', 'A001']);
    await screenshot(b, 'counter-walk-in-queue');

    // A serves naturalisation only: E001. B prefers its primary service: E002 before the older A001.
    await actionButton(a, 'call-next').click();
    await expect.poll(() => currentNumber(a)).toBe('E001');
    await expect.poll(() => a.locator('counter-current-ticket [data-field=language]').innerText()).toBe('Arabisch');
    await actionButton(b, 'call-next').click();
    await expect.poll(() => currentNumber(b)).toBe('E002');
    await expect.poll(calls).toEqual(['E001@Raum 1.14', 'E002@Raum 1.15']);
    await expect.poll(() => displayedNumber(screen)).toBe('E002');
    await expect.poll(() => listedNumbers(screen)).toContain('E001');
    await countsAgree({ naturalisation: 0, residence: 1 });
    // A called number waits for nobody else: neither counter lists it.
    expect(await a.locator('counter-queue-list tr[data-ticket]').count()).toBe(0);

    // A: the visitor comes, is served, done.
    await actionButton(a, 'start').click();
    await expect.poll(() => a.locator('counter-current-ticket .status').innerText()).toBe('in Bearbeitung');
    await actionButton(a, 'finish').click();
    await expect.poll(() => currentNumber(a)).toBe(null);
    await expect.poll(() => a.locator('counter-app [role=status].info').innerText()).toBe('E001 ist abgeschlossen.');

    // B: E002 does not come.
    await actionButton(b, 'no-show').click();
    await expect.poll(() => currentNumber(b)).toBe(null);
    await countsAgree({ naturalisation: 0, residence: 1 });

    // B: A001 belongs to naturalisation after all: transfer, keeping its place.
    await actionButton(b, 'call-next').click();
    await expect.poll(() => currentNumber(b)).toBe('A001');
    await expect.poll(calls).toEqual(['E001@Raum 1.14', 'E002@Raum 1.15', 'A001@Raum 1.15']);
    await expect.poll(() => displayedNumber(screen)).toBe('A001');
    await countsAgree({ naturalisation: 0, residence: 0 });
    await actionButton(b, 'transfer').click();
    const dialog = b.locator('counter-transfer-dialog dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await axeViolations(b)).toEqual([]);
    await screenshot(b, 'counter-transfer-dialog');
    await dialog.getByLabel('Anliegen', { exact: true }).selectOption('naturalisation');
    await dialog.getByRole('button', { name: 'Weiterleiten' }).click();
    await expect.poll(() => currentNumber(b)).toBe(null);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // It appears in the naturalisation queue with its own number, on both counters.
    await countsAgree({ naturalisation: 1, residence: 0 });
    for (const page of [a, b]) {
      const row = page.locator('counter-queue-list tr[data-ticket="A001"]');
      await expect.poll(() => row.getAttribute('data-service')).toBe('naturalisation');
      await expect.poll(() => row.innerText()).toContain('weitergeleitet von Aufenthaltstitel');
    }
    await screenshot(a, 'counter-walk-in-transferred');

    // A calls it, recalls it (the display shows the recall), serves it.
    await actionButton(a, 'call-next').click();
    await expect.poll(() => currentNumber(a)).toBe('A001');
    expect(await axeViolations(a)).toEqual([]);
    await screenshot(a, 'counter-serving');
    // Reprint goes to the printing side's route; the counter says what it answered (logged as ticket.reprinted).
    await actionButton(a, 'reprint').click();
    const reprinted = () => e2e.server.app.office.store.read(e2e.server.app.office.siteId, async (r) => (await r.events.latest(['ticket.reprinted'], 1))[0]?.data);
    await expect.poll(reprinted).toBeDefined();
    const outcome = (await reprinted()) as { status: string; reason?: string };
    const expectedReprint: Record<string, string> = {
      printed: 'A001 ist nachgedruckt.',
      none: 'Für A001 ist kein Drucker eingerichtet.',
      agent: 'Der Nachdruck von A001 ist unterwegs.',
      failed: `Nachdruck von A001 fehlgeschlagen: ${outcome.reason}`,
    };
    await expect.poll(() => a.locator('counter-app [role=status].info').innerText()).toBe(expectedReprint[outcome.status]);
    await actionButton(a, 'recall').click();
    await expect
      .poll(calls)
      .toEqual(['E001@Raum 1.14', 'E002@Raum 1.15', 'A001@Raum 1.15', 'A001@Raum 1.14', 'A001@Raum 1.14 (recall)']);
    // A transfer starts the call count afresh: called at A, then recalled.
    await expect.poll(() => a.locator('counter-current-ticket dl').innerText()).toMatch(/Aufrufe\s+2/);
    await expect.poll(() => displayedNumber(screen)).toBe('A001');
    await screenshot(screen, 'counter-walk-in-display');
    await countsAgree({ naturalisation: 0, residence: 0 });
    await actionButton(a, 'start').click();
    await actionButton(a, 'finish').click();
    await expect.poll(() => currentNumber(a)).toBe(null);
    await countsAgree({ naturalisation: 0, residence: 0 });

    // The server's record of the morning.
    const final = await e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => Promise.all([e1, e2, a1].map((t) => r.tickets.get(t.id))));
    expect(final.map((t) => [t?.number, t?.status, t?.serviceId])).toEqual([
      ['E001', 'done', 'naturalisation'],
      ['E002', 'no_show', 'naturalisation'],
      ['A001', 'done', 'naturalisation'],
    ]);
    await screenshot(a, 'counter-walk-in-done');
    for (const errors of pageErrors) expect(errors).toEqual([]);
  });
});
