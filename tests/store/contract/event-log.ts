import { describe, expect, expectTypeOf, it } from 'vitest';
import { event, type DomainEvent, type LoggedEvent, type LoggedEventOf } from '../../../server/domain/events.js';
import {
  closedEvent,
  finishedEvent,
  issuedEvent,
  MIN,
  openedEvent,
  SITE_A,
  SITE_B,
  T0,
  ticketOf,
  type SiteFixture,
} from './fixtures.js';
import type { ContractContext } from './store-contract.js';

const seqs = (events: readonly LoggedEvent[]) => events.map((e) => e.seq);

/** The event log: append-only, ordered by commit, filtered and typed on the way out. */
export function eventLogContract(ctx: ContractContext): void {
  describe('event log', () => {
    const append = (s: SiteFixture, ...events: DomainEvent[]) => ctx.store.transaction(s.id, (tx) => tx.events.append(events));

    it('an appended event reads back equal to what was appended, typed by its type', async () => {
      const t = ticketOf(SITE_A, { counterId: SITE_A.counter.id });
      const issued = issuedEvent(t);
      const finished = finishedEvent(t, 7 * MIN, T0 + 20 * MIN);
      const started = event('ticket.started', T0 + 5 * MIN, { ticketId: t.id, serviceId: t.serviceId, counterId: t.counterId, userId: 'u1' });
      const logged = await ctx.store.transaction(SITE_A.id, (tx) => tx.events.append([issued, started, finished]));
      expect(logged).toEqual([issued, started, finished].map((e, i) => ({ ...e, seq: logged[i]?.seq })));

      const read = await ctx.store.read(SITE_A.id, async (r) => ({
        all: await r.events.after(0, 10),
        issued: await r.events.after(0, 10, ['ticket.issued']),
        finished: await r.events.latest(['ticket.finished'], 1),
      }));
      expect(read.all).toEqual(logged);
      expectTypeOf(read.issued).toEqualTypeOf<LoggedEventOf<'ticket.issued'>[]>();
      expectTypeOf(read.finished).toEqualTypeOf<LoggedEventOf<'ticket.finished'>[]>();
      expect(read.issued.map((e) => [e.data.number, e.data.estimate, e.data.position])).toEqual([[t.number, { low: 5, high: 12 }, 1]]);
      expect(read.finished.map((e) => e.data.serviceMs)).toEqual([7 * MIN]);
    });

    it('lastSeq is the seq of the site\'s newest event as the unit sees it: its own appends included, a rollback not', async () => {
      const lastSeq = (siteId: string) => ctx.store.read(siteId, (r) => r.events.lastSeq());
      expect(await lastSeq(SITE_A.id)).toBe(0);
      const first = await append(SITE_A, openedEvent(SITE_A, T0), closedEvent(SITE_A, T0 + 1));
      const other = await append(SITE_B, openedEvent(SITE_B, T0 + 2));
      expect(await lastSeq(SITE_A.id)).toBe(first[1]?.seq);
      expect(await lastSeq(SITE_B.id)).toBe(other[0]?.seq);
      const inside: number[] = [];
      await expect(
        ctx.store.transaction(SITE_A.id, async (tx) => {
          const logged = await tx.events.append([openedEvent(SITE_A, T0 + 3)]);
          inside.push(await tx.events.lastSeq(), logged[0]?.seq ?? -1);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(inside[0]).toBe(inside[1]);
      expect(await lastSeq(SITE_A.id)).toBe(first[1]?.seq);
    });

    it('seq grows with every event, within a transaction and from one committed transaction to the next', async () => {
      const first = await append(SITE_A, openedEvent(SITE_A, T0), closedEvent(SITE_A, T0 + 1));
      const second = await append(SITE_B, openedEvent(SITE_B, T0 + 2));
      const third = await append(SITE_A, closedEvent(SITE_A, T0 + 3));
      const all = seqs([...first, ...second, ...third]);
      expect(isStrictlyAscending(all), String(all)).toBe(true);
    });

    it('concurrent transactions on both sites log in commit order: a reader following the log misses nothing', async () => {
      // The reader reads past its cursor each time a transaction has committed; an event that got
      // a seq below one already read, but committed later, would never reach it.
      let cursor = 0;
      const followed: number[] = [];
      let reading = Promise.resolve();
      const follow = () => {
        reading = reading.then(async () => {
          const got = await ctx.store.read(SITE_A.id, (r) => r.events.after(cursor, 10_000));
          followed.push(...seqs(got));
          cursor = Math.max(cursor, ...seqs(got));
        });
      };
      const blocks = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const s = i % 3 === 2 ? SITE_B : SITE_A;
          const logged = await ctx.store.transaction(s.id, async (tx) => {
            const first = await tx.events.append([openedEvent(s, T0 + i)]);
            await tx.catalog.counter(s.counter.id);
            return [...first, ...(await tx.events.append([closedEvent(s, T0 + i), openedEvent(s, T0 + i)]))];
          });
          follow();
          return { siteId: s.id, seqs: seqs(logged) };
        }),
      );
      follow();
      await reading;

      const inSeqOrder = [...blocks].sort((x, y) => (x.seqs[0] ?? 0) - (y.seqs[0] ?? 0));
      const flat = inSeqOrder.flatMap((b) => b.seqs);
      // Ascending once the blocks are in order: no transaction's events fall between another's.
      expect(isStrictlyAscending(flat), String(flat)).toBe(true);
      expect(followed).toEqual(inSeqOrder.filter((b) => b.siteId === SITE_A.id).flatMap((b) => b.seqs));
    });

    it('events.after gives the events after a seq, oldest first, at most `limit`, only the types asked for', async () => {
      const logged = seqs(
        await append(
          SITE_A,
          openedEvent(SITE_A, T0),
          closedEvent(SITE_A, T0 + 1),
          openedEvent(SITE_A, T0 + 2),
          closedEvent(SITE_A, T0 + 3),
          openedEvent(SITE_A, T0 + 4),
        ),
      );
      const [s1, s2, s3, s4, s5] = logged;
      const read = await ctx.store.read(SITE_A.id, async (r) => ({
        afterSecond: seqs(await r.events.after(s2 ?? 0, 100)),
        limited: seqs(await r.events.after(s1 ?? 0, 2)),
        closed: seqs(await r.events.after(0, 100, ['counter.closed'])),
        closedLimited: seqs(await r.events.after(0, 1, ['counter.closed'])),
        both: seqs(await r.events.after(s1 ?? 0, 100, ['counter.closed', 'counter.opened'])),
        none: seqs(await r.events.after(s5 ?? 0, 100)),
        otherType: seqs(await r.events.after(0, 100, ['ticket.issued'])),
      }));
      expect(read).toEqual({
        afterSecond: [s3, s4, s5],
        limited: [s2, s3],
        closed: [s2, s4],
        closedLimited: [s2],
        both: [s2, s3, s4, s5],
        none: [],
        otherType: [],
      });
    });

    it('events.latest gives the newest events of the given types at or after an instant, newest first', async () => {
      const logged = seqs(
        await append(
          SITE_A,
          openedEvent(SITE_A, T0),
          closedEvent(SITE_A, T0 + MIN),
          openedEvent(SITE_A, T0 + 2 * MIN),
          openedEvent(SITE_A, T0 + 3 * MIN),
        ),
      );
      const [s1, s2, s3, s4] = logged;
      const read = await ctx.store.read(SITE_A.id, async (r) => ({
        opened: seqs(await r.events.latest(['counter.opened'], 10)),
        newestTwo: seqs(await r.events.latest(['counter.opened', 'counter.closed'], 2)),
        since: seqs(await r.events.latest(['counter.opened', 'counter.closed'], 10, T0 + MIN)),
        sinceLast: seqs(await r.events.latest(['counter.opened'], 10, T0 + 3 * MIN)),
        future: seqs(await r.events.latest(['counter.opened'], 10, T0 + 4 * MIN)),
        otherType: seqs(await r.events.latest(['ticket.issued'], 10)),
      }));
      expect(read).toEqual({
        opened: [s4, s3, s1],
        newestTwo: [s4, s3],
        since: [s4, s3, s2],
        sinceLast: [s4],
        future: [],
        otherType: [],
      });
    });

    it('appending never changes or removes an earlier event, not even in a transaction that rolls back', async () => {
      await append(SITE_A, openedEvent(SITE_A, T0), closedEvent(SITE_A, T0 + 1));
      const before = await ctx.store.read(SITE_A.id, (r) => r.events.after(0, 100));
      await expect(
        ctx.store.transaction(SITE_A.id, async (tx) => {
          await tx.events.append([closedEvent(SITE_A, T0 + 2)]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await append(SITE_A, closedEvent(SITE_A, T0 + 3));
      const after = await ctx.store.read(SITE_A.id, (r) => r.events.after(0, 100));
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.map((e) => e.at)).toEqual([T0, T0 + 1, T0 + 3]);
    });

    it('the same event appended twice is logged twice', async () => {
      const e = closedEvent(SITE_A, T0);
      await ctx.store.transaction(SITE_A.id, (tx) => tx.events.append([e, e]));
      await ctx.store.transaction(SITE_A.id, (tx) => tx.events.append([e]));
      expect((await ctx.store.read(SITE_A.id, (r) => r.events.after(0, 100))).map(({ seq: _seq, ...rest }) => rest)).toEqual([e, e, e]);
    });
  });
}

function isStrictlyAscending(xs: readonly number[]): boolean {
  return xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? x));
}
