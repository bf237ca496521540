import { afterAll, describe, expect, it } from 'vitest';
import type { StaffTicket } from '../../common/dto.js';
import { closeAll, connect, firstOf } from '../helpers/socket-clients.js';
import {
  chooseLanguage,
  drawAtKiosk,
  LANDSCAPE,
  openKiosk,
  readQrCode,
  serverServices,
  serverTicket,
  shownNumber,
  tile,
} from '../kiosk/e2e-support.js';
import { useE2e } from './helpers/use-e2e.js';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';

/**
 * A visitor at the kiosk, in Chromium against a real server: pick a language,
 * pick a service, get a number; the server holds the ticket in that language.
 */
describe('kiosk: drawing a ticket', () => {
  const e2e = useE2e();

  afterAll(() => {
    closeAll();
  });

  it('in German: the number, the service, the people ahead, and a QR code that leads to the ticket', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['de', 'ltr']);
    await chooseLanguage(page, 'Deutsch');
    await expect.poll(() => tile(page, 'residence').innerText()).toContain('Aufenthaltstitel');
    // German is the visitor's language here: no second, German line under the name.
    expect(await tile(page, 'residence').locator('.de').count()).toBe(0);

    const ticket = await drawAtKiosk(page, 'residence');
    expect(ticket.number).toMatch(/^A\d{3}$/);
    const screen = page.locator('kiosk-ticket-screen main');
    await expect.poll(() => screen.innerText()).toContain('Ihre Nummer');
    expect(await screen.innerText()).toContain('Aufenthaltstitel');
    expect(await screen.innerText()).toContain('Sie sind als Nächstes dran.');
    // No printer at this kiosk: the screen says to keep the number, not to take a paper ticket.
    expect(await screen.innerText()).toContain('Bitte merken Sie sich Ihre Nummer');

    await expect.poll(() => readQrCode(page)).toBe(ticket.statusUrl);
    const held = await serverTicket(e2e.server, ticket.id);
    expect(held).toMatchObject({ number: ticket.number, language: 'de', serviceId: 'residence', status: 'waiting' });

    // "Done" goes back to the start, in German again.
    await page.waitForTimeout(900);
    await screen.getByRole('button', { name: 'Fertig' }).tap();
    await page.locator('kiosk-language-screen').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Arabic: right to left, mirrored, Arabic texts with the German name underneath; the ticket is in Arabic', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'العربية');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);

    // Mirrored: "back" sits at the right edge, the contrast switch at the left; in a tile the pictogram is right of the name.
    const back = await page.locator('kiosk-header button.back').boundingBox();
    const contrast = await page.locator('kiosk-header button.contrast').boundingBox();
    expect(back && contrast && back.x > contrast.x).toBe(true);
    expect(back!.x + back!.width).toBeGreaterThan(1080 - 60);
    const pictogram = await tile(page, 'residence').locator('.pictogram').boundingBox();
    const name = await tile(page, 'residence').locator('.name').boundingBox();
    expect(pictogram!.x).toBeGreaterThan(name!.x);
    // The tile order runs right to left too: the first service is in the right column.
    const first = await tile(page, 'residence').boundingBox();
    const second = await tile(page, 'permit-pickup').boundingBox();
    expect(first!.x).toBeGreaterThan(second!.x);

    expect(await tile(page, 'residence').locator('.name').innerText()).toBe('تصريح الإقامة');
    expect(await tile(page, 'residence').locator('.de').innerText()).toBe('Aufenthaltstitel');
    expect(await page.locator('kiosk-service-screen h1').innerText()).toBe('بماذا تحتاج المساعدة؟');

    const ticket = await drawAtKiosk(page, 'asylum');
    expect(ticket.number).toMatch(/^F\d{3}$/);
    const text = await page.locator('kiosk-ticket-screen main').innerText();
    expect(text).toContain('رقمك');
    expect(text).toContain('اللجوء واللاجئون');
    // The number itself stays left to right inside the Arabic layout.
    expect(await page.locator('kiosk-ticket-screen [data-number]').getAttribute('dir')).toBe('ltr');
    expect((await serverTicket(e2e.server, ticket.id)).language).toBe('ar');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('in Tigrinya: Ethiopic script from the kiosk’s own web font; the ticket is in Tigrinya', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server, { viewport: LANDSCAPE });
    await chooseLanguage(page, 'ትግርኛ');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ti', 'ltr']);
    expect(await page.locator('kiosk-service-screen h1').innerText()).toBe('እንታይ ሓገዝ ትደልዩ?');
    expect(await tile(page, 'information').locator('.name').innerText()).toBe('ሓበሬታን ማእከል ምውህሃድን');

    const ticket = await drawAtKiosk(page, 'information');
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toContain('ቁጽርኹም');
    expect((await serverTicket(e2e.server, ticket.id)).language).toBe('ti');

    // The machine needs no Ethiopic or Arabic fonts of its own: the page loaded the Noto web fonts,
    // and by unicode-range only the subsets it showed (no Greek, no Cyrillic-ext, no Vietnamese).
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), range: f.unicodeRange, status: f.status }));
    });
    const loaded = faces.filter((f) => f.status === 'loaded');
    expect(loaded.some((f) => f.family === 'Noto Sans Ethiopic Variable' && f.range.includes('U+1200'))).toBe(true);
    expect(loaded.some((f) => f.family === 'Noto Sans Arabic Variable')).toBe(true);
    expect(loaded.length).toBeLessThan(faces.length / 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a double tap on a tile draws exactly one ticket', async () => {
    const before = (await serverServices(e2e.server))['integration-courses']!.waiting;
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'English');
    // The double tap on the tile opens "I also need…" once (its second tap is not a choice there), a double tap on its button draws once.
    await tile(page, 'integration-courses').dblclick();
    await page.locator('kiosk-also-screen').waitFor();
    expect(await page.locator('kiosk-also-screen button[aria-pressed="true"]').count()).toBe(1);
    await page.waitForTimeout(600);
    await page.locator('kiosk-also-screen button.draw').dblclick();
    await expect.poll(() => shownNumber(page)).toMatch(/^I\d{3}$/);
    await page.waitForTimeout(500);
    expect((await serverServices(e2e.server))['integration-courses']!.waiting).toBe(before + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"I need priority" reaches the server and shows on the ticket', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'Türkçe');
    const toggle = page.locator('kiosk-service-screen button.priority');
    await toggle.tap();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // Naturalisation grants no priority: its tile says so.
    expect(await tile(page, 'naturalisation').innerText()).toContain('Burada öncelik yok');
    const ticket = await drawAtKiosk(page, 'migration-counselling');
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toContain('Öncelikli');

    const staff = await connect(e2e.server.url, '/counter', { cookie: await e2e.server.login('ayilmaz') });
    const snapshot = await firstOf(staff, 'counter:snapshot');
    const held = snapshot.tickets.find((t: StaffTicket) => t.number === ticket.number);
    expect(held).toMatchObject({ priorityClass: 'priority', language: 'tr', channel: 'kiosk' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('live: the waiting count and the estimate change on the open screen without reload', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'English');
    const facts = () => tile(page, 'permit-pickup').locator('.facts').innerText();
    expect(await facts()).toContain('Nobody is waiting');
    expect(await facts()).toContain('Waiting time not known yet');
    await page.evaluate(() => (window.__sameDocument = true));

    const cookie = await e2e.server.login('jschulte');
    const opened = await fetch(`${e2e.server.url}/api/counters/schalter-2/open`, { method: 'POST', headers: { cookie, origin: e2e.server.url } });
    expect(opened.status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${e2e.server.url}/api/tickets`, {
        method: 'POST',
        // Another paired kiosk of the office would send its own token; the test server has one.
        headers: { 'content-type': 'application/json', authorization: `Device ${TEST_KIOSK_TOKEN}` },
        body: JSON.stringify({ serviceId: 'permit-pickup', language: 'pl' }),
      });
      expect(res.status).toBe(201);
    }
    await expect.poll(facts).toContain('3 people waiting');
    await expect.poll(facts).toMatch(/about \d+–\d+ minutes/);
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
