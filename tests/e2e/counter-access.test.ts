import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../common/dto.js';
import { actionButton, api, openFromPicker, signIn } from '../counter/e2e-support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

describe('counter app: sign-in, access and accessibility', () => {
  const e2e = useE2e();

  it('shows the login to a visitor without a session, with no axe violations', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, errors } = await openPage(context, `${e2e.server.url}/counter/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Anmeldung für Mitarbeitende');
    await expect(page.locator('counter-actions').count()).resolves.toBe(0);
    // The socket refuses the handshake too: nothing of the queue reaches this page.
    await expect(page.locator('counter-queue-list').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-login');

    await page.getByLabel('Benutzername').fill('jschulte');
    await page.getByLabel('Passwort').fill('wrong-password');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.locator('counter-login [role=alert]').innerText()).toBe('Benutzername oder Passwort ist falsch.');
    // The refused login itself is the only failed request.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    await context.close();
  });

  it('signs in, keeps the session across a reload, and the main screen has no axe violations', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, errors } = await openPage(context, `${e2e.server.url}/counter/`);
    await signIn(page, 'jschulte', e2e.server.passwords.jschulte ?? '');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Schalter wählen');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-picker');
    await openFromPicker(page, 'schalter-2');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Schalter 2');
    await expect.poll(() => actionButton(page, 'call-next').isEnabled()).toBe(true);

    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Schalter 2');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'counter-main');

    // A server restart: the open page reconnects by itself and still acts; a reload needs no new sign-in.
    expect(errors).toEqual([]);
    await e2e.server.restart();
    const { number } = (await api<IssuedTicket>(e2e.server.url, 'POST', '/api/tickets', { body: { serviceId: 'permit-pickup', language: 'de' } })).body;
    await expect.poll(() => page.locator(`counter-queue-list tr[data-ticket="${number}"]`).count(), { timeout: 20_000 }).toBe(1);
    // While the server was away, reconnect attempts may fail (refused, or a polling session the new process does not know).
    const duringRestart = errors.splice(0);
    expect(duringRestart.filter((e) => !/ERR_CONNECTION_REFUSED|WebSocket connection to|status of 400/.test(e))).toEqual([]);
    await actionButton(page, 'call-next').click();
    await expect.poll(() => page.locator('counter-current-ticket [data-current]').getAttribute('data-current')).toBe(number);
    await page.reload();
    await expect.poll(() => page.locator('counter-current-ticket [data-current]').getAttribute('data-current')).toBe(number);

    // English on request; the choice stays with this browser.
    await page.getByLabel('Sprache').selectOption('en');
    await expect.poll(() => actionButton(page, 'finish').innerText()).toContain('Finish');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await screenshot(page, 'counter-main-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('counter app outside the staff networks', () => {
  // Loopback is not a staff network here: the page loads, the /counter handshake is refused.
  const e2e = useE2e({ config: { staffNetworks: ['10.0.0.0/8'] } });

  it('says why instead of trying to connect forever', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, errors } = await openPage(context, `${e2e.server.url}/counter/`);
    await expect.poll(() => page.locator('counter-login [role=alert]').innerText()).toBe(
      'Vom Netz dieses Geräts aus ist die Arbeit am Schalter nicht erlaubt. Bitte nutzen Sie ein Gerät im Netz des Amtes.',
    );
    // A sign-in is refused for the same reason, and says so.
    await page.getByLabel('Benutzername').fill('jschulte');
    await page.getByLabel('Passwort').fill(e2e.server.passwords.jschulte ?? '');
    expect(errors).toEqual([]);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => errors).toEqual(['Failed to load resource: the server responded with a status of 403 (Forbidden)']);
    await expect.poll(() => page.locator('counter-login [role=alert]').innerText()).toContain('Vom Netz dieses Geräts aus');
    await expect(page.locator('counter-actions').count()).resolves.toBe(0);
    await context.close();
  });
});
