import { describe, expect, it } from 'vitest';
import { DAY, NEXT_DAY, SITE_A, SITE_B, ticketOf, type SiteFixture } from './fixtures.js';
import type { ContractContext } from './store-contract.js';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const ascending = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);

/** Ticket numbers: handed out once per site, prefix and day, and never twice on a ticket. */
export function numberingContract(ctx: ContractContext): void {
  describe('ticket numbers', () => {
    const next = (s: SiteFixture, prefix: string, day: string) => ctx.store.transaction(s.id, (tx) => tx.tickets.nextNumber(prefix, day));

    it('200 concurrent transactions reserving the same prefix and day get 1 to 200, each once', async () => {
      const numbers = await Promise.all(
        oneTo(200).map(() =>
          ctx.store.transaction(SITE_A.id, async (tx) => {
            await tx.catalog.settings(); // a command reads before it reserves
            return tx.tickets.nextNumber('A', DAY);
          }),
        ),
      );
      expect(ascending(numbers)).toEqual(oneTo(200));
    });

    it('numbers count separately per prefix, per day and per site', async () => {
      expect(await next(SITE_A, 'A', DAY)).toBe(1);
      expect(await next(SITE_A, 'A', DAY)).toBe(2);
      expect(await next(SITE_A, 'P', DAY)).toBe(1);
      expect(await next(SITE_A, 'A', NEXT_DAY)).toBe(1);
      expect(await next(SITE_B, 'A', DAY)).toBe(1);
      expect(await next(SITE_A, 'A', DAY)).toBe(3);
    });

    it('concurrent reservations of different prefixes, days and sites each count 1 to n', async () => {
      const keys = [
        [SITE_A, 'A', DAY],
        [SITE_A, 'P', DAY],
        [SITE_A, 'A', NEXT_DAY],
        [SITE_B, 'A', DAY],
      ] as const;
      const results = await Promise.all(keys.flatMap(([s, prefix, day]) => oneTo(30).map(async () => [s.id, prefix, day, await next(s, prefix, day)] as const)));
      for (const [s, prefix, day] of keys) {
        const got = results.filter(([id, p, d]) => id === s.id && p === prefix && d === day).map(([, , , n]) => n);
        expect(ascending(got), `${s.id} ${prefix} ${day}`).toEqual(oneTo(30));
      }
    });

    it('a second reservation in one transaction gets the next number', async () => {
      expect(await ctx.store.transaction(SITE_A.id, async (tx) => [await tx.tickets.nextNumber('A', DAY), await tx.tickets.nextNumber('A', DAY)])).toEqual([
        1, 2,
      ]);
    });

    it('a second ticket with the same number on the same site and day is refused, the first stays', async () => {
      const first = ticketOf(SITE_A, { number: 'A001' });
      await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.insert(first, 1));
      const twin = ticketOf(SITE_A, { number: 'A001', language: 'uk' });
      await expect(ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.insert(twin, 1))).rejects.toThrow();
      expect(await ctx.store.read(SITE_A.id, async (r) => [await r.tickets.get(first.id), await r.tickets.get(twin.id)])).toEqual([first, null]);
    });

    it('the same number is fine on another day and at another site', async () => {
      const first = ticketOf(SITE_A, { number: 'A001' });
      const tomorrow = ticketOf(SITE_A, { number: 'A001', businessDate: NEXT_DAY });
      const elsewhere = ticketOf(SITE_B, { number: 'A001' });
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(first, 1);
        await tx.tickets.insert(tomorrow, 1);
      });
      await ctx.store.transaction(SITE_B.id, (tx) => tx.tickets.insert(elsewhere, 1));
      expect(await ctx.store.read(SITE_A.id, async (r) => [await r.tickets.get(first.id), await r.tickets.get(tomorrow.id)])).toEqual([first, tomorrow]);
      expect(await ctx.store.read(SITE_B.id, (r) => r.tickets.get(elsewhere.id))).toEqual(elsewhere);
    });
  });
}
