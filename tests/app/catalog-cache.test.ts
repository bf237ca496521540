import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { runCounterAction } from '../../server/app/counter-desk.js';
import { Office } from '../../server/app/office.js';
import { event } from '../../server/domain/events.js';
import { seedIfEmpty } from '../../server/seed/seed.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { DEFAULT_SITE_ID } from '../../server/store/store.js';

/**
 * The site model keeps the catalog (settings, areas, services, counters) in
 * memory instead of reading it per command. What it keeps must follow the log:
 * a change written with a `config.changed` event, by this process or by a
 * second one on the same database file, is seen by the next command and view;
 * counters follow their own events; a rolled-back write is forgotten.
 */

/** 2026-06-10 10:00 Europe/Berlin, a Wednesday. */
const MORNING = Date.UTC(2026, 5, 10, 8, 0);

describe('the catalog kept in the site model', () => {
  let dir: string;
  let storeA: SqliteStore;
  let storeB: SqliteStore;
  /** This process's office. */
  let a: Office;
  /** A second process's office on the same file (its own connection and model). */
  let b: Office;
  let admin: SessionUser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amtsqueue-catalog-'));
    const file = join(dir, 'db.sqlite');
    storeA = new SqliteStore(file);
    await seedIfEmpty(storeA, { timeZone: null, seed: 'demo', demoHours: 'always', adminPassword: 'admin-password', printer: null });
    storeB = new SqliteStore(file);
    const office = (store: SqliteStore) => new Office({ store, siteId: DEFAULT_SITE_ID, now: () => MORNING, publicUrl: 'http://localhost' });
    a = office(storeA);
    b = office(storeB);
    const user = await storeA.shared((tx) => tx.userByUsername('admin'));
    if (!user) throw new Error('no admin');
    admin = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, languages: user.languages, mustChangePassword: false };
  });

  afterAll(async () => {
    await storeA.close();
    await storeB.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const serviceIds = (o: Office) => o.view((v) => v.publicServices().map((s) => s.id));
  const issue = (o: Office, serviceId: string) => o.issueTicket({ serviceId, language: 'de' });

  /** Writes a service change and its config.changed event in one unit of work of `store`. */
  async function changeService(store: SqliteStore, id: string, change: { active?: boolean; prefix?: string }) {
    await store.transaction(DEFAULT_SITE_ID, async (tx) => {
      const s = await tx.catalog.service(id);
      if (!s) throw new Error(`no service ${id}`);
      await tx.catalog.putService({ ...s, ...change });
      await tx.events.append([
        event('config.changed', MORNING, {
          serviceId: id,
          userId: admin.id,
          data: { record: 'service', recordId: id, action: 'updated', version: 2, changes: { active: { before: s.active, after: change.active ?? s.active } } },
        }),
      ]);
    });
  }

  it('reads the catalog once, not per command and view', async () => {
    await serviceIds(a);
    await issue(a, 'residence');
    const reads = { ...a.model.catalog.reads };
    for (let i = 0; i < 5; i++) {
      await issue(a, 'residence');
      await serviceIds(a);
    }
    expect(a.model.catalog.reads).toEqual(reads);
  });

  it('sees a service change another process wrote with a config.changed event at the next view and command', async () => {
    expect(await serviceIds(a)).toContain('residence');
    await changeService(storeB, 'residence', { active: false });
    expect(await serviceIds(a)).not.toContain('residence');
    await expect(issue(a, 'residence')).rejects.toThrow(AppError);
    await changeService(storeB, 'residence', { active: true, prefix: 'Q' });
    expect((await issue(a, 'residence')).number).toMatch(/^Q/);
    await changeService(storeB, 'residence', { prefix: 'A' });
    expect((await issue(a, 'residence')).number).toMatch(/^A/);
  });

  it('sees a settings change another process wrote with a config.changed event', async () => {
    await a.view((v) => v.settings.name);
    await storeB.transaction(DEFAULT_SITE_ID, async (tx) => {
      const s = await tx.catalog.settings();
      await tx.catalog.putSettings({ ...s, name: 'Bürgeramt Mitte (renamed)' });
      await tx.events.append([
        event('config.changed', MORNING, {
          userId: admin.id,
          data: { record: 'office', recordId: DEFAULT_SITE_ID, action: 'updated', version: 2, changes: { name: { before: s.name, after: 'x' } } },
        }),
      ]);
    });
    expect(await a.view((v) => v.settings.name)).toBe('Bürgeramt Mitte (renamed)');
  });

  it('sees a counter another office opened and the ticket it called', async () => {
    const open = () => a.view((v) => v.counters.filter((c) => c.open).map((c) => c.id));
    expect(await open()).not.toContain('schalter-4');
    await runCounterAction(b, 'open', { counterId: 'schalter-4' }, admin);
    expect(await open()).toContain('schalter-4');
    const called = await runCounterAction(b, 'call-next', { counterId: 'schalter-4' }, admin);
    expect(called.ticket).not.toBeNull();
    const current = await a.view((v) => v.counters.find((c) => c.id === 'schalter-4')?.currentTicketId ?? null);
    expect(current).not.toBeNull();
    // This process acts on what the other one wrote: the counter it holds now is the called ticket's.
    const started = await runCounterAction(a, 'start', { counterId: 'schalter-4' }, admin);
    expect(started.ticket?.number).toBe(called.ticket?.number);
    await runCounterAction(a, 'finish', { counterId: 'schalter-4' }, admin);
    expect(await b.view((v) => v.counters.find((c) => c.id === 'schalter-4')?.currentTicketId ?? null)).toBeNull();
    await runCounterAction(b, 'close', { counterId: 'schalter-4' }, admin);
    expect(await open()).not.toContain('schalter-4');
  });

  it('sees this process\'s own writes at once, and forgets a rolled-back one', async () => {
    await serviceIds(a);
    await storeA.transaction(DEFAULT_SITE_ID, async (tx) => {
      const s = await tx.catalog.service('residence');
      if (!s) throw new Error('no service');
      await tx.catalog.putService({ ...s, active: false });
    });
    expect(await serviceIds(a)).not.toContain('residence');
    await expect(
      a.command(async (tx) => {
        const s = await tx.catalog.service('residence');
        if (!s) throw new Error('no service');
        await tx.catalog.putService({ ...s, active: true });
        // Inside the unit, its own write shows.
        expect((await tx.catalog.service('residence'))?.active).toBe(true);
        throw new AppError('INVALID_INPUT', 'rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await serviceIds(a)).not.toContain('residence');
    await changeService(storeA, 'residence', { active: true });
    expect(await serviceIds(a)).toContain('residence');
    expect(await serviceIds(b)).toContain('residence');
  });
});
