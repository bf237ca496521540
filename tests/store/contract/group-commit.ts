import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../common/model.js';
import { StorageError, type QueueStore } from '../../../server/store/store.js';
import { DAY, issuedEvent, SITE_A, SITE_B, T0, ticketOf } from './fixtures.js';
import type { ContractContext, GroupCommitHooks } from './store-contract.js';

const ids = (ts: readonly Ticket[]) => ts.map((t) => t.id);
const sorted = (list: readonly string[]) => [...list].sort();
const numbered = (n: number, s = SITE_A) =>
  Array.from({ length: n }, (_, i) => ticketOf(s, { number: `A${String(i + 1).padStart(3, '0')}`, queuedAt: T0 + i }));

/**
 * One command, as an adapter sees it: reserves a number, writes the ticket and
 * its event, and answers with the day's line as it saw it before its own write.
 */
const issue = (store: QueueStore, t: Ticket, siteId = SITE_A.id) =>
  store.transaction(siteId, async (tx) => {
    const line = ids(await tx.tickets.open(DAY));
    const n = await tx.tickets.nextNumber('A', DAY);
    await tx.tickets.insert(t, n);
    await tx.events.append([issuedEvent(t)]);
    return line;
  });

/** The number the next ticket of prefix A would get (reserving it in a unit that rolls back). */
const nextNumber = async (store: QueueStore) => {
  let n = 0;
  await store
    .transaction(SITE_A.id, async (tx) => {
      n = await tx.tickets.nextNumber('A', DAY);
      throw new Error('only looking');
    })
    .catch(() => undefined);
  return n;
};

/**
 * Group commit (issue #14): units of work that start while others run share
 * one commit, and each is answered only once that commit is durable. Only for
 * adapters that group (OpenedStore.groupCommit).
 */
