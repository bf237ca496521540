import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

interface AdminDeviceRecord {
  id: string;
  kind: 'kiosk' | 'display';
  name: string;
  area: string | null;
  enrolled: boolean;
  kiosk: { idleSeconds: number } | null;
  display: { tickerTexts: unknown[]; announce: unknown } | null;
}

interface ConfigDoc {
  exportedAt: string;
  office: Record<string, unknown>;
  services: Array<{ id: string; names: Record<string, string> }>;
  devices: Array<{ id: string }>;
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
  // Sign-ins and password changes hash with scrypt: on a busy machine an answer takes longer than a poll's default second.
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
    // Deleting, pairing anew: the app asks first; the tests say yes.
    page.on('dialog', (d) => void d.accept());
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
      ['kiosks', 'Kioske', 'edit'],
      ['screens', 'Anzeigen', 'edit'],
      ['config', 'Konfiguration', null],
      ['staff', 'Mitarbeitende', 'edit'],
      ['password', 'Mein Passwort', null],
    ];
    for (const [key, title, open] of pages) {
      await nav.getByRole('link', { name: title, exact: true }).click();
      await expect.poll(() => heading(page).innerText()).toBe(title);
      if (open === 'edit') await page.locator('button[data-edit]').first().click();
      else if (open) await page.locator(`button[data-edit="${open}"]`).click();
      if (key === 'office') {
        await page.getByLabel('Name des Amtes').waitFor();
        await page.locator('admin-holiday-calendar table').scrollIntoViewIfNeeded();
      }
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
    for (const [title, key] of [['Kiosks', 'kiosks'], ['Screens', 'screens'], ['Configuration', 'config']] as const) {
      await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: title, exact: true }).click();
      await expect.poll(() => heading(page).innerText()).toBe(title);
      if (key !== 'config') {
        await page.locator('button[data-edit]').first().click();
        await page.locator('#form-heading').waitFor();
      }
      expect(await axeViolations(page), `${key} in English`).toEqual([]);
    }
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

  /** The admin API as the signed-in admin of the browser sees it. */
  const adminApi = async <T>(method: string, path: string, body?: unknown) =>
    api<T>(e2e.server.url, method, path, { cookie: await cookieOf(adminPage().context), ...(body === undefined ? {} : { body }) });
  const devices = async () => (await adminApi<{ devices: AdminDeviceRecord[] }>('GET', '/api/admin/devices')).body.devices;
  /** Opens a page by its link in the navigation and waits for its heading. */
  const goTo = async (page: Page, title: string) => {
    await page.getByRole('link', { name: title, exact: true }).click();
    await expect.poll(() => heading(page).innerText()).toBe(title);
  };
  /** Refusals a test provokes show as failed requests in the console; only those are allowed. */
  const unexpected = (errors: string[], ...statuses: number[]) =>
    realErrors(errors).filter((e) => !statuses.some((s) => e.includes(`status of ${s}`)));

  it('a kiosk made and edited in the page changes its record; a wrong printer is named at the field; test ticket and pairing link', async () => {
    const { page, errors } = adminPage();
    errors.splice(0);
    await goTo(page, 'Kioske');
    await page.locator('button[data-new]').click();
    const form = page.locator('admin-kiosks form');
    await form.getByLabel('Name', { exact: true }).fill('Kiosk Obergeschoss');
    await form.getByLabel('Bereich').selectOption('og1');
    await form.getByLabel('Drucker', { exact: true }).fill('drucker-og');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => form.locator('[data-field="kiosk.printer"] .field-error').innerText()).toContain('tcp://');
    expect(await form.getByLabel('Drucker', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect((await devices()).some((d) => d.name === 'Kiosk Obergeschoss')).toBe(false);

    // A device path: a plain file stands in for /dev/usb/lp0 and shows that the test ticket was written.
    const printerFile = join(mkdtempSync(join(tmpdir(), 'amtsqueue-admin-')), 'drucker.bin');
    writeFileSync(printerFile, '');
    await form.getByLabel('Drucker', { exact: true }).fill(printerFile);
    await form.getByLabel('Papierbreite').selectOption('384');
    await form.getByLabel('Drucker vor dem Druck nach seinem Zustand fragen').uncheck();
    await form.locator('[data-all="kiosk.serviceIds"]').uncheck();
    const serviceBoxes = form.locator('[data-field="kiosk.serviceIds"] input[data-value]');
    const offered = [await serviceBoxes.nth(0).getAttribute('data-value'), await serviceBoxes.nth(1).getAttribute('data-value')];
    for (let i = (await serviceBoxes.count()) - 1; i >= 2; i--) await serviceBoxes.nth(i).uncheck();
    await form.locator('[data-all="kiosk.languages"]').uncheck();
    const languageBoxes = form.locator('[data-field="kiosk.languages"] input[data-value]');
    for (const code of await languageBoxes.evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? ''))) {
      if (code !== 'de' && code !== 'en') await form.locator(`[data-field="kiosk.languages"] input[data-value="${code}"]`).uncheck();
    }
    await form.getByLabel('Sekunden ohne Berührung bis zur Nachfrage').fill('90');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('admin-kiosks [role=status]').first().innerText()).toBe('Gespeichert.');
    const made = (await devices()).find((d) => d.name === 'Kiosk Obergeschoss');
    expect(made).toMatchObject({
      kind: 'kiosk',
      area: 'og1',
      enrolled: false,
      kiosk: { printer: printerFile, paperWidthDots: 384, statusQuery: false, serviceIds: offered, languages: ['de', 'en'], idleSeconds: 90 },
    });

    // Edited again: only what changed is sent, and the record follows.
    await form.getByLabel('Sekunden ohne Berührung bis zur Nachfrage').fill('120');
    await form.locator('[data-all="kiosk.languages"]').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(async () => (await devices()).find((d) => d.id === made?.id)?.kiosk?.idleSeconds).toBe(120);
    expect((await devices()).find((d) => d.id === made?.id)?.kiosk).toMatchObject({ languages: null, paperWidthDots: 384, serviceIds: offered });

    await page.locator('admin-kiosks button[data-test-print]').click();
    await expect.poll(() => page.locator('admin-kiosks [data-print-outcome]').getAttribute('data-print-outcome')).toBe('printed');
    expect(statSync(printerFile).size).toBeGreaterThan(0);

    await page.locator('admin-kiosks button[data-pair]').click();
    const link = page.locator('admin-kiosks [data-pairing] a');
    await expect.poll(() => link.getAttribute('href')).toMatch(/\/kiosk\/\?pair=[\w-]+/);
    await expect.poll(async () => (await devices()).find((d) => d.id === made?.id)?.enrolled).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-kiosks');
    await page.locator('admin-kiosks [data-pairing] button').click();
    expect(await link.count()).toBe(0);

    await page.locator(`admin-kiosks button[data-delete="${made?.id}"]`).click();
    await expect.poll(async () => (await devices()).some((d) => d.id === made?.id)).toBe(false);
    await expect.poll(() => page.locator(`admin-kiosks tr[data-id="${made?.id}"]`).count()).toBe(0);
    expect(unexpected(errors, 400)).toEqual([]);
  }, 120_000);

  it('a screen edited in the page changes its record; its address is a link', async () => {
    const { page, errors } = adminPage();
    errors.splice(0);
    await goTo(page, 'Anzeigen');
    expect(await page.locator('admin-screens a[data-address="anzeige-eg"]').getAttribute('href')).toBe('/display/?device=anzeige-eg');
    await page.locator('button[data-edit="anzeige-eg"]').click();
    const form = page.locator('admin-screens form');
    await form.locator('[data-all="display.announce"]').uncheck();
    const boxes = form.locator('[data-field="display.announce"] input[data-value]');
    for (const code of await boxes.evaluateAll((els) => els.map((e) => e.getAttribute('data-value') ?? ''))) {
      if (code !== 'en' && code !== 'tr') await form.locator(`[data-field="display.announce"] input[data-value="${code}"]`).uncheck();
    }
    await form.locator('button[data-add-ticker]').click();
    await form.getByLabel('Text 1: Sprache').selectOption('en');
    await form.getByLabel('Text 1', { exact: true }).fill('Welcome to the citizens office');
    await form.locator('button[data-add-ticker]').click();
    await form.getByLabel('Text 2: Sprache').selectOption('de');
    await form.getByLabel('Text 2', { exact: true }).fill('Willkommen im Bürgeramt');
    await form.getByLabel('Anzahl früherer Aufrufe in der Liste').fill('5');
    await form.getByLabel('Zahl der Wartenden zeigen').uncheck();
    await form.getByLabel('Ausrichtung').selectOption('portrait');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('admin-screens [role=status]').first().innerText()).toBe('Gespeichert.');
    expect((await devices()).find((d) => d.id === 'anzeige-eg')?.display).toEqual({
      announce: ['en', 'tr'],
      tickerTexts: [
        { lang: 'en', text: 'Welcome to the citizens office' },
        { lang: 'de', text: 'Willkommen im Bürgeramt' },
      ],
      historySize: 5,
      showWaiting: false,
      orientation: 'portrait',
    });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-screens');

    await form.getByRole('button', { name: 'Text 1 entfernen' }).click();
    await form.locator('[data-all="display.announce"]').check();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(async () => (await devices()).find((d) => d.id === 'anzeige-eg')?.display?.tickerTexts).toEqual([{ lang: 'de', text: 'Willkommen im Bürgeramt' }]);
    expect((await devices()).find((d) => d.id === 'anzeige-eg')?.display?.announce).toBe('all');
    expect(unexpected(errors)).toEqual([]);
  }, 120_000);

  it('deleting: a record in use is refused with a clear message, a stale one offers to reload, an unused one goes', async () => {
    const { page, errors } = adminPage();
    errors.splice(0);
    await goTo(page, 'Bereiche');
    await page.locator('button[data-edit="eg"]').click();
    await page.locator('admin-areas button[data-delete="eg"]').click();
    const inUse = page.locator('admin-areas [data-problem="AREA_IN_USE"]');
    await expect.poll(() => inUse.innerText()).toBe('Zu diesem Bereich gehören noch Schalter oder Anzeigen.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-delete-in-use');

    await page.locator('button[data-new]').click();
    await page.getByLabel('Deutsch (Pflicht)').fill('Keller');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('admin-areas [role=status]').first().innerText()).toBe('Gespeichert.');
    const areas = async () => (await adminApi<{ areas: Array<{ id: string; version: number; name: Record<string, string> }> }>('GET', '/api/admin/areas')).body.areas;
    const cellar = (await areas()).find((a) => a.name.de === 'Keller');
    if (!cellar) throw new Error('the area was created');
    // Someone else renames it meanwhile: this page's delete names the version it read.
    expect((await adminApi('PATCH', `/api/admin/areas/${cellar.id}`, { version: cellar.version, name: { de: 'Untergeschoss' } })).status).toBe(200);
    await page.locator(`admin-areas button[data-delete="${cellar.id}"]`).click();
    const stale = page.locator('admin-areas [data-problem="STALE"]');
    await stale.waitFor();
    expect((await areas()).some((a) => a.id === cellar.id)).toBe(true);
    await stale.getByRole('button', { name: 'Neu laden' }).click();
    await page.locator(`admin-areas button[data-delete="${cellar.id}"]`).click();
    await expect.poll(async () => (await areas()).some((a) => a.id === cellar.id)).toBe(false);
    await expect.poll(() => page.locator('admin-areas [role=status]').first().innerText()).toBe('Untergeschoss ist gelöscht.');
    expect(unexpected(errors, 409)).toEqual([]);
  }, 120_000);

  it('holidays are toggled in a month calendar, with the mouse and the keyboard', async () => {
    const { page, errors } = adminPage();
    errors.splice(0);
    await page.getByRole('link', { name: 'Amt', exact: true }).click();
    const calendar = page.locator('admin-holiday-calendar');
    await calendar.locator('button[data-date]').first().waitFor();
    await calendar.locator('button[data-next-month]').click();
    const month = (await calendar.locator('button[data-date]').first().getAttribute('data-date'))?.slice(0, 8) ?? '';
    const tenth = `${month}10`;
    const day = (date: string) => calendar.locator(`button[data-date="${date}"]`);
    await day(tenth).click();
    expect(await day(tenth).getAttribute('aria-pressed')).toBe('true');
    // The keyboard: a week down, toggle; a month on and back.
    await page.keyboard.press('ArrowDown');
    const seventeenth = `${month}17`;
    await expect.poll(() => day(seventeenth).evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => day(seventeenth).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('PageDown');
    await expect.poll(() => day(seventeenth).count()).toBe(0);
    await page.keyboard.press('PageUp');
    await expect.poll(() => day(seventeenth).evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await day(seventeenth).getAttribute('tabindex')).toBe('0');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.locator('admin-office [role=status]').first().innerText()).toBe('Gespeichert.');
    const holidays = async () => (await adminApi<{ holidays: string[] }>('GET', '/api/admin/office')).body.holidays;
    expect(await holidays()).toEqual(expect.arrayContaining([tenth, seventeenth]));
    expect(await axeViolations(page)).toEqual([]);
    await calendar.locator('table').scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-office');

    await day(tenth).click();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(async () => (await holidays()).includes(tenth)).toBe(false);
    expect(await holidays()).toContain(seventeenth);
    expect(unexpected(errors)).toEqual([]);
  }, 120_000);

  it('exports the configuration as a file; an import shows what changes first, then applies', async () => {
    const { page, errors } = adminPage();
    errors.splice(0);
    await goTo(page, 'Konfiguration');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export]').click()]);
    expect(download.suggestedFilename()).toMatch(/^amtsqueue-config-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(readFileSync(await download.path(), 'utf8')) as ConfigDoc;
    const fromApi = (await adminApi<ConfigDoc>('GET', '/api/admin/config')).body;
    expect({ ...doc, exportedAt: '' }).toEqual({ ...fromApi, exportedAt: '' });

    const changed: ConfigDoc = {
      ...doc,
      office: { ...doc.office, name: 'Bürgeramt Nord' },
      services: doc.services.map((s) => (s.id === 'permit-pickup' ? { ...s, names: { ...s.names, de: 'Ausweis abholen' } } : s)),
      devices: doc.devices.filter((d) => d.id !== 'anzeige-og1'),
    };
    const file = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await page.getByLabel('Konfigurationsdatei').setInputFiles(file('neu.json', JSON.stringify(changed)));
    const preview = page.locator('admin-config [data-preview]');
    await expect.poll(() => preview.locator('tr[data-kind="service"] td[data-action="updated"]').innerText()).toContain('permit-pickup');
    expect(await preview.locator('tr[data-kind="device"] td[data-action="deleted"]').innerText()).toContain('anzeige-og1');
    expect(await preview.locator('tr[data-kind="office"] td[data-action="updated"]').innerText()).toContain('name');
    // The dry run wrote nothing.
    expect((await adminApi<{ name: string }>('GET', '/api/admin/office')).body.name).not.toBe('Bürgeramt Nord');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'admin-config');

    await page.locator('admin-config button[data-confirm-import]').click();
    await page.locator('admin-config [data-import-result]').waitFor();
    expect((await adminApi<{ name: string }>('GET', '/api/admin/office')).body.name).toBe('Bürgeramt Nord');
    const services = (await adminApi<{ services: Versioned[] }>('GET', '/api/admin/services')).body.services;
    expect(services.find((s) => s.id === 'permit-pickup')?.names.de).toBe('Ausweis abholen');
    expect((await devices()).some((d) => d.id === 'anzeige-og1')).toBe(false);

    // A document the admin API would refuse: the message and the place in the file.
    const [first] = changed.services;
    const bad = { ...changed, services: [{ ...first, hours: { '1': [{ from: '12:00', to: '08:00' }] } }, ...changed.services.slice(1)] };
    await page.getByLabel('Konfigurationsdatei').setInputFiles(file('falsch.json', JSON.stringify(bad)));
    await expect.poll(() => page.locator('admin-config [data-refused-field]').innerText()).toContain('services.0.hours.1.0.to');
    expect(await page.locator('admin-config [data-preview]').count()).toBe(0);
    await page.getByLabel('Konfigurationsdatei').setInputFiles(file('kaputt.json', '{ kein json'));
    await expect.poll(() => page.locator('admin-config .problem').innerText()).toBe('Die Datei ist kein JSON-Dokument.');
    expect(unexpected(errors, 400)).toEqual([]);
  }, 120_000);

  it('a supervisor sees kiosks, screens and holidays read-only, and no configuration export', async () => {
    const created = await adminApi<{ oneTimePassword: string }>('POST', '/api/admin/users', {
      username: 'team.leitung',
      displayName: 'Team Leitung',
      role: 'supervisor',
      languages: ['de'],
    });
    expect(created.status).toBe(201);
    const context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const { page, errors } = await openAdmin(context, e2e.server.url);
    await signIn(page, 'team.leitung', created.body.oneTimePassword);
    await page.getByLabel('Einmalpasswort').fill(created.body.oneTimePassword);
    await page.getByLabel('Neues Passwort', { exact: true }).fill('leitung-eigenes-Passwort');
    await page.getByLabel('Neues Passwort wiederholen').fill('leitung-eigenes-Passwort');
    await page.getByRole('button', { name: 'Passwort speichern' }).click();
    const nav = page.getByRole('navigation', { name: 'Verwaltung' });
    await nav.waitFor();
    for (const [title, tag] of [['Kioske', 'admin-kiosks'], ['Anzeigen', 'admin-screens']] as const) {
      await nav.getByRole('link', { name: title, exact: true }).click();
      await expect.poll(() => heading(page).innerText()).toBe(title);
      await page.locator(`${tag} button[data-edit]`).first().click();
      await page.locator('#form-heading').waitFor();
      expect(await page.locator(`${tag} form input:not([disabled])`).count(), title).toBe(0);
      expect(await page.locator(`${tag} button[data-new], ${tag} button[data-delete], ${tag} button[type=submit], ${tag} button[data-test-print]`).count(), title).toBe(0);
      expect(await axeViolations(page), title).toEqual([]);
    }
    await nav.getByRole('link', { name: 'Amt', exact: true }).click();
    const day = page.locator('admin-holiday-calendar button[data-date]').nth(9);
    await day.waitFor();
    const pressed = await day.getAttribute('aria-pressed');
    expect(await day.isEnabled()).toBe(false); // aria-disabled: read-only, yet still reachable by keyboard
    await day.click({ force: true });
    expect(await day.getAttribute('aria-pressed')).toBe(pressed);
    await nav.getByRole('link', { name: 'Konfiguration', exact: true }).click();
    await expect.poll(() => page.locator('admin-config p.panel').innerText()).toContain('Administratoren vorbehalten');
    expect(await page.locator('admin-config button[data-export]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(realErrors(errors)).toEqual([]);
    await context.close();
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
