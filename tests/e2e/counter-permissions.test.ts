import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../common/dto.js';
import { actionButton, api, currentNumber, drawTicket, openFromPicker, signIn } from '../counter/e2e-support.js';
import { closeAll, connect, emitAck } from '../helpers/socket-clients.js';
import { openPage, screenshot } from './helpers/browser.js';
import { useE2e } from './helpers/use-e2e.js';

/**
 * Whose counter is whose: another staff member can neither pick nor act on an
 * open counter (in the app and over the API); two tabs of the same counter stay
 * in step; an admin can take a counter over, and its previous user sees that.
 */
describe('counter ownership', () => {
  const e2e = useE2e();
  const contexts: BrowserContext[] = [];

  async function signedInPage(username: string, init?: string): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    if (init) await context.addInitScript(init);
    const { page, errors } = await openPage(context, `${e2e.server.url}/counter/`);
    await signIn(page, username, e2e.server.passwords[username] ?? '');
    return { page, errors, context };
  }

  afterAll(async () => {
    closeAll();
    for (const c of contexts) await c.close();
  });

  it('keeps another staff member off an open counter, in the app and over the API', async () => {
    const owner = await signedInPage('ayilmaz');
    await openFromPicker(owner.page, 'schalter-3');
    await drawTicket(e2e.server.url, 'residence');

    // The picker of someone else does not offer Schalter 3.
    const other = await signedInPage('kmansour');
    await other.page.locator('counter-picker').waitFor();
    const offered = await other.page.locator('counter-picker button[data-counter]').evaluateAll((b) => b.map((x) => x.getAttribute('data-counter')));
    expect(offered).toContain('schalter-4');
    expect(offered).not.toContain('schalter-3');

    // Steered there anyway (a stale choice in this browser): a notice, and no action buttons.
    const steered = await signedInPage('okovalenko', "localStorage.setItem('amtsqueue.counter.id.okovalenko', 'schalter-3')");
    await expect
      .poll(() => steered.page.locator('counter-app .notice [role=alert]').innerText())
      .toBe('Schalter 3 ist von Ayşe Yılmaz geöffnet. Sie können dort nichts tun.');
    expect(await steered.page.locator('counter-actions').count()).toBe(0);
    expect(await steered.page.locator('counter-queue-list').count()).toBe(0);
    await screenshot(steered.page, 'counter-taken-notice');

    // The API and the socket refuse too.
    const cookie = await e2e.server.login('kmansour');
    const http = await api<ErrorResponse>(e2e.server.url, 'POST', '/api/counters/schalter-3/call-next', { cookie });
    expect(http.status).toBe(403);
    expect(http.body.error.code).toBe('COUNTER_NOT_YOURS');
    const take = await api<ErrorResponse>(e2e.server.url, 'POST', '/api/counters/schalter-3/open', { cookie, body: {} });
    expect(take.status).toBe(409);
    expect(take.body.error.code).toBe('COUNTER_TAKEN');
    const forced = await api<ErrorResponse>(e2e.server.url, 'POST', '/api/counters/schalter-3/open', { cookie, body: { force: true } });
    expect(forced.body.error.code).toBe('COUNTER_TAKEN');
    const socket = await connect(e2e.server.url, '/counter', { cookie });
    const ack = await emitAck(socket, 'counter:call-next', { counterId: 'schalter-3' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'COUNTER_NOT_YOURS' } });
    const alarm = await emitAck(socket, 'counter:alarm', { counterId: 'schalter-3' });
    expect(alarm).toMatchObject({ ok: false, error: { code: 'COUNTER_NOT_YOURS' } });

    // Nothing happened to the owner's counter.
    const counter = await e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => r.catalog.counter('schalter-3'));
    expect(counter).toMatchObject({ open: true, currentTicketId: null });
    expect(await currentNumber(owner.page)).toBe(null);
    for (const p of [owner, other, steered]) expect(p.errors).toEqual([]);
  });

  it('keeps two tabs of one counter in step', async () => {
    const first = await signedInPage('jschulte');
    await openFromPicker(first.page, 'schalter-2');
    const second = await openPage(first.context, `${e2e.server.url}/counter/`);
    await second.page.locator('counter-actions').waitFor();
    const older = await drawTicket(e2e.server.url, 'permit-pickup');
    const ticket = await drawTicket(e2e.server.url, 'permit-pickup');

    // Call a particular number from the list, not the next one.
    await first.page.getByRole('button', { name: `${ticket.number} aufrufen` }).click();
    await expect.poll(() => currentNumber(second.page)).toBe(ticket.number);
    // (A001 from the first test waits too: Schalter 2 also serves residence permits.) The list is in the
    // order call-next takes them: permit pick-up is Schalter 2's primary service, so it comes before the older A001.
    await expect.poll(() => second.page.locator('counter-queue-list tr[data-ticket]').evaluateAll((r) => r.map((x) => x.getAttribute('data-ticket')))).toEqual([older.number, 'A001']);
    // While a number is at the counter, the list cannot call another.
    expect(await second.page.getByRole('button', { name: `${older.number} aufrufen` }).isDisabled()).toBe(true);
    await actionButton(second.page, 'start').click();
    await expect.poll(() => first.page.locator('counter-current-ticket .status').innerText()).toBe('in Bearbeitung');

    // A note written in one tab shows in the other.
    await first.page.locator('counter-notes textarea').fill('Unterlagen vollständig');
    await first.page.locator('counter-notes button').click();
    await expect.poll(() => second.page.locator('counter-notes textarea').inputValue()).toBe('Unterlagen vollständig');

    await actionButton(second.page, 'finish').click();
    await expect.poll(() => currentNumber(first.page)).toBe(null);
    await expect.poll(() => actionButton(first.page, 'finish').isDisabled()).toBe(true);
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
  });

  it('shows the server’s refusal in the staff member’s words when the screen was behind', async () => {
    const staff = await signedInPage('ftesfaye');
    await openFromPicker(staff.page, 'raum-1-17');
    await drawTicket(e2e.server.url, 'youth-migration');
    await expect.poll(() => actionButton(staff.page, 'call-next').isEnabled()).toBe(true);
    // Closed behind the app's back (straight in the store, so no push tells the screen).
    await e2e.server.app.office.store.transaction(e2e.server.app.office.siteId, async (tx) => {
      const c = await tx.catalog.counter('raum-1-17');
      if (c) await tx.catalog.putCounter({ ...c, open: false, userId: null });
    });
    await actionButton(staff.page, 'call-next').click();
    await expect.poll(() => staff.page.locator('counter-app .problem[role=alert]').innerText()).toBe('Der Schalter ist nicht geöffnet.');
    expect(await currentNumber(staff.page)).toBe(null);
    expect(staff.errors).toEqual([]);
  });

  it('lets an admin take a counter over after confirming, and tells its user', async () => {
    const staff = await signedInPage('twerner');
    await openFromPicker(staff.page, 'raum-1-14');
    const admin = await signedInPage('skrueger');
    const entry = admin.page.locator('counter-picker button[data-counter="raum-1-14"]');
    await expect.poll(() => entry.innerText()).toContain('geöffnet von Thomas Werner');
    await entry.click();
    await admin.page.getByRole('button', { name: 'Ja, übernehmen' }).click();
    await expect.poll(() => admin.page.getByRole('heading', { level: 1 }).innerText()).toBe('Raum 1.14');
    await expect.poll(() => actionButton(admin.page, 'call-next').isEnabled()).toBe(true);

    await expect
      .poll(() => staff.page.locator('counter-app .notice [role=alert]').innerText())
      .toBe('Raum 1.14 ist von Sabine Krüger geöffnet. Sie können dort nichts tun.');
    expect(await staff.page.locator('counter-actions').count()).toBe(0);
    expect((await e2e.server.app.office.store.read(e2e.server.app.office.siteId, (r) => r.catalog.counter('raum-1-14')))?.userId).toBe(
      (await e2e.server.app.office.store.shared((p) => p.userByUsername('skrueger')))?.id,
    );
    expect(staff.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
  });
});