export function groupCommitContract(ctx: ContractContext): void {
  describe('group commit', () => {
    const hooks = (skip: (condition: boolean, note: string) => void): GroupCommitHooks => {
      const h = ctx.groupCommit;
      skip(!h, 'this adapter commits every unit of work on its own');
      return h as GroupCommitHooks;
    };

    it('units started together commit once, each sees the writes of those before it, and all their rows are there', async ({ skip }) => {
      const h = hooks(skip);
      const tickets = numbered(8);
      const elsewhere = ticketOf(SITE_B, { number: 'A001' });
      const before = h.commits(ctx.store);
      const seen = await Promise.all([...tickets.map((t) => issue(ctx.store, t)), issue(ctx.store, elsewhere, SITE_B.id)]);
      expect(h.commits(ctx.store) - before).toBe(1);
      expect(seen).toEqual([...tickets.map((_, i) => ids(tickets.slice(0, i))), []]);
      expect(await h.committedTicketIds(SITE_A.id)).toEqual(sorted(ids(tickets)));
      expect(await h.committedTicketIds(SITE_B.id)).toEqual([elsewhere.id]);
      const after = await ctx.store.read(SITE_A.id, async (r) => ({
        open: ids(await r.tickets.open(DAY)),
        events: (await r.events.after(0, 100)).map((e) => e.ticketId),
        numbers: await Promise.all(tickets.map(async (t) => (await r.tickets.get(t.id))?.number)),
      }));
      expect(after).toEqual({ open: ids(tickets), events: ids(tickets), numbers: tickets.map((t) => t.number) });
    });

    it('inside a group, the log a unit sees ends with what the unit before it appended', async ({ skip }) => {
      const h = hooks(skip);
      const before = h.commits(ctx.store);
      const seen = await Promise.all(
        numbered(4).map((t) =>
          ctx.store.transaction(SITE_A.id, async (tx) => {
            const last = await tx.events.lastSeq();
            const [logged] = await tx.events.append([issuedEvent(t)]);
            return { last, appended: logged?.seq ?? -1 };
          }),
        ),
      );
      expect(h.commits(ctx.store) - before).toBe(1);
      expect(seen.slice(1).map((s) => s.last)).toEqual(seen.slice(0, -1).map((s) => s.appended));
    });

    for (const [which, index] of [
      ['first', 0],
      ['third', 2],
      ['last', 4],
    ] as const) {
      it(`a unit that throws in a group (the ${which}) rolls back only itself: the units before and after it commit`, async ({ skip }) => {
        const h = hooks(skip);
        const tickets = numbered(5);
        const failing = tickets[index] as Ticket;
        const failure = new Error('decided against it');
        const before = h.commits(ctx.store);
        const results = await Promise.allSettled(
          tickets.map((t) =>
            t === failing
              ? ctx.store.transaction(SITE_A.id, async (tx) => {
                  await tx.tickets.nextNumber('A', DAY);
                  await tx.tickets.insert(t, 99);
                  await tx.events.append([issuedEvent(t)]);
                  expect(ids(await tx.tickets.open(DAY))).toContain(t.id);
                  throw failure;
                })
              : issue(ctx.store, t),
          ),
        );
        expect(results.map((r) => r.status)).toEqual(tickets.map((t) => (t === failing ? 'rejected' : 'fulfilled')));
        expect(results[index]).toEqual({ status: 'rejected', reason: failure });
        const kept = tickets.filter((t) => t !== failing);
        // Each unit saw the units before it, and nothing of the failed one.
        expect(results.filter((r) => r.status === 'fulfilled')).toEqual(kept.map((_, i) => ({ status: 'fulfilled', value: ids(kept.slice(0, i)) })));
        expect(h.commits(ctx.store) - before).toBe(1);
        expect(await h.committedTicketIds(SITE_A.id)).toEqual(sorted(ids(kept)));
        const after = await ctx.store.read(SITE_A.id, async (r) => ({
          open: ids(await r.tickets.open(DAY)),
          events: (await r.events.after(0, 100)).map((e) => e.ticketId),
        }));
        expect(after).toEqual({ open: ids(kept), events: ids(kept) });
        // Its number was given back with it: four numbers are taken.
        expect(await nextNumber(ctx.store)).toBe(5);
      });
    }

    it('a unit is answered only after the COMMIT that holds its writes returned, in the order the units ran', async ({ skip }) => {
      const h = hooks(skip);
      const tickets = numbered(6);
      const answered: number[] = [];
      /** What another connection saw committed at the moment each unit was answered. */
      const visible: Array<Promise<string[]>> = [];
      const units: Array<Promise<unknown>> = tickets.map((t, i) =>
        issue(ctx.store, t).then(() => {
          answered.push(i);
          visible[i] = h.committedTicketIds(SITE_A.id);
        }),
      );
      // A read that runs after those writes answers only once they are durable too.
      units.push(
        ctx.store
          .read(SITE_A.id, (r) => r.tickets.open(DAY))
          .then((line) => {
            answered.push(tickets.length);
            visible[tickets.length] = h.committedTicketIds(SITE_A.id);
            return line;
          }),
      );
      await Promise.all(units);
      expect(answered).toEqual([0, 1, 2, 3, 4, 5, 6]);
      for (const seen of await Promise.all(visible)) expect(seen).toEqual(sorted(ids(tickets)));
    });

    it('a COMMIT that fails rejects every unit of the group with the StorageError, and nothing of the group stays', async ({ skip }) => {
      const h = hooks(skip);
      skip(!h.refuseWrites, 'the storage cannot be made to refuse writes here');
      const first = ticketOf(SITE_A, { number: 'A001' });
      await issue(ctx.store, first);
      // The day's line is read (and cached, where an adapter caches) before the group writes to it.
      expect(await ctx.store.read(SITE_A.id, async (r) => ids(await r.tickets.open(DAY)))).toEqual([first.id]);
      const contents = () =>
        ctx.store.read(SITE_A.id, async (r) => ({
          open: ids(await r.tickets.open(DAY)),
          events: (await r.events.after(0, 100)).map((e) => e.ticketId),
        }));
      const before = await contents();

      const lost = numbered(4).slice(1);
      const restore = await (h.refuseWrites as NonNullable<GroupCommitHooks['refuseWrites']>)(ctx.store);
      let results: PromiseSettledResult<unknown>[];
      try {
        results = await Promise.allSettled([
          ...lost.map((t) => issue(ctx.store, t)),
          ctx.store.read(SITE_A.id, async (r) => ids(await r.tickets.open(DAY))),
          ctx.store.transaction(SITE_A.id, () => Promise.reject(new Error('refused anyway'))),
        ]);
      } finally {
        restore();
      }
      expect(results.map((r) => r.status)).toEqual(results.map(() => 'rejected'));
      const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as unknown) : null));
      // One failure for all (a file-size limit shows as a full disk or as a write error, as in tests/system/storage-failures).
      expect(reasons[0]).toBeInstanceOf(StorageError);
      expect(['disk_full', 'io_error']).toContain((reasons[0] as StorageError).reason);
      for (const reason of reasons) expect(reason).toBe(reasons[0]);
      expect(await h.committedTicketIds(SITE_A.id)).toEqual([first.id]);
      expect(await contents()).toEqual(before);
      // The numbers the group reserved were never handed out, and the storage takes writes again.
      expect(await nextNumber(ctx.store)).toBe(2);
      const next = ticketOf(SITE_A, { number: 'A002' });
      await issue(ctx.store, next);
      expect(await h.committedTicketIds(SITE_A.id)).toEqual(sorted([first.id, next.id]));
      expect(await ctx.store.read(SITE_A.id, async (r) => ids(await r.tickets.open(DAY)))).toEqual([first.id, next.id]);
    });
  });
}
