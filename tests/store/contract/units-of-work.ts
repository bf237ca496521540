import { describe, expect, it } from 'vitest';
import type { QueueStore, SiteReader } from '../../../server/store/store.js';
import {
  appointmentOf,
  contentsOf,
  deferred,
  DAY,
  issuedEvent,
  openedEvent,
  sessionOf,
  SITE_A,
  SITE_B,
  T0,
  ticketOf,
  userOf,
} from './fixtures.js';
import type { ContractContext } from './store-contract.js';

/** Atomicity, isolation, errors and the guard against a unit of work inside another. */
export function unitsOfWorkContract(ctx: ContractContext): void {
  describe('atomicity', () => {
    it('a transaction that throws leaves neither its state nor its events, and its error reaches the caller', async () => {
      const t = ticketOf(SITE_A);
      const appt = appointmentOf(SITE_A);
      const ids = { tickets: [t.id], appointments: [appt.id] };
      const before = await contentsOf(ctx.store, SITE_A.id, ids);
      const failure = new Error('decided against it');
      const run = ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.nextNumber('A', DAY);
        await tx.tickets.insert(t, 1);
        await tx.catalog.putCounter({ ...SITE_A.counter, open: true, currentTicketId: t.id });
        await tx.appointments.put(appt);
        await tx.events.append([issuedEvent(t)]);
        throw failure;
      });
      await expect(run).rejects.toBe(failure);
      expect(await contentsOf(ctx.store, SITE_A.id, ids)).toEqual(before);
    });

    it('a write that fails in the middle rolls back the writes before it', async () => {
      const first = ticketOf(SITE_A, { number: 'A001' });
      await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.insert(first, 1));
      const second = ticketOf(SITE_A, { number: 'A002' });
      const twin = ticketOf(SITE_A, { number: 'A001' });
      const ids = { tickets: [first.id, second.id, twin.id] };
      const before = await contentsOf(ctx.store, SITE_A.id, ids);
      const run = ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(second, 2);
        await tx.tickets.update({ ...first, status: 'cancelled', finishedAt: T0 + 1 });
        await tx.events.append([issuedEvent(second)]);
        await tx.tickets.insert(twin, 1); // the same number on the same day: refused
      });
      await expect(run).rejects.toThrow();
      expect(await contentsOf(ctx.store, SITE_A.id, ids)).toEqual(before);
    });

    it('a shared unit that throws changes no site, user or session', async () => {
      const before = await ctx.store.shared(async (p) => ({ sites: await p.sites(), users: await p.users(), session: await p.session('s1') }));
      const failure = new Error('not now');
      const run = ctx.store.shared(async (p) => {
        await p.putSite({ id: 'site-c', settings: SITE_A.settings });
        await p.putSite({ id: SITE_A.id, settings: { ...SITE_A.settings, name: 'Umbenannt' } });
        await p.putUser(userOf('u1', [SITE_A.id]));
        await p.putSession(sessionOf('s1', 'u1', T0 + 1000));
        throw failure;
      });
      await expect(run).rejects.toBe(failure);
      expect(await ctx.store.shared(async (p) => ({ sites: await p.sites(), users: await p.users(), session: await p.session('s1') }))).toEqual(
        before,
      );
    });

    it('#15: a site transaction writes shared records with its events, all or nothing', async () => {
      await ctx.store.shared((p) => p.putUser(userOf('u1', [SITE_A.id])));
      const failure = new Error('not now');
      const failed = ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.shared.putUser(userOf('u1', [SITE_A.id], { active: false, version: 2 }));
        await tx.events.append([openedEvent(SITE_A, T0)]);
        throw failure;
      });
      await expect(failed).rejects.toBe(failure);
      expect(await ctx.store.shared((p) => p.user('u1'))).toEqual(userOf('u1', [SITE_A.id]));
      expect(await ctx.store.read(SITE_A.id, (r) => r.events.lastSeq())).toBe(0);

      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.shared.putUser(userOf('u1', [SITE_A.id], { active: false, version: 2 }));
        await tx.events.append([openedEvent(SITE_A, T0)]);
      });
      expect(await ctx.store.shared((p) => p.user('u1'))).toEqual(userOf('u1', [SITE_A.id], { active: false, version: 2 }));
      expect(await ctx.store.read(SITE_A.id, async (r) => (await r.events.after(0, 10)).length)).toBe(1);
    });

    it('a read passes its callback\'s error to the caller and the store carries on', async () => {
      const failure = new Error('cannot show that');
      await expect(ctx.store.read(SITE_A.id, () => Promise.reject(failure))).rejects.toBe(failure);
      expect((await ctx.store.read(SITE_A.id, (r) => r.catalog.settings())).name).toBe(SITE_A.settings.name);
    });

    it('a committed transaction returns its callback\'s result', async () => {
      const t = ticketOf(SITE_A);
      const result = await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(t, 1);
        return { id: t.id, logged: await tx.events.append([issuedEvent(t)]) };
      });
      expect(result.id).toBe(t.id);
      expect(await ctx.store.read(SITE_A.id, (r) => r.events.after(0, 10))).toEqual(result.logged);
    });
  });

  describe('isolation', () => {
    /**
     * Starts a transaction that writes a ticket, an event and a counter, then
     * waits at `gate` before it ends (throwing when `fail`): what another unit
     * started meanwhile sees must not include those writes unless committed.
     */
    function inFlight(store: QueueStore, fail: boolean) {
      const t = ticketOf(SITE_A);
      const written = deferred();
      const gate = deferred();
      const done = store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(t, 1);
        await tx.events.append([issuedEvent(t)]);
        await tx.catalog.putCounter({ ...SITE_A.counter, open: true, currentTicketId: t.id });
        written.resolve();
        await gate.promise;
        if (fail) throw new Error('rolled back');
      });
      return { t, written: written.promise, release: gate.resolve, done };
    }

    /** What a unit of work sees of the in-flight transaction's writes. */
    const glimpseIn = async (r: SiteReader, ticketId: string) => ({
      ticket: await r.tickets.get(ticketId),
      open: (await r.tickets.open(DAY)).map((x) => x.id),
      events: (await r.events.after(0, 100)).map((e) => e.ticketId),
      counter: (await r.catalog.counter(SITE_A.counter.id))?.currentTicketId,
    });
    const glimpse = (store: QueueStore, ticketId: string) => store.read(SITE_A.id, (r) => glimpseIn(r, ticketId));
    const laterUnits: Array<[string, (store: QueueStore, ticketId: string) => Promise<unknown>]> = [
      ['a read', glimpse],
      ['another transaction', (store, ticketId) => store.transaction(SITE_A.id, (tx) => glimpseIn(tx, ticketId))],
    ];

    it.each(laterUnits)('%s started while a transaction is in flight does not see its uncommitted writes', async (_unit, start) => {
      const w = inFlight(ctx.store, true);
      await w.written;
      const seen = start(ctx.store, w.t.id);
      w.release();
      await expect(w.done).rejects.toThrow('rolled back');
      expect(await seen).toEqual({ ticket: null, open: [], events: [], counter: null });
    });

    it('a read started while a transaction is in flight sees all of its writes or none', async () => {
      const w = inFlight(ctx.store, false);
      await w.written;
      const seen = glimpse(ctx.store, w.t.id);
      w.release();
      await w.done;
      const none = { ticket: null, open: [], events: [], counter: null };
      const all = { ticket: w.t, open: [w.t.id], events: [w.t.id], counter: w.t.id };
      expect([none, all]).toContainEqual(await seen);
      expect(await glimpse(ctx.store, w.t.id)).toEqual(all);
    });
  });

  describe('units of work', () => {
    const starts = {
      read: (store: QueueStore) => store.read(SITE_A.id, () => Promise.resolve('read')),
      transaction: (store: QueueStore) => store.transaction(SITE_B.id, () => Promise.resolve('transaction')),
      shared: (store: QueueStore) => store.shared(() => Promise.resolve('shared')),
    };
    const outers = {
      transaction: <T>(store: QueueStore, fn: () => Promise<T>) => store.transaction(SITE_A.id, fn),
      read: <T>(store: QueueStore, fn: () => Promise<T>) => store.read(SITE_A.id, fn),
      shared: <T>(store: QueueStore, fn: () => Promise<T>) => store.shared(fn),
    };

    it.each(Object.keys(outers) as Array<keyof typeof outers>)(
      'a unit of work started inside a %s rejects instead of waiting for itself',
      async (outer) => {
        const inner = await outers[outer](ctx.store, () => Promise.allSettled(Object.values(starts).map((start) => start(ctx.store))));
        expect(inner.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
        expect(await Promise.all(Object.values(starts).map((start) => start(ctx.store)))).toEqual(['read', 'transaction', 'shared']);
      },
    );

    // Commands read, decide, then write (call-next picks a waiting ticket, a daily limit counts
    // the day's tickets): two of one site must never decide on the same picture.
    it('transactions of one site started together run as if one after another', async () => {
      const counts = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          ctx.store.transaction(SITE_A.id, async (tx) => {
            const before = (await tx.tickets.open(DAY)).length;
            await tx.tickets.insert(ticketOf(SITE_A, { number: `A${String(i + 1).padStart(3, '0')}` }), i + 1);
            return before;
          }),
        ),
      );
      expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(await ctx.store.read(SITE_A.id, async (r) => (await r.tickets.open(DAY)).length)).toBe(20);
    });
  });
}
