import { describe, expect, it } from 'vitest';
import type { SiteTx } from '../../../server/store/store.js';
import {
  appointmentOf,
  contentsOf,
  DAY,
  feedbackFor,
  finishedEvent,
  issuedEvent,
  MIN,
  openedEvent,
  SITE_A,
  SITE_B,
  T0,
  ticketOf,
  userOf,
} from './fixtures.js';
import type { ContractContext } from './store-contract.js';

/** Site A's rows of every aggregate, and the lookups that name them. */
function siteARows() {
  const open = ticketOf(SITE_A, { number: 'A001', counterId: SITE_A.counter.id, status: 'called' });
  const done = ticketOf(SITE_A, { number: 'A002', status: 'done', counterId: SITE_A.counter.id });
  const stale = ticketOf(SITE_A, { number: 'A001', businessDate: '2026-06-01' });
  const appt = appointmentOf(SITE_A, { status: 'checked_in', ticketId: open.id });
  const staff = userOf('u-a', [SITE_A.id]);
  return {
    open,
    done,
    stale,
    appt,
    staff,
    lookUps: {
      tickets: [open.id, done.id, stale.id],
      appointments: [appt.id],
      codes: [appt.code],
      users: [staff.id],
      services: [SITE_A.residence.id, SITE_A.pickup.id, SITE_B.residence.id],
    },
  };
}

type SiteARows = ReturnType<typeof siteARows>;

/** Writes them through site A (the user through the shared unit). */
async function writeSiteA(ctx: ContractContext, a: SiteARows = siteARows()): Promise<SiteARows> {
  await ctx.store.shared((p) => p.putUser(a.staff));
  await ctx.store.transaction(SITE_A.id, async (tx) => {
    await tx.tickets.nextNumber('A', DAY);
    await tx.tickets.nextNumber('A', DAY);
    for (const t of [a.open, a.done, a.stale]) await tx.tickets.insert(t, 1);
    await tx.appointments.put(a.appt);
    await tx.feedback.insert(feedbackFor(a.done, 1));
    await tx.tickets.markAnswered(a.done.id);
    await tx.catalog.putCounter({ ...SITE_A.counter, open: true, userId: a.staff.id, currentTicketId: a.open.id });
    await tx.events.append([issuedEvent(a.open), openedEvent(SITE_A, T0 + MIN), finishedEvent(a.done, 5 * MIN, T0 + 9 * MIN)]);
  });
  return a;
}

