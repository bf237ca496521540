import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { api } from '../realtime/support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

interface Versioned {
  id: string;
  version: number;
  names: Record<string, string>;
}

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** The signed-out page asks GET /api/auth/me once and is told 401: that is the only failed request allowed. */
const realErrors = (errors: string[]) => errors.filter((e) => !/status of 401/.test(e));

const heading = (page: Page) => page.locator('main h1').first();

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(Benutzername|Username)$/).fill(username);
  await page.getByLabel(/^(Passwort|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Anmelden|Sign in)$/ }).click();
}

async function openAdmin(context: BrowserContext, url: string) {
  return openPage(context, `${url}/admin/`);
}

describe('admin app', () => {
  const e2e = useE2e();
  // One admin sign-in for the whole file: the test server allows few logins a minute per address.
  let admin: { context: BrowserContext; page: Page; errors: string[] } | undefined;
  afterAll(() => admin?.context.close());
  const adminPage = () => {
    if (!admin) throw new Error('the first test signs the admin in');
    return admin;
  };

  it('signs an admin in; every page shows its list and form with no axe violations, in German and English', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openAdmin(context, e2e.server.url);
    admin = { context, page, errors };
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Anmeldung zur Verwaltung');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-login');

    await signIn(page, 'admin', e2e.server.passwords.admin ?? '');
    const nav = page.getByRole('navigation', { name: 'Verwaltung' });
    await nav.waitFor();
    const pages: Array<[string, string, string | null]> = [
      ['office', 'Amt', null],
      ['services', 'Dienstleistungen', 'permit-pickup'],
      ['areas', 'Bereiche', 'edit'],
      ['counters', 'Schalter', 'edit'],
      ['staff', 'Mitarbeitende', 'edit'],
      ['password', 'Mein Passwort', null],
    ];
    for (const [key, title, open] of pages) {
      await nav.getByRole('link', { name: title, exact: true }).click();
      await expect.poll(() => heading(page).innerText()).toBe(title);
      if (open === 'edit') await page.locator('button[data-edit]').first().click();
      else if (open) await page.locator(`button[data-edit="${open}"]`).click();
      if (key === 'office') await page.getByLabel('Name des Amtes').waitFor();
      if (open) await page.locator('#form-heading').waitFor();
      expect(await axeViolations(page), key).toEqual([]);
      await screenshot(page, `admin-${key}`);
    }

    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Services', exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe('Services');
    await page.locator('button[data-edit="permit-pickup"]').click();
    await page.locator('#form-heading').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-services-en');
    await page.locator('admin-app header select').selectOption('de');
    expect(realErrors(errors)).toEqual([]);
  }, 240_000);

  it('saves a changed service name, and a stale edit offers to reload instead of overwriting', async () => {
    const cookie = await e2e.server.login('admin');
    const { page, errors } = adminPage();
    errors.splice(0);
    await page.getByRole('link', { name: 'Dienstleistungen', exact: true }).click();
    await page.locator('button[data-edit="permit-pickup"]').click();

    const english = page.getByLabel('English', { exact: true });
    await english.fill('Collect your permit');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('admin-services [role=status]').innerText()).toBe('Gespeichert.');
    const services = async () =>
      (await api<{ services: Versioned[] }>(e2e.server.url, 'GET', '/api/admin/services', { cookie })).body.services;
    const saved = (await services()).find((s) => s.id === 'permit-pickup');
    expect(saved?.names.en).toBe('Collect your permit');
    const publicList = await api<Array<{ id: string; names: Record<string, string> }>>(e2e.server.url, 'GET', '/api/services');
    expect(publicList.body.find((s) => s.id === 'permit-pickup')?.names.en).toBe('Collect your permit');

    // Someone else saves the same service meanwhile; this form still holds the version it read.
    const other = await api(e2e.server.url, 'PATCH', '/api/admin/services/permit-pickup', {
      cookie,
      body: { version: saved?.version, names: { ...saved?.names, en: 'Permit pick-up (by someone else)' } },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    await english.fill('My late change');
    await page.getByRole('button', { name: 'Speichern' }).click();
    const stale = page.locator('admin-services [data-problem="STALE"]');
    await expect.poll(() => stale.innerText()).toContain('Jemand anderes hat diesen Eintrag inzwischen geändert');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-stale');
    expect((await services()).find((s) => s.id === 'permit-pickup')?.names.en).toBe('Permit pick-up (by someone else)');
    await stale.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => stale.count()).toBe(0);
    await expect.poll(() => english.inputValue()).toBe('Permit pick-up (by someone else)');
    // The 409 itself is the one failed request besides the first 401.
    expect(realErrors(errors).filter((e) => !/status of 409/.test(e))).toEqual([]);
  }, 120_000);

  it('a new staff user gets a one-time password and must set an own password before anything else', async () => {
    const { page } = adminPage();
    await page.getByRole('link', { name: 'Mitarbeitende', exact: true }).click();
    await page.locator('button[data-new]').click();
    await page.getByLabel('Benutzername', { exact: true }).fill('neu.kollegin');
    await page.getByLabel('Anzeigename').fill('Neue Kollegin');
    await page.getByRole('button', { name: 'Speichern' }).click();
    const secret = page.locator('[data-secret] output');
    await secret.waitFor();
    const oneTime = await secret.innerText();
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'admin-staff-created');

    const newcomer = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page: p2, errors } = await openAdmin(newcomer, e2e.server.url);
    await signIn(p2, 'neu.kollegin', oneTime);
    await expect.poll(() => heading(p2).innerText()).toBe('Eigenes Passwort festlegen');
    expect(await p2.getByRole('navigation', { name: 'Verwaltung' }).count()).toBe(0);
    // Enforced on the server too, not only here.
    const refused = await api(e2e.server.url, 'GET', '/api/admin/services', { cookie: await cookieOf(newcomer) });
    expect(refused.status).toBe(403);
    expect(await axeViolations(p2)).toEqual([]);
    await screenshot(p2, 'admin-forced-password');

    // Too short: the message stands next to the new password field.
    await p2.getByLabel('Einmalpasswort').fill(oneTime);
    await p2.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
    await p2.getByLabel('Neues Passwort wiederholen').fill('kurz');
    await p2.getByRole('button', { name: 'Passwort speichern' }).click();
    await expect.poll(() => p2.locator('[data-field="newPassword"] .field-error').innerText()).toContain('mindestens 12 Zeichen');

    const own = 'ein-eigenes-langes-Passwort';
    await p2.getByLabel('Neues Passwort', { exact: true }).fill(own);
    await p2.getByLabel('Neues Passwort wiederholen').fill(own);
    await p2.getByRole('button', { name: 'Passwort speichern' }).click();
    // Staff may not administer: after the change the app says so, and the server no longer asks for a change.
    await expect.poll(() => heading(p2).innerText()).toBe('Kein Zugang zur Verwaltung');
    const me = await api<{ mustChangePassword: boolean }>(e2e.server.url, 'GET', '/api/auth/me', { cookie: await cookieOf(newcomer) });
    expect(me.body.mustChangePassword).toBe(false);
    expect(realErrors(errors)).toEqual([]);
    await newcomer.close();
  }, 120_000);
});

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
