import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTicket, counterAction, drawTicket, serve, type Called } from '../speech/calls.js';
import { announcements, currentNumber, listedNumbers, openDisplay, played, screenText, steadyScreenshot } from './display-support.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * The waiting-room screen in Chromium against a real server: counters call
 * over the HTTP API with a staff session, two screens for two floors listen.
 *   ground floor (eg): Schalter 3 and 4 (residence)
 *   first floor (og1): Raum 1.14 (naturalisation)
 */
describe('waiting-room display', () => {
  const e2e = useE2e();
  let admin: string;
  let eg: Page;
  let og1: Page;
  const errors: string[][] = [];
  const contexts: BrowserContext[] = [];

  async function display(query: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport });
    contexts.push(context);
    const opened = await openDisplay(context, `${e2e.server.url}/display/${query}`);
    errors.push(opened.errors);
    return opened.page;
  }

  async function call(counterId: string, serviceId: string, language: string): Promise<Called> {
    const ticket = await drawTicket(e2e.server.url, serviceId, language);
    await callTicket(e2e.server.url, admin, counterId, ticket.id);
    return ticket;
  }

  beforeAll(async () => {
    admin = await e2e.server.login('admin');
    for (const counter of ['schalter-3', 'schalter-4', 'raum-1-14']) await counterAction(e2e.server.url, admin, counter, 'open');
    eg = await display('?area=eg');
    og1 = await display('?area=og1');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  it('shows a call within a second, on the screen of its floor only', async () => {
    const ticket = await drawTicket(e2e.server.url, 'residence', 'ar');
    await callTicket(e2e.server.url, admin, 'schalter-3', ticket.id);
    const calledAt = Date.now();
    await eg.locator(`display-current-call [data-number="${ticket.number}"]`).waitFor({ timeout: 1000 });
    expect(Date.now() - calledAt).toBeLessThan(1000);
    await expect(eg.locator('display-current-call .call').innerText()).resolves.toContain('Schalter 3');
    // Started with the kiosk autoplay flag: no "tap to enable sound" hint.
    expect(await eg.locator('display-sound-hint').count()).toBe(0);

    // The first floor's own call shows there, but not downstairs. It is the barrier for the first
    // floor: anything that screen did with the ground floor's call happened before it.
    const upstairs = await call('raum-1-14', 'naturalisation', 'ti');
    await og1.locator(`display-current-call [data-number="${upstairs.number}"]`).waitFor({ timeout: 1000 });
    await expect(og1.locator('display-current-call .call').innerText()).resolves.toContain('Raum 1.14');
    expect((await announcements(og1)).map((a) => a.number)).toEqual([upstairs.number]);
    expect(await listedNumbers(og1)).not.toContain(ticket.number);

    // A recall downstairs is the barrier for the ground floor: it is pushed after the call upstairs.
    await counterAction(e2e.server.url, admin, 'schalter-3', 'recall');
    await expect.poll(async () => (await announcements(eg)).length).toBe(2);
    expect((await announcements(eg)).map((a) => [a.number, a.recall])).toEqual([
      [ticket.number, false],
      [ticket.number, true],
    ]);
    expect(await currentNumber(eg)).toBe(ticket.number);
  });

  it('tells the server its floor, so the server sends it that floor\'s calls only (#14)', () => {
    const rooms = [...e2e.server.app.realtime.io.of('/display').adapter.rooms.keys()].filter((r) => r.startsWith('areas:'));
    expect(rooms).toEqual(expect.arrayContaining(['areas:eg', 'areas:og1']));
  });

  it('queues two quick calls as two announcements, in order, never overlapping', async () => {
    await serve(e2e.server.url, admin, 'schalter-3');
    const before = (await announcements(eg)).length;
    const first = await drawTicket(e2e.server.url, 'residence', 'tr');
    const second = await drawTicket(e2e.server.url, 'residence', 'de');
    await Promise.all([callTicket(e2e.server.url, admin, 'schalter-3', first.id), callTicket(e2e.server.url, admin, 'schalter-4', second.id)]);
    // The two HTTP calls raced; the server's order is the order of the pushes.
    const events = await e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => r.events.latest(['ticket.called'], 2));
    const order = events.map((e) => e.data.number).reverse();
    expect([...order].sort()).toEqual([first.number, second.number].sort());

    await expect.poll(async () => (await announcements(eg)).slice(before).map((a) => a.number)).toEqual(order);
    await expect.poll(async () => (await announcements(eg)).slice(before).map((a) => a.state), { timeout: 15_000 }).toEqual(['done', 'done']);
    const log = (await announcements(eg)).slice(before);
    const byNumber = Object.fromEntries(log.map((a) => [a.number, a.languages]));
    expect(byNumber[first.number]).toEqual(['de', 'tr']);
    expect(byNumber[second.number]).toEqual(['de']);
    // One after another: the second started only after the first had ended.
    expect(log[1]?.startedAt ?? 0).toBeGreaterThanOrEqual(log[0]?.endedAt ?? Infinity);
    // Each play() found exactly one announcement playing: its own.
    const plays = (await played(eg)).slice(-2);
    expect(plays.map((p) => p.playing)).toEqual(order.map((n) => [n]));
    expect(plays.every((p) => p.src === 'blob:')).toBe(true);
  });

  it('announces a recall again, marked as a recall on screen and in the queue', async () => {
    const before = (await announcements(eg)).length;
    await counterAction(e2e.server.url, admin, 'schalter-4', 'recall');
    await expect.poll(async () => (await announcements(eg)).slice(before).map((a) => [a.recall, a.state]), { timeout: 15_000 }).toEqual([[true, 'done']]);
    await expect(eg.locator('display-current-call .call').innerText()).resolves.toContain('Erneuter Aufruf');
  });

  it('has no axe violations (WCAG 2 A/AA), in landscape and portrait, with calls on it', async () => {
    for (const page of [eg, og1]) {
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    const portrait = await display('?orientation=portrait&lang=ar', { width: 1080, height: 1920 });
    await expect(portrait.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    const result = await new AxeBuilder({ page: portrait }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await steadyScreenshot(portrait, 'display-portrait-ar');
  });

  it('Chromium decodes the announcement WAV it is given (German + Arabic)', async () => {
    const arabic = (await announcements(eg)).find((a) => a.languages.includes('ar'));
    expect(arabic).toBeDefined();
    const url = `/api/announcements/${arabic?.number}.wav?lang=ar&at=${arabic?.at}`;
    const duration = await eg.evaluate(async (src) => {
      const audio = new Audio(src);
      await new Promise((resolve, reject) => {
        audio.addEventListener('loadedmetadata', resolve);
        audio.addEventListener('error', () => reject(new Error(`media error ${audio.error?.code}`)));
      });
      return audio.duration;
    }, url);
    expect(duration).toBeGreaterThan(3);
  });

  it('screenshots: 1920×1080 landscape and 1080×1920 portrait with a few calls', async () => {
    await serve(e2e.server.url, admin, 'schalter-4');
    for (const [counter, lang] of [
      ['schalter-4', 'uk'],
      ['schalter-3', 'fa'],
    ] as const) {
      await serve(e2e.server.url, admin, counter).catch(() => undefined);
      await call(counter, 'residence', lang);
    }
    for (let i = 0; i < 5; i++) await drawTicket(e2e.server.url, 'residence', 'de');
    await expect.poll(async () => (await listedNumbers(eg)).length).toBeGreaterThanOrEqual(3);
    await steadyScreenshot(eg, 'display-landscape');
    const portrait = await display('?area=eg&orientation=portrait', { width: 1080, height: 1920 });
    await expect.poll(async () => (await listedNumbers(portrait)).length).toBeGreaterThanOrEqual(3);
    await steadyScreenshot(portrait, 'display-portrait');
    // Only numbers and counters: the board never shows a name.
    const text = await screenText(portrait);
    expect(text).toContain('Schalter 3');
    expect(text).not.toMatch(/Krüger|Schulte|Yılmaz|Mansour|Kovalenko|Werner|Hosseini|Tesfaye|Petrova/);
  });

  it('logged no script errors', () => {
    expect(errors.flat()).toEqual([]);
  });
});
