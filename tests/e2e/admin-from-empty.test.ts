import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { actionButton, currentNumber, openFromPicker } from '../counter/e2e-support.js';
import { api } from '../realtime/support.js';
import { drawAtKiosk } from '../kiosk/e2e-support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * #15: an office that starts with nothing but its admin (SEED=none) is built in
 * the admin app — two services, one area, two counters, one staff member — and
 * then works: the kiosk draws a ticket, the new staff member signs in with the
 * one-time password, must replace it, and calls that ticket at the counter.
 */

/** A Tuesday, 10:00 in Berlin: inside the hours the admin gives the services below. */
const TUESDAY_10_BERLIN = Date.parse('2027-03-02T09:00:00Z');

interface Listed {
  id: string;
  prefix?: string;
  names?: Record<string, string>;
  username?: string;
}

describe('an office built from nothing in the admin app', () => {
  const e2e = useE2e({ config: { seed: 'none' } });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  async function open(path: string, viewport = { width: 1400, height: 900 }) {
    const context = await e2e.browser.newContext({ viewport, hasTouch: true });
    contexts.push(context);
    return openPage(context, `${e2e.server.url}${path}`);
  }

  const heading = (page: Page) => page.locator('main h1').first();

  async function goTo(page: Page, title: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Verwaltung' }).getByRole('link', { name: title, exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe(title);
  }

  /** "Neu anlegen", fill the form, "Speichern", and wait for the page to confirm it. */
  async function create(page: Page, element: string, fill: () => Promise<void>): Promise<void> {
    await page.locator(`${element} button[data-new]`).click();
    await page.locator('#form-heading').waitFor();
    await fill();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator(`${element} [role=status]`).innerText()).toBe('Gespeichert.');
  }

  async function addService(page: Page, name: string, prefix: string): Promise<void> {
    await create(page, 'admin-services', async () => {
      await page.getByLabel('Deutsch (Pflicht)').fill(name);
      await page.getByLabel('Kennbuchstabe').fill(prefix);
      await page.getByRole('button', { name: 'Zeitraum für Dienstag hinzufügen' }).click();
      await page.getByLabel('Dienstag, Zeitraum 1: von').fill('07:30');
      await page.getByLabel('Dienstag, Zeitraum 1: bis').fill('16:00');
    });
  }

  async function addCounter(page: Page, name: string, primary: string[], secondary: string[]): Promise<void> {
    await create(page, 'admin-counters', async () => {
      await page.getByLabel('Name', { exact: true }).fill(name);
      for (const s of primary) await page.getByRole('group', { name: 'Hauptdienstleistungen' }).getByLabel(s).check();
      for (const s of secondary) await page.getByRole('group', { name: 'Weitere Dienstleistungen' }).getByLabel(s).check();
    });
  }

  it('admin builds the office, the kiosk draws, the new staff member changes the one-time password and calls the ticket', async () => {
    e2e.server.clock.now = TUESDAY_10_BERLIN;
    const url = e2e.server.url;
    expect((await api<unknown[]>(url, 'GET', '/api/services')).body).toEqual([]);
    expect((await api<unknown[]>(url, 'GET', '/api/counters')).body).toEqual([]);

    // The admin, in the admin app.
    const { page: admin, errors: adminErrors } = await open('/admin/');
    await admin.getByLabel(/^Benutzername$/).fill('admin');
    await admin.getByLabel(/^Passwort$/).fill(e2e.server.passwords.admin ?? '');
    await admin.getByRole('button', { name: 'Anmelden' }).click();
    await admin.getByRole('navigation', { name: 'Verwaltung' }).waitFor();

    await goTo(admin, 'Dienstleistungen');
    await addService(admin, 'Aufenthaltstitel', 'A');
    await addService(admin, 'Einbürgerung', 'E');
    await goTo(admin, 'Bereiche');
    await create(admin, 'admin-areas', () => admin.getByLabel('Deutsch (Pflicht)').fill('Erdgeschoss'));
    await goTo(admin, 'Schalter');
    await addCounter(admin, 'Schalter 1', ['A · Aufenthaltstitel'], []);
    await addCounter(admin, 'Schalter 2', ['E · Einbürgerung'], ['A · Aufenthaltstitel']);
    await goTo(admin, 'Mitarbeitende');
    await create(admin, 'admin-staff', async () => {
      await admin.getByLabel('Benutzername').fill('lena.berg');
      await admin.getByLabel('Anzeigename').fill('Lena Berg');
    });
    const oneTimePassword = (await admin.locator('admin-staff [data-secret] output').innerText()).trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await screenshot(admin, 'admin-from-empty-staff');
    expect(adminErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);

    // What the admin app built is what the public routes now show.
    const cookie = await e2e.server.login('admin');
    const services = (await api<Listed[]>(url, 'GET', '/api/services')).body;
    expect(services.map((s) => [s.prefix, s.names?.de])).toEqual([
      ['A', 'Aufenthaltstitel'],
      ['E', 'Einbürgerung'],
    ]);
    const counters = (await api<Array<Listed & { name: string }>>(url, 'GET', '/api/counters')).body;
    expect(counters.map((c) => c.name).sort()).toEqual(['Schalter 1', 'Schalter 2']);
    const users = (await api<{ users: Listed[] }>(url, 'GET', '/api/admin/users', { cookie })).body.users;
    expect(users.map((u) => u.username).sort()).toEqual(['admin', 'lena.berg']);
    const residence = services[0]?.id ?? '';
    const counter1 = counters.find((c) => c.name === 'Schalter 1')?.id ?? '';

    // A kiosk is enrolled and opened with its pairing link.
    const kiosk = await api<{ id: string }>(url, 'POST', '/api/admin/devices', { cookie, body: { kind: 'kiosk', name: 'Eingang', area: null } });
    expect(kiosk.status, JSON.stringify(kiosk.body)).toBe(201);
    const token = await api<{ pairingUrl: string }>(url, 'POST', `/api/admin/devices/${kiosk.body.id}/token`, { cookie, body: {} });
    expect(token.status, JSON.stringify(token.body)).toBe(201);
    const pairing = new URL(token.body.pairingUrl);
    const { page: kioskPage, errors: kioskErrors } = await open(`/kiosk/${pairing.search}`, { width: 1080, height: 1920 });
    await kioskPage.locator('kiosk-language-screen').getByRole('button', { name: 'Deutsch', exact: true }).tap();
    await kioskPage.locator('kiosk-service-screen').waitFor();
    // The tile, then (#17) "I also need…" skipped in one tap when a second service is open.
    const ticket = await drawAtKiosk(kioskPage, residence);
    expect(ticket.number).toMatch(/^A\d+$/);
    expect(kioskErrors).toEqual([]);

    // The new staff member: the one-time password signs in, but the desk stays shut until it is replaced.
    const { page: desk, errors: deskErrors } = await open('/counter/', { width: 1280, height: 860 });
    await desk.getByLabel('Benutzername').fill('lena.berg');
    await desk.getByLabel('Passwort').fill(oneTimePassword);
    await desk.getByRole('button', { name: 'Anmelden' }).click();
    await desk.locator('counter-password').waitFor();
    // A reload finds the same session and asks again: the server refuses the desk until the password is new.
    await desk.reload();
    await desk.locator('counter-password').waitFor();
    await screenshot(desk, 'counter-password-change');
    expect((await new AxeBuilder({ page: desk }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
    await desk.getByLabel('Einmalpasswort').fill(oneTimePassword);
    await desk.getByLabel('Neues Passwort', { exact: true }).fill('lena.berg');
    await desk.getByLabel('Neues Passwort wiederholen').fill('lena.berg');
    await desk.getByRole('button', { name: 'Passwort festlegen' }).click();
    await expect.poll(() => desk.locator('counter-password [role=alert]').innerText()).toContain('mindestens 12 Zeichen');
    const chosen = 'Morgens-Kaffee-42';
    await desk.getByLabel('Neues Passwort', { exact: true }).fill(chosen);
    await desk.getByLabel('Neues Passwort wiederholen').fill(chosen);
    await desk.getByRole('button', { name: 'Passwort festlegen' }).click();
    await desk.locator('counter-header').getByRole('button', { name: 'Abmelden' }).waitFor();
    await openFromPicker(desk, counter1);
    await actionButton(desk, 'call-next').click();
    await expect.poll(() => currentNumber(desk)).toBe(ticket.number);
    await screenshot(desk, 'counter-first-call-from-empty');
    expect(deskErrors).toEqual([]);

    // The one-time password is spent; the chosen one works.
    const again = await api(url, 'POST', '/api/auth/login', { body: { username: 'lena.berg', password: oneTimePassword } });
    expect(again.status).toBe(401);
    const chosenLogin = await api<{ mustChangePassword: boolean }>(url, 'POST', '/api/auth/login', { body: { username: 'lena.berg', password: chosen } });
    expect(chosenLogin.status).toBe(200);
    expect(chosenLogin.body.mustChangePassword).toBe(false);
  }, 300_000);
});
