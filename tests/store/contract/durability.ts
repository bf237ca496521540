import { describe, expect, it } from 'vitest';
import {
  appointmentOf,
  contentsOf,
  DAY,
  feedbackFor,
  finishedEvent,
  issuedEvent,
  MIN,
  sessionOf,
  SITE_A,
  SITE_B,
  T0,
  ticketOf,
  userOf,
} from './fixtures.js';
import type { ContractContext } from './store-contract.js';

/** What committed is still there when the store is opened again; what rolled back is not. */
export function durabilityContract(ctx: ContractContext): void {
  describe('durability', () => {
    it('everything committed survives a reopen, nothing rolled back does', async ({ skip }) => {
      skip(!ctx.canReopen, 'this adapter keeps nothing across opens');
      const waiting = ticketOf(SITE_A, { number: 'A002', queuedAt: T0 + 1 });
      const done = ticketOf(SITE_A, { number: 'A001', status: 'done', counterId: SITE_A.counter.id, finishedAt: T0 + 9 * MIN });
      const elsewhere = ticketOf(SITE_B, { number: 'A001' });
      const rolledBack = ticketOf(SITE_A, { number: 'A003' });
      const appt = appointmentOf(SITE_A);
      const staff = userOf('u-a', [SITE_A.id]);
      await ctx.store.shared(async (p) => {
        await p.putUser(staff);
        await p.putSession(sessionOf('s1', staff.id, T0 + 60 * MIN));
        await p.putSite({ id: SITE_B.id, settings: { ...SITE_B.settings, holidays: ['2026-10-29'] } });
      });
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.nextNumber('A', DAY);
        await tx.tickets.nextNumber('A', DAY);
        await tx.tickets.insert(done, 1);
        await tx.tickets.insert(waiting, 2);
        await tx.appointments.put(appt);
        await tx.feedback.insert(feedbackFor(done, 2));
        await tx.catalog.putCounter({ ...SITE_A.counter, open: true, userId: staff.id });
        await tx.events.append([issuedEvent(done), issuedEvent(waiting), finishedEvent(done, 9 * MIN, T0 + 9 * MIN)]);
      });
      await ctx.store.transaction(SITE_B.id, async (tx) => {
        await tx.tickets.nextNumber('A', DAY);
        await tx.tickets.insert(elsewhere, 1);
        await tx.events.append([issuedEvent(elsewhere)]);
      });
      await expect(
        ctx.store.transaction(SITE_A.id, async (tx) => {
          await tx.tickets.nextNumber('A', DAY);
          await tx.tickets.insert(rolledBack, 3);
          await tx.events.append([issuedEvent(rolledBack)]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');

      const lookUps = {
        tickets: [waiting.id, done.id, elsewhere.id, rolledBack.id],
        appointments: [appt.id],
        codes: [appt.code],
        users: [staff.id],
        services: [SITE_A.residence.id],
      };
      const shared = () => ctx.store.shared(async (p) => ({ sites: await p.sites(), users: await p.users(), session: await p.session('s1') }));
      const before = {
        a: await contentsOf(ctx.store, SITE_A.id, lookUps),
        b: await contentsOf(ctx.store, SITE_B.id, lookUps),
        shared: await shared(),
      };
      expect(before.a.tickets[3]).toBeNull();

      await ctx.reopen();
      expect({
        a: await contentsOf(ctx.store, SITE_A.id, lookUps),
        b: await contentsOf(ctx.store, SITE_B.id, lookUps),
        shared: await shared(),
      }).toEqual(before);
      expect(await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.nextNumber('A', DAY))).toBe(3);
      expect(await ctx.store.transaction(SITE_B.id, (tx) => tx.tickets.nextNumber('A', DAY))).toBe(2);
    });

    it('the event log goes on after a reopen with higher seqs', async ({ skip }) => {
      skip(!ctx.canReopen, 'this adapter keeps nothing across opens');
      const t = ticketOf(SITE_A);
      const first = await ctx.store.transaction(SITE_A.id, (tx) => tx.events.append([issuedEvent(t)]));
      await ctx.reopen();
      const second = await ctx.store.transaction(SITE_A.id, (tx) => tx.events.append([finishedEvent(t, MIN, T0 + MIN)]));
      expect(second[0]?.seq).toBeGreaterThan(first[0]?.seq ?? Infinity);
      expect(await ctx.store.read(SITE_A.id, (r) => r.events.after(0, 10))).toEqual([...first, ...second]);
    });
  });
}
