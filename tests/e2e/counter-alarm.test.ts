import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openFromPicker, signIn } from '../counter/e2e-support.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * The silent alarm: raised at Schalter 4, it reaches Schalter 5 (open) at once
 * and a colleague who signs in later, stays until acknowledged, and both the
 * raising and the acknowledging are in the event log.
 */
describe('emergency alarm', () => {
  const e2e = useE2e();
  const contexts: BrowserContext[] = [];

  async function counterPage(username: string, counterId?: string): Promise<{ page: Page; errors: string[] }> {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const opened = await openPage(context, `${e2e.server.url}/counter/`);
    await signIn(opened.page, username, e2e.server.passwords[username] ?? '');
    if (counterId) await openFromPicker(opened.page, counterId);
    return opened;
  }

  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  it('reaches the other counters until someone acknowledges it', async () => {
    const raiser = await counterPage('kmansour', 'schalter-4');
    const helper = await counterPage('okovalenko', 'schalter-5');
    const incoming = (p: Page) => p.locator('counter-alarm-banner .alarm[role=alert]');

    // One click asks, the second sends; cancelling sends nothing.
    await raiser.page.locator('counter-alarm-button > button, counter-alarm-button button.danger').first().click();
    const confirm = raiser.page.locator('counter-alarm-button dialog');
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    await expect.poll(() => confirm.isVisible()).toBe(false);

    await raiser.page.getByRole('button', { name: 'Alarm', exact: true }).click();
    await confirm.getByRole('button', { name: 'Alarm senden' }).click();

    // The alarm sent is the barrier (its id from the raiser's confirmation): one sent on
    // cancelling would have reached the helper before it.
    const own = raiser.page.locator('counter-alarm-banner .own');
    await own.last().waitFor();
    const sentId = await own.last().getAttribute('data-alarm');
    await helper.page.locator(`counter-alarm-banner .alarm[role=alert][data-alarm="${sentId}"]`).waitFor();
    expect(await incoming(helper.page).evaluateAll((alarms) => alarms.map((a) => a.getAttribute('data-alarm')))).toEqual([sentId]);
    await expect.poll(() => incoming(helper.page).locator('strong').innerText()).toBe('ALARM: Hilfe bei Schalter 4');
    await expect.poll(() => incoming(helper.page).innerText()).toContain('Ausgelöst von Karim Mansour');
    await expect.poll(() => helper.page.title()).toBe('ALARM – Schalter 4');
    // The raising counter gets a quiet confirmation, not the alarm itself.
    expect(await incoming(raiser.page).count()).toBe(0);
    await expect.poll(() => raiser.page.locator('counter-alarm-banner .own').innerText()).toContain('Ihr Alarm ist gesendet');
    await screenshot(helper.page, 'counter-alarm-incoming');
    const axe = await new AxeBuilder({ page: helper.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // A colleague signing in now sees it too: open alarms come with the connection.
    const late = await counterPage('ipetrova');
    await expect.poll(() => incoming(late.page).locator('strong').innerText()).toBe('ALARM: Hilfe bei Schalter 4');

    await incoming(helper.page).getByRole('button', { name: 'Gesehen – ich kümmere mich' }).click();
    for (const p of [helper.page, late.page]) await expect.poll(() => incoming(p).count()).toBe(0);
    await expect.poll(() => raiser.page.locator('counter-alarm-banner .own').count()).toBe(0);
    await expect
      .poll(() => raiser.page.locator('counter-app [role=status].info').innerText())
      .toBe('Der Alarm von Schalter 4 ist bestätigt von Olena Kovalenko.');
    await expect.poll(() => helper.page.title()).not.toContain('ALARM');

    const log = await e2e.server.app.office.store.read(e2e.server.app.office.siteId, async (r) =>
      (await r.events.latest(['counter.alarm_raised', 'counter.alarm_acknowledged'], 10)).map((e) => [e.type, e.counterId, e.data.alarmId]),
    );
    expect(log).toHaveLength(2);
    expect(log.map((e) => e[0])).toEqual(['counter.alarm_acknowledged', 'counter.alarm_raised']);
    expect(log[0]?.[2]).toBe(log[1]?.[2]);
    expect(log.every((e) => e[1] === 'schalter-4')).toBe(true);

    for (const p of [raiser, helper, late]) expect(p.errors).toEqual([]);
  });
});
