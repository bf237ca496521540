import { describe, expect, it } from 'vitest';
import type { AppointmentFact, RefusalFact, SegmentFact } from '../../../server/domain/stats/facts.js';
import { DAY, MIN, NEXT_DAY, PREVIOUS_DAY, SITE_A, SITE_B, T0 } from './fixtures.js';
import type { ContractContext } from './store-contract.js';

/** #16: the statistics facts on the store seam (what the stats projection writes and the summary reads). */

function segment(ticketId: string, n: number, o: Partial<SegmentFact> = {}): SegmentFact {
  return {
    ticketId,
    segment: n,
    businessDate: DAY,
    hour: 9,
    weekday: 3,
    number: 'A001',
    serviceId: SITE_A.residence.id,
    channel: 'walk_in',
    language: 'de',
    priorityClass: 'walk_in',
    joinedAt: T0 + n * MIN,
    firstCalledAt: T0 + (n + 5) * MIN,
    startedAt: null,
    endedAt: null,
    counterId: SITE_A.counter.id,
    outcome: 'open',
    waitMs: 5 * MIN,
    serviceMs: null,
    callToStartMs: null,
    appointmentId: null,
    latenessMs: null,
    officeDelayMs: null,
    ...o,
  };
}

const refusal: RefusalFact = {
  at: T0,
  businessDate: DAY,
  hour: 9,
  weekday: 3,
  serviceId: SITE_A.pickup.id,
  reason: 'past_closing',
  channel: 'walk_in',
  language: 'tr',
};

function appointment(id: string, businessDate: string, status: AppointmentFact['status'] = 'booked'): AppointmentFact {
  return { appointmentId: id, businessDate, hour: 10, weekday: 3, serviceId: SITE_A.residence.id, language: 'en', slotStart: T0, status };
}

export function statsFactsContract(ctx: ContractContext): void {
  describe('statistics facts', () => {
    it('keeps a ticket’s segments with the last call, replaces them whole, and reads them by date and filters', async () => {
      const t1 = [segment('t1', 0, { outcome: 'transferred', endedAt: T0 + 9 * MIN }), segment('t1', 1, { serviceId: SITE_A.pickup.id, language: 'de' })];
      const t2 = [segment('t2', 0, { language: 'ar', channel: 'staff', counterId: null, businessDate: NEXT_DAY })];
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.stats.putTicketFacts([
          { segments: t1, lastCallAt: T0 + 7 * MIN },
          { segments: t2, lastCallAt: null },
        ]);
        await tx.stats.putTicketFacts([{ segments: t1, lastCallAt: T0 + 8 * MIN }]);
      });
      await ctx.store.read(SITE_A.id, async (r) => {
        expect(await r.stats.segments({ fromDate: DAY, toDate: NEXT_DAY })).toEqual([...t1, ...t2]);
        expect(await r.stats.segments({ fromDate: DAY, toDate: DAY })).toEqual(t1);
        expect(await r.stats.segments({ fromDate: PREVIOUS_DAY, toDate: NEXT_DAY, language: 'ar' })).toEqual(t2);
        expect(await r.stats.segments({ fromDate: DAY, toDate: NEXT_DAY, channel: 'walk_in', serviceId: SITE_A.pickup.id })).toEqual([t1[1]]);
        expect(await r.stats.segments({ fromDate: DAY, toDate: NEXT_DAY, counterId: SITE_A.counter.id })).toEqual(t1);
        // The summary's read: the same segments, only the fields it counts (in any order).
        const figures = (f: SegmentFact) => ({
          segment: f.segment, businessDate: f.businessDate, hour: f.hour, weekday: f.weekday, serviceId: f.serviceId, channel: f.channel,
          language: f.language, counterId: f.counterId, outcome: f.outcome, waitMs: f.waitMs, serviceMs: f.serviceMs,
          latenessMs: f.latenessMs, officeDelayMs: f.officeDelayMs,
        });
        expect(await r.stats.segmentFigures({ fromDate: DAY, toDate: NEXT_DAY })).toEqual(expect.arrayContaining([...t1, ...t2].map(figures)));
        expect(await r.stats.segmentFigures({ fromDate: DAY, toDate: NEXT_DAY })).toHaveLength(t1.length + t2.length);
        expect(await r.stats.segmentFigures({ fromDate: PREVIOUS_DAY, toDate: NEXT_DAY, language: 'ar' })).toEqual(t2.map(figures));
      });
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        const kept = await tx.stats.ticketFacts(['t1', 't2', 'unknown']);
        expect([...kept.keys()]).toEqual(['t1', 't2']);
        expect(kept.get('t1')).toEqual({ segments: t1, lastCallAt: T0 + 8 * MIN });
        expect(await tx.stats.counts()).toEqual({ segments: 3, refusals: 0, appointments: 0 });
      });
      await ctx.store.read(SITE_B.id, async (r) => {
        expect(await r.stats.segments({ fromDate: PREVIOUS_DAY, toDate: NEXT_DAY })).toEqual([]);
      });
    });

    it('keeps a refusal once per event, appointments by id, marks the past day’s booked ones missed, and a cursor per site', async () => {
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.stats.putRefusal(7, refusal);
        await tx.stats.putRefusal(7, refusal);
        await tx.stats.putAppointment(appointment('apt-1', PREVIOUS_DAY));
        await tx.stats.putAppointment(appointment('apt-2', PREVIOUS_DAY, 'checked_in'));
        await tx.stats.putAppointment(appointment('apt-3', DAY));
        await tx.stats.putAppointment({ ...appointment('apt-3', DAY), language: 'fr' });
        expect(await tx.stats.markMissed(DAY)).toBe(1);
        await tx.stats.setCursor(42);
      });
      await ctx.store.read(SITE_A.id, async (r) => {
        expect(await r.stats.refusals({ fromDate: DAY, toDate: DAY })).toEqual([refusal]);
        expect(await r.stats.refusals({ fromDate: DAY, toDate: DAY, language: 'de' })).toEqual([]);
        const all = await r.stats.appointments({ fromDate: PREVIOUS_DAY, toDate: DAY });
        expect(all.map((a) => [a.appointmentId, a.status, a.language])).toEqual([
          ['apt-1', 'missed', 'en'],
          ['apt-2', 'checked_in', 'en'],
          ['apt-3', 'booked', 'fr'],
        ]);
        expect(await r.stats.appointments({ fromDate: PREVIOUS_DAY, toDate: DAY, channel: 'walk_in' })).toEqual([]);
      });
      await ctx.store.transaction(SITE_B.id, async (tx) => {
        expect(await tx.stats.cursor()).toBe(0);
        await tx.stats.clear();
      });
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        expect(await tx.stats.cursor()).toBe(42);
        await tx.stats.clear();
        expect(await tx.stats.cursor()).toBe(0);
        expect(await tx.stats.counts()).toEqual({ segments: 0, refusals: 0, appointments: 0 });
      });
    });
  });
}