/** Whatever one site writes, another neither sees nor changes. */
export function siteIsolationContract(ctx: ContractContext): void {
  describe('site isolation', () => {
    it('nothing written through site A can be read through site B', async () => {
      const a = siteARows();
      const before = await contentsOf(ctx.store, SITE_B.id, a.lookUps);
      await writeSiteA(ctx, a);
      const b = await contentsOf(ctx.store, SITE_B.id, a.lookUps);
      expect(b).toEqual(before);
      expect([b.tickets, b.appointments, b.byCode, b.answered, b.staffById]).toEqual([[null, null, null], [null], [null], [false, false, false], [null]]);
      expect([b.open, b.openBefore, b.issued, b.events, b.staff, b.feedback, b.feedbackStats, b.durations]).toEqual([[], [], {}, [], [], [], [], [[], [], []]]);
      // …while site A sees all of it.
      const seenByA = await contentsOf(ctx.store, SITE_A.id, a.lookUps);
      expect([seenByA.tickets, seenByA.appointments, seenByA.staffById].flat().every((x) => x !== null)).toBe(true);
      expect([seenByA.open.length, seenByA.openBefore.length, seenByA.events.length, seenByA.feedbackStats.length]).toEqual([1, 2, 3, 1]);
      expect(seenByA.answered.filter(Boolean)).toHaveLength(1);
      // Site B cannot mark site A's ticket as answered either.
      expect(await ctx.store.transaction(SITE_B.id, (tx) => tx.tickets.markAnswered(a.done.id))).toBe(false);
      expect(await ctx.store.read(SITE_A.id, (r) => r.tickets.answered(a.done.id))).toBe(true);
    });

    it('site B\'s catalogue lookups do not find site A\'s areas, services, counters and devices', async () => {
      const lookups = await ctx.store.read(SITE_B.id, async (r) => ({
        service: await r.catalog.service(SITE_A.residence.id),
        counter: await r.catalog.counter(SITE_A.counter.id),
        device: await r.catalog.device(SITE_A.kiosk.id),
        areas: (await r.catalog.areas()).map((x) => x.id),
      }));
      expect(lookups).toEqual({ service: null, counter: null, device: null, areas: [SITE_B.area.id] });
    });

    it('events of site A are not in site B\'s log, neither after a seq nor among the latest', async () => {
      const a = await writeSiteA(ctx);
      const logged = await ctx.store.transaction(SITE_B.id, (tx) => tx.events.append([openedEvent(SITE_B, T0 + 2 * MIN)]));
      const read = await ctx.store.read(SITE_B.id, async (r) => ({
        after: await r.events.after(0, 100),
        typed: await r.events.after(0, 100, ['ticket.issued', 'ticket.finished', 'counter.opened']),
        latest: await r.events.latest(['ticket.issued', 'ticket.finished', 'counter.opened'], 100),
        durations: await r.tickets.recentServiceDurations(a.done.serviceId, 10),
      }));
      expect(read).toEqual({ after: logged, typed: logged, latest: logged, durations: [] });
    });

    /** Writes through site B that name an id of site A's rows, each with changed content. */
    const intrusions: Array<[string, (tx: SiteTx, a: Awaited<ReturnType<typeof writeSiteA>>) => Promise<unknown>]> = [
      ['putArea', (tx) => tx.catalog.putArea({ ...SITE_A.area, name: { de: 'Übernommen' } })],
      ['putService', (tx) => tx.catalog.putService({ ...SITE_A.residence, dailyLimit: 1 })],
      ['putCounter', (tx) => tx.catalog.putCounter({ ...SITE_A.counter, open: false, userId: null, currentTicketId: null })],
      ['putDevice', (tx) => tx.catalog.putDevice({ ...SITE_A.kiosk, settings: { printer: 'tcp://evil:9100' } })],
      ['appointments.put', (tx) => tx.appointments.put(appointmentOf(SITE_B, { id: `apt-${SITE_A.id}-taken`, status: 'cancelled' }))],
      ['tickets.update', (tx, a) => tx.tickets.update({ ...a.open, status: 'cancelled', finishedAt: T0 + 10 * MIN })],
      ['tickets.insert', (tx, a) => tx.tickets.insert({ ...a.open, number: 'A999', serviceId: SITE_B.residence.id }, 999)],
    ];

    it.each(intrusions)('%s through site B of an id of site A fails and leaves A\'s row as it was', async (_name, intrude) => {
      const a = await writeSiteA(ctx);
      const taken = appointmentOf(SITE_A, { id: `apt-${SITE_A.id}-taken` });
      await ctx.store.transaction(SITE_A.id, (tx) => tx.appointments.put(taken));
      const lookUps = { ...a.lookUps, appointments: [...a.lookUps.appointments, taken.id] };
      const beforeA = await contentsOf(ctx.store, SITE_A.id, lookUps);
      const beforeB = await contentsOf(ctx.store, SITE_B.id, lookUps);
      await expect(ctx.store.transaction(SITE_B.id, (tx) => intrude(tx, a))).rejects.toThrow();
      expect(await contentsOf(ctx.store, SITE_A.id, lookUps)).toEqual(beforeA);
      expect(await contentsOf(ctx.store, SITE_B.id, lookUps)).toEqual(beforeB);
    });

    it('settings changed through site B leave site A\'s as they were', async () => {
      await ctx.store.transaction(SITE_B.id, (tx) => tx.catalog.putSettings({ ...SITE_B.settings, name: 'Neu', timeZone: 'Asia/Tokyo' }));
      expect(await ctx.store.read(SITE_A.id, (r) => r.catalog.settings())).toEqual(SITE_A.settings);
    });
  });
}
