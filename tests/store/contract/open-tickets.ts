import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../common/model.js';
import { DAY, NEXT_DAY, PREVIOUS_DAY, SITE_A, T0, ticketOf } from './fixtures.js';
import type { ContractContext } from './store-contract.js';

const ids = (ts: readonly Ticket[]) => ts.map((t) => t.id);

/** tickets.open: the day's line, in order, including a transaction's own writes and nothing rolled back. */
export function openTicketsContract(ctx: ContractContext): void {
  describe('the day\'s open tickets', () => {
    const readOpen = (day = DAY) => ctx.store.read(SITE_A.id, (r) => r.tickets.open(day));
    const insertAll = (ts: readonly Ticket[]) =>
      ctx.store.transaction(SITE_A.id, async (tx) => {
        for (const [i, t] of ts.entries()) await tx.tickets.insert(t, i + 1);
      });

    /** The line of DAY in order, and tickets that must not be in it, inserted out of order. */
    function aLine() {
      const called = ticketOf(SITE_A, { number: 'A001', queuedAt: T0, status: 'called', counterId: SITE_A.counter.id, calledAt: T0 + 9 });
      const laterNumber = ticketOf(SITE_A, { number: 'A005', queuedAt: T0 + 1 });
      const earlierNumber = ticketOf(SITE_A, { number: 'A004', queuedAt: T0 + 1 });
      const serving = ticketOf(SITE_A, { number: 'P001', queuedAt: T0 + 1, serviceId: SITE_A.pickup.id, status: 'serving', servingAt: T0 + 9 });
      const last = ticketOf(SITE_A, { number: 'A003', queuedAt: T0 + 2 });
      const line = [called, earlierNumber, laterNumber, serving, last];
      const notInLine = [
        ticketOf(SITE_A, { number: 'A002', queuedAt: T0 - 5, status: 'done', finishedAt: T0 }),
        ticketOf(SITE_A, { number: 'A006', queuedAt: T0 - 4, status: 'no_show', finishedAt: T0 }),
        ticketOf(SITE_A, { number: 'A007', queuedAt: T0 - 3, status: 'cancelled', finishedAt: T0 }),
        ticketOf(SITE_A, { number: 'A001', queuedAt: T0 - 2, businessDate: NEXT_DAY }),
        ticketOf(SITE_A, { number: 'A001', queuedAt: T0 - 1, businessDate: PREVIOUS_DAY }),
      ];
      return { line, inserted: [last, ...notInLine, serving, laterNumber, called, earlierNumber] };
    }

    it('lists the day\'s waiting, called and serving tickets by queuedAt, then number', async () => {
      const { line, inserted } = aLine();
      await insertAll(inserted);
      expect(await readOpen()).toEqual(line);
    });

    it('lists them in that order also for a day read before the tickets were written', async () => {
      expect(await readOpen()).toEqual([]);
      const { line, inserted } = aLine();
      await insertAll(inserted);
      expect(await readOpen()).toEqual(line);
    });

    it('inside a transaction, shows its own inserts and status changes, in order', async () => {
      const { line, inserted } = aLine();
      const [called, earlierNumber, ...rest] = line;
      if (!called || !earlierNumber) throw new Error('fixture');
      const seen = await ctx.store.transaction(SITE_A.id, async (tx) => {
        const before = ids(await tx.tickets.open(DAY));
        for (const [i, t] of inserted.entries()) await tx.tickets.insert(t, i + 1);
        const inserting = await tx.tickets.open(DAY);
        await tx.tickets.update({ ...called, status: 'done', finishedAt: T0 + 20 });
        await tx.tickets.update({ ...earlierNumber, status: 'called', counterId: SITE_A.counter.id, calledAt: T0 + 20 });
        return { before, inserting, updated: await tx.tickets.open(DAY) };
      });
      expect(seen.before).toEqual([]);
      expect(seen.inserting).toEqual(line);
      expect(seen.updated).toEqual([{ ...earlierNumber, status: 'called', counterId: SITE_A.counter.id, calledAt: T0 + 20 }, ...rest]);
      expect(await readOpen()).toEqual(seen.updated);
    });

    it('after a rollback, shows none of the rolled-back inserts and status changes', async () => {
      const kept = ticketOf(SITE_A, { number: 'A001', queuedAt: T0 });
      await insertAll([kept]);
      expect(ids(await readOpen())).toEqual([kept.id]);
      const dropped = ticketOf(SITE_A, { number: 'A002', queuedAt: T0 - 1 });
      const run = ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(dropped, 2);
        await tx.tickets.update({ ...kept, status: 'done', finishedAt: T0 + 1 });
        expect(ids(await tx.tickets.open(DAY))).toEqual([dropped.id]);
        throw new Error('rolled back');
      });
      await expect(run).rejects.toThrow('rolled back');
      expect(await readOpen()).toEqual([kept]);
    });

    it('after a rollback, shows nothing of it for a day first read inside the rolled-back transaction', async () => {
      const dropped = ticketOf(SITE_A, { number: 'A001', businessDate: NEXT_DAY });
      const run = ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(dropped, 1);
        expect(ids(await tx.tickets.open(NEXT_DAY))).toEqual([dropped.id]);
        throw new Error('rolled back');
      });
      await expect(run).rejects.toThrow('rolled back');
      expect(await readOpen(NEXT_DAY)).toEqual([]);
    });

    it('a ticket leaves the line when a committed update finishes it, and changes in it when updated', async () => {
      const first = ticketOf(SITE_A, { number: 'A001', queuedAt: T0 });
      const second = ticketOf(SITE_A, { number: 'A002', queuedAt: T0 + 1 });
      await insertAll([first, second]);
      expect(await readOpen()).toEqual([first, second]);
      const calledSecond: Ticket = { ...second, status: 'called', counterId: SITE_A.counter.id, calledAt: T0 + 5, callCount: 1 };
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.update({ ...first, status: 'no_show', finishedAt: T0 + 5 });
        await tx.tickets.update(calledSecond);
      });
      expect(await readOpen()).toEqual([calledSecond]);
    });
  });
}
