import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../common/dto.js';
import { api, book, chooseLanguage, openKiosk, serverTicket, shownNumber, typeOnKeypad } from '../kiosk/e2e-support.js';
import { useE2e } from './helpers/use-e2e.js';

/** A Wednesday, 09:00 in Berlin: appointments at 09:10 may check in, at 12:00 not yet. */
const WEDNESDAY_9AM = Date.parse('2026-06-10T07:00:00Z');
const NOT_FOUND_LOG = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
const CONFLICT_LOG = 'Failed to load resource: the server responded with a status of 409 (Conflict)';

/** Appointment check-in at the kiosk: on-screen keypad or a keyboard-wedge scanner, errors in the visitor's language. */
describe('kiosk: appointment check-in', () => {
  const e2e = useE2e();
  let staff: string;

  beforeAll(async () => {
    e2e.server.clock.now = WEDNESDAY_9AM;
    staff = await e2e.server.login('twerner');
  });

  const checkinScreen = (page: Page) => page.locator('kiosk-checkin-screen main');
  const message = (page: Page) => page.locator('kiosk-checkin-screen kiosk-message [role="alert"]');

  async function submit(page: Page): Promise<void> {
    await page.locator('kiosk-checkin-screen button.submit').tap();
  }

  it('with a valid code on the keypad: checked in, a number, the ticket in the visitor’s language', async () => {
    const code = await book(e2e.server, staff, 'residence', 10);
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'Deutsch');
    await page.locator('kiosk-service-screen button.appointment').tap();
    expect(await checkinScreen(page).locator('h1').innerText()).toBe('Termin: Bitte geben Sie Ihren Code ein');
    // Not enough characters yet: the button does nothing.
    await typeOnKeypad(page, code.slice(0, 2));
    expect(await page.locator('kiosk-checkin-screen button.submit').getAttribute('aria-disabled')).toBe('true');
    await typeOnKeypad(page, code.slice(2));
    expect(await page.locator('kiosk-checkin-screen output').getAttribute('data-code')).toBe(code);

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/checkin'));
    await submit(page);
    const ticket = (await (await answer).json()) as IssuedTicket;
    await expect.poll(() => shownNumber(page)).toBe(ticket.number);
    expect(ticket.number).toMatch(/^A\d{3}$/);
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toContain('Sie sind angemeldet.');
    expect(ticket.appointmentAt).toBe(e2e.server.clock.now + 10 * 60_000);
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toMatch(/Termin um \d{2}:\d{2} Uhr/);
    expect(await serverTicket(e2e.server, ticket.id)).toMatchObject({ language: 'de', serviceId: 'residence', status: 'waiting' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with an unknown code: explained in Russian, with where to get help; the visitor can correct it', async () => {
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'Русский');
    await page.locator('kiosk-service-screen button.appointment').tap();
    await typeOnKeypad(page, 'ZZZZZZ');
    await submit(page);
    await expect.poll(() => message(page).count()).toBe(1);
    expect(await message(page).innerText()).toContain('Мы не нашли этот код. Пожалуйста, проверьте код и попробуйте ещё раз.');
    expect(await message(page).innerText()).toContain('Помощь можно получить в справочной.');
    // Still on the check-in screen with the code; the next key clears the message.
    await page.locator('kiosk-keypad').getByRole('button', { name: 'Удалить последний знак' }).tap();
    expect(await page.locator('kiosk-checkin-screen output').getAttribute('data-code')).toBe('ZZZZZ');
    expect(await message(page).count()).toBe(0);
    expect(errors).toEqual([NOT_FOUND_LOG]);
    await context.close();
  });

  it('already checked in, and too early: each says what to do, in English', async () => {
    const done = await book(e2e.server, staff, 'asylum', 10);
    expect((await api(e2e.server, 'POST', '/api/checkin', { body: { code: done, language: 'en' } })).status).toBe(201);
    const early = await book(e2e.server, staff, 'asylum', 180);

    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'English');
    await page.locator('kiosk-service-screen button.appointment').tap();
    await typeOnKeypad(page, done);
    await submit(page);
    await expect.poll(() => message(page).innerText()).toBe(
      'You are already checked in. Please wait until your number is shown on the screen.',
    );

    for (let i = 0; i < done.length; i++) await page.locator('kiosk-keypad button.delete').tap();
    await typeOnKeypad(page, early);
    await submit(page);
    await expect.poll(() => message(page).innerText()).toBe('It is too early. Please come back shortly before your appointment.');
    expect(errors).toEqual([CONFLICT_LOG, CONFLICT_LOG]);
    await context.close();
  });

  it('a scanner on the start screen checks in at once; slow typing on a keyboard does not', async () => {
    const code = await book(e2e.server, staff, 'naturalisation', 5);
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);

    await page.keyboard.type(code, { delay: 250 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('kiosk-language-screen').count()).toBe(1);

    const answer = page.waitForResponse((r) => r.url().endsWith('/api/checkin'));
    await page.keyboard.type(code, { delay: 8 });
    await page.keyboard.press('Enter');
    const ticket = (await (await answer).json()) as IssuedTicket;
    await expect.poll(() => shownNumber(page)).toBe(ticket.number);
    expect(ticket.number).toMatch(/^E\d{3}$/);
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toContain('Sie sind angemeldet.');
    expect(ticket.appointmentAt).toBe(e2e.server.clock.now + 5 * 60_000);
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toMatch(/Termin um \d{2}:\d{2} Uhr/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a scanned link with the code, after choosing Arabic: the ticket is in Arabic', async () => {
    const code = await book(e2e.server, staff, 'migration-counselling', 0);
    const { context, page, errors } = await openKiosk(e2e.browser, e2e.server);
    await chooseLanguage(page, 'العربية');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/checkin'));
    await page.keyboard.type(`https://termine.example/checkin?code=${code.toLowerCase()}`, { delay: 5 });
    await page.keyboard.press('Enter');
    const ticket = (await (await answer).json()) as IssuedTicket;
    await expect.poll(() => shownNumber(page)).toBe(ticket.number);
    expect(await page.locator('kiosk-ticket-screen main').innerText()).toContain('تم تسجيل حضورك.');
    expect((await serverTicket(e2e.server, ticket.id)).language).toBe('ar');
    expect(errors).toEqual([]);
    await context.close();
  });
});
