import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../common/model.js';
import {
  appointmentOf,
  byId,
  DAY,
  feedbackFor,
  finishedEvent,
  MIN,
  NEXT_DAY,
  PREVIOUS_DAY,
  sessionOf,
  SITE_A,
  SITE_B,
  T0,
  ticketOf,
  userOf,
} from './fixtures.js';
import type { ContractContext } from './store-contract.js';

/** Every aggregate reads back what was written, through each of its readers. */
export function aggregatesContract(ctx: ContractContext): void {
  describe('round trips', () => {
    describe('sites and catalogue', () => {
      it('a site\'s settings read back through the site record and its catalogue', async () => {
        const sites = await ctx.store.shared(async (p) => ({ all: await p.sites(), one: await p.site(SITE_B.id), none: await p.site('nowhere') }));
        expect(byId(sites.all)).toEqual([
          { id: SITE_A.id, settings: SITE_A.settings },
          { id: SITE_B.id, settings: SITE_B.settings },
        ]);
        expect(sites.one).toEqual({ id: SITE_B.id, settings: SITE_B.settings });
        expect(sites.none).toBeNull();
        expect(await ctx.store.read(SITE_B.id, (r) => r.catalog.settings())).toEqual(SITE_B.settings);
      });

      it('putSettings and putSite both change a site\'s settings', async () => {
        const changed = { ...SITE_A.settings, holidays: ['2026-12-24'], policy: { ...SITE_A.settings.policy, maxCalls: 5 } };
        await ctx.store.transaction(SITE_A.id, (tx) => tx.catalog.putSettings(changed));
        expect(await ctx.store.shared((p) => p.site(SITE_A.id))).toEqual({ id: SITE_A.id, settings: changed });
        const renamed = { ...changed, name: 'Bürgerbüro Mitte', timeZone: 'Europe/Vienna' };
        await ctx.store.shared((p) => p.putSite({ id: SITE_A.id, settings: renamed }));
        expect(await ctx.store.read(SITE_A.id, (r) => r.catalog.settings())).toEqual(renamed);
        expect(await ctx.store.read(SITE_B.id, (r) => r.catalog.settings())).toEqual(SITE_B.settings);
      });

      it('a site that does not exist has no settings to read or change', async () => {
        await expect(ctx.store.read('nowhere', (r) => r.catalog.settings())).rejects.toThrow();
        await expect(ctx.store.transaction('nowhere', (tx) => tx.catalog.putSettings(SITE_A.settings))).rejects.toThrow();
        expect(await ctx.store.shared((p) => p.site('nowhere'))).toBeNull();
      });

      it('areas, services, counters and devices read back as put, one by one and as lists', async () => {
        const read = await ctx.store.read(SITE_A.id, async (r) => ({
          areas: await r.catalog.areas(),
          services: await r.catalog.services(),
          service: await r.catalog.service(SITE_A.pickup.id),
          counters: await r.catalog.counters(),
          counter: await r.catalog.counter(SITE_A.counter.id),
          devices: await r.catalog.devices(),
          device: await r.catalog.device(SITE_A.kiosk.id),
          unknown: [await r.catalog.service('nope'), await r.catalog.counter('nope'), await r.catalog.device('nope')],
        }));
        expect({ ...read, areas: byId(read.areas), services: byId(read.services), counters: byId(read.counters), devices: byId(read.devices) }).toEqual({
          areas: [SITE_A.area],
          services: byId([SITE_A.residence, SITE_A.pickup]),
          service: SITE_A.pickup,
          counters: [SITE_A.counter],
          counter: SITE_A.counter,
          devices: [SITE_A.kiosk],
          device: SITE_A.kiosk,
          unknown: [null, null, null],
        });
      });

      // The seam does not say so, but screens list them in this order (views.ts keeps the store's).
      it('lists services by sortOrder, then id, and counters by area, then name', async () => {
        const { residence, counter } = SITE_A;
        const services = [
          { ...residence, id: 'a-z-first', sortOrder: 0 },
          { ...residence, id: 'a-b-tied', sortOrder: 5 },
          { ...residence, id: 'a-a-tied', sortOrder: 5 },
        ];
        const counters = [
          { ...counter, id: 'a-c1', area: 'og1', name: 'Raum 1.14' },
          { ...counter, id: 'a-c2', area: 'eg', name: 'Schalter 2' },
          { ...counter, id: 'a-c3', area: 'eg', name: 'Schalter 1' },
        ];
        await ctx.store.transaction(SITE_A.id, async (tx) => {
          for (const s of services) await tx.catalog.putService(s);
          for (const c of counters) await tx.catalog.putCounter(c);
        });
        const read = await ctx.store.read(SITE_A.id, async (r) => ({
          services: (await r.catalog.services()).map((s) => s.id),
          counters: (await r.catalog.counters()).map((c) => c.id),
        }));
        expect(read).toEqual({
          services: ['a-z-first', residence.id, SITE_A.pickup.id, 'a-a-tied', 'a-b-tied'],
          counters: [SITE_A.counter.id, 'a-c3', 'a-c2', 'a-c1'],
        });
      });

      it('a second put of an id replaces the entry', async () => {
        await ctx.store.shared((p) => p.putUser(userOf('u1', [SITE_A.id])));
        const area = { ...SITE_A.area, name: { de: 'Foyer' } };
        const service = { ...SITE_A.residence, names: { de: 'Aufenthalt' }, dailyLimit: 40, active: false, priorityEnabled: false, sortOrder: 9, defaultServiceMinutes: 7.5 };
        const counter = { ...SITE_A.counter, open: true, userId: 'u1', currentTicketId: 'tk-1', secondaryServiceIds: [] };
        const device = { ...SITE_A.kiosk, name: 'Kiosk Ost', area: null, settings: { printer: 'tcp://10.0.0.9:9100', paperWidthDots: 384 } };
        await ctx.store.transaction(SITE_A.id, async (tx) => {
          await tx.catalog.putArea(area);
          await tx.catalog.putService(service);
          await tx.catalog.putCounter(counter);
          await tx.catalog.putDevice(device);
        });
        const read = await ctx.store.read(SITE_A.id, async (r) => ({
          areas: await r.catalog.areas(),
          service: await r.catalog.service(service.id),
          services: (await r.catalog.services()).length,
          counter: await r.catalog.counter(counter.id),
          device: await r.catalog.device(device.id),
        }));
        expect(read).toEqual({ areas: [area], service, services: 2, counter, device });
      });

      it('a device is deleted only in its own site, and a second delete finds nothing', async () => {
        const deleted = await ctx.store.transaction(SITE_B.id, (tx) => tx.catalog.deleteDevice(SITE_A.kiosk.id));
        expect(deleted).toBe(false);
        expect(await ctx.store.read(SITE_A.id, (r) => r.catalog.device(SITE_A.kiosk.id))).toEqual(SITE_A.kiosk);
        expect(await ctx.store.transaction(SITE_A.id, (tx) => tx.catalog.deleteDevice(SITE_A.kiosk.id))).toBe(true);
        expect(await ctx.store.transaction(SITE_A.id, (tx) => tx.catalog.deleteDevice(SITE_A.kiosk.id))).toBe(false);
        expect(await ctx.store.read(SITE_A.id, (r) => r.catalog.devices())).toEqual([]);
      });
    });

    describe('tickets', () => {
      it('a ticket reads back as inserted, every field, and as updated', async () => {
        const t = ticketOf(SITE_A, {
          number: 'A007',
          priorityClass: 'appointment',
          channel: 'checkin',
          appointmentId: 'apt-1',
          dueAt: T0 + 5 * MIN,
          availableAt: T0 + 2 * MIN,
          targetCounterId: SITE_A.counter.id,
          language: 'uk',
          notes: 'Dolmetscher bestellt',
        });
        await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.insert(t, 7));
        expect(await ctx.store.read(SITE_A.id, (r) => r.tickets.get(t.id))).toEqual(t);

        const served: Ticket = {
          ...t,
          serviceId: SITE_A.pickup.id,
          status: 'done',
          counterId: SITE_A.counter.id,
          userId: 'u1',
          calledAt: T0 + 6 * MIN,
          servingAt: T0 + 7 * MIN,
          finishedAt: T0 + 19 * MIN,
          callCount: 2,
          transferredFrom: SITE_A.residence.id,
          queuedAt: T0 + MIN,
          targetCounterId: null,
          notes: '',
        };
        await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.update(served));
        expect(await ctx.store.read(SITE_A.id, async (r) => [await r.tickets.get(t.id), await r.tickets.get('unknown')])).toEqual([served, null]);
      });

      it('updating a ticket that does not exist is refused', async () => {
        await expect(ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.update(ticketOf(SITE_A)))).rejects.toThrow();
      });

      it('openBefore lists the open tickets of earlier days only', async () => {
        const yesterday = ticketOf(SITE_A, { number: 'A001', businessDate: PREVIOUS_DAY });
        const yesterdayCalled = ticketOf(SITE_A, { number: 'A002', businessDate: PREVIOUS_DAY, status: 'called', counterId: SITE_A.counter.id });
        const earlier = ticketOf(SITE_A, { number: 'A001', businessDate: '2026-06-01', status: 'serving' });
        const closed = [
          ticketOf(SITE_A, { number: 'A003', businessDate: PREVIOUS_DAY, status: 'done' }),
          ticketOf(SITE_A, { number: 'A004', businessDate: PREVIOUS_DAY, status: 'cancelled' }),
          ticketOf(SITE_A, { number: 'A005', businessDate: PREVIOUS_DAY, status: 'no_show' }),
        ];
        const today = ticketOf(SITE_A, { number: 'A001', businessDate: DAY });
        await ctx.store.transaction(SITE_A.id, async (tx) => {
          for (const t of [today, yesterday, ...closed, earlier, yesterdayCalled]) await tx.tickets.insert(t, 1);
        });
        const read = await ctx.store.read(SITE_A.id, async (r) => ({
          beforeToday: await r.tickets.openBefore(DAY),
          beforeTomorrow: await r.tickets.openBefore(NEXT_DAY),
          beforeYesterday: await r.tickets.openBefore(PREVIOUS_DAY),
        }));
        expect(byId(read.beforeToday)).toEqual(byId([yesterday, yesterdayCalled, earlier]));
        expect(byId(read.beforeTomorrow)).toEqual(byId([yesterday, yesterdayCalled, earlier, today]));
        expect(read.beforeYesterday).toEqual([earlier]);
      });

      it('issuedCounts gives the numbers handed out per service on a day, leaving out services with none', async () => {
        await ctx.store.transaction(SITE_A.id, async (tx) => {
          for (let i = 0; i < 3; i++) await tx.tickets.nextNumber(SITE_A.residence.prefix, DAY);
          await tx.tickets.nextNumber(SITE_A.pickup.prefix, NEXT_DAY);
        });
        const read = await ctx.store.read(SITE_A.id, async (r) => [await r.tickets.issuedCounts(DAY), await r.tickets.issuedCounts(NEXT_DAY), await r.tickets.issuedCounts(PREVIOUS_DAY)]);
        expect(read).toEqual([{ [SITE_A.residence.id]: 3 }, { [SITE_A.pickup.id]: 1 }, {}]);
      });

      it('recentServiceDurations gives the newest finished services of one service, newest first, at most `limit`', async () => {
        const t = ticketOf(SITE_A, { counterId: SITE_A.counter.id });
        const other = ticketOf(SITE_A, { serviceId: SITE_A.pickup.id });
        await ctx.store.transaction(SITE_A.id, (tx) =>
          tx.events.append([finishedEvent(t, 4 * MIN, T0 + MIN), finishedEvent(other, 9 * MIN, T0 + 2 * MIN), finishedEvent(t, 6 * MIN, T0 + 3 * MIN)]),
        );
        await ctx.store.transaction(SITE_A.id, (tx) => tx.events.append([finishedEvent(t, 5 * MIN, T0 + 4 * MIN)]));
        const read = await ctx.store.read(SITE_A.id, async (r) => [
          await r.tickets.recentServiceDurations(t.serviceId, 2),
          await r.tickets.recentServiceDurations(t.serviceId, 10),
          await r.tickets.recentServiceDurations(other.serviceId, 10),
        ]);
        expect(read).toEqual([[5 * MIN, 6 * MIN], [5 * MIN, 6 * MIN, 4 * MIN], [9 * MIN]]);
      });
    });

    describe('appointments', () => {
      it('an appointment reads back by id and by code, and as updated', async () => {
        const appt = appointmentOf(SITE_A);
        const other = appointmentOf(SITE_A, { language: null, serviceId: SITE_A.pickup.id });
        await ctx.store.transaction(SITE_A.id, async (tx) => {
          await tx.appointments.put(appt);
          await tx.appointments.put(other);
        });
        const read = async () =>
          ctx.store.read(SITE_A.id, async (r) => [await r.appointments.get(appt.id), await r.appointments.byCode(appt.code), await r.appointments.get(other.id)]);
        expect(await read()).toEqual([appt, appt, other]);
        const checkedIn = { ...appt, status: 'checked_in' as const, ticketId: 'tk-9' };
        await ctx.store.transaction(SITE_A.id, (tx) => tx.appointments.put(checkedIn));
        expect(await read()).toEqual([checkedIn, checkedIn, other]);
        expect(await ctx.store.read(SITE_A.id, async (r) => [await r.appointments.get('nope'), await r.appointments.byCode('NOPE00')])).toEqual([null, null]);
      });
    });

    describe('feedback', () => {
      it('a feedback row keeps no link to its ticket; the ticket remembers that it answered, once, also when two answers race', async () => {
        const t = ticketOf(SITE_A, { status: 'done', counterId: SITE_A.counter.id });
        await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.insert(t, 1));
        expect(await ctx.store.read(SITE_A.id, (r) => r.tickets.answered(t.id))).toBe(false);
        const given = feedbackFor(t, 2, { comment: 'Sehr freundlich', language: 'uk' });
        // Two answers at once: each unit marks the ticket and, if it was first, stores its row.
        const answer = (f: typeof given) =>
          ctx.store.transaction(SITE_A.id, async (tx) => {
            if (!(await tx.tickets.markAnswered(t.id))) return false;
            await tx.feedback.insert(f);
            return true;
          });
        expect(await Promise.all([answer(given), answer(feedbackFor(t, 6))])).toEqual([true, false]);
        const read = await ctx.store.read(SITE_A.id, async (r) => ({
          answered: [await r.tickets.answered(t.id), await r.tickets.answered('nope')],
          day: await r.feedback.day(DAY),
          ticket: await r.tickets.get(t.id),
        }));
        expect(read).toEqual({ answered: [true, false], day: [given], ticket: t });
        expect(Object.keys(read.day[0] ?? {})).not.toContain('ticketId');
        // Updating the ticket later keeps the mark.
        await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.update({ ...t, notes: 'x' }));
        expect(await ctx.store.transaction(SITE_A.id, (tx) => tx.tickets.markAnswered(t.id))).toBe(false);
      });

      it('stats count and average the grades per day and service, dates inclusive, oldest first', async () => {
        const on = (businessDate: string, serviceId: string, grade: number) => feedbackFor(ticketOf(SITE_A, { businessDate, serviceId }), grade);
        const { residence, pickup } = SITE_A;
        await ctx.store.transaction(SITE_A.id, async (tx) => {
          for (const f of [
            on(NEXT_DAY, residence.id, 1),
            on(DAY, residence.id, 2),
            on(DAY, pickup.id, 4),
            on(DAY, residence.id, 3),
            on(DAY, residence.id, 3),
            on(PREVIOUS_DAY, residence.id, 6),
            on('2026-06-01', residence.id, 5),
          ]) {
            await tx.feedback.insert(f);
          }
        });
        const stats = await ctx.store.read(SITE_A.id, (r) => r.feedback.stats(PREVIOUS_DAY, NEXT_DAY));
        expect(stats).toEqual([
          { date: PREVIOUS_DAY, serviceId: residence.id, count: 1, average: 6 },
          { date: DAY, serviceId: pickup.id, count: 1, average: 4 },
          { date: DAY, serviceId: residence.id, count: 3, average: 2.67 },
          { date: NEXT_DAY, serviceId: residence.id, count: 1, average: 1 },
        ]);
        expect(await ctx.store.read(SITE_A.id, (r) => r.feedback.stats('2026-07-01', '2026-07-31'))).toEqual([]);
        // #16: the answers themselves over a range, oldest day first, the site's only.
        const range = await ctx.store.read(SITE_A.id, (r) => r.feedback.range(DAY, NEXT_DAY));
        expect(range.map((f) => [f.businessDate, f.grade])).toEqual([[DAY, 4], [DAY, 2], [DAY, 3], [DAY, 3], [NEXT_DAY, 1]]); // by day, service id, grade
        expect(await ctx.store.read(SITE_B.id, (r) => r.feedback.range(PREVIOUS_DAY, NEXT_DAY))).toEqual([]);
      });
    });

    describe('users and sessions', () => {
      it('a user reads back with the sites they work at, by id, by username and in the list', async () => {
        const both = userOf('u-both', [SITE_A.id, SITE_B.id], { role: 'admin', languages: ['de', 'ar'], active: false });
        const onlyB = userOf('u-b', [SITE_B.id]);
        await ctx.store.shared(async (p) => {
          await p.putUser(both);
          await p.putUser(onlyB);
        });
        const read = await ctx.store.shared(async (p) => ({
          byId: await p.user(both.id),
          byName: await p.userByUsername(onlyB.username),
          all: await p.users(),
          unknown: [await p.user('nope'), await p.userByUsername('nope')],
        }));
        expect({ ...read, all: byId(read.all) }).toEqual({ byId: both, byName: onlyB, all: byId([both, onlyB]), unknown: [null, null] });
      });

      it('a site\'s staff are the users assigned to it, and a new assignment replaces the old', async () => {
        const a = userOf('u-a', [SITE_A.id]);
        const both = userOf('u-both', [SITE_A.id, SITE_B.id]);
        const b = userOf('u-b', [SITE_B.id]);
        await ctx.store.shared(async (p) => {
          for (const u of [a, both, b]) await p.putUser(u);
        });
        const staffOf = (siteId: string) =>
          ctx.store.read(siteId, async (r) => ({ all: byId(await r.staff.users()), a: await r.staff.user(a.id), b: await r.staff.user(b.id) }));
        expect(await staffOf(SITE_A.id)).toEqual({ all: [a, both], a, b: null });
        expect(await staffOf(SITE_B.id)).toEqual({ all: [b, both], a: null, b });

        const moved = { ...a, siteIds: [SITE_B.id], displayName: 'Umgezogen' };
        await ctx.store.shared((p) => p.putUser(moved));
        expect(await staffOf(SITE_A.id)).toEqual({ all: [both], a: null, b: null });
        expect(await staffOf(SITE_B.id)).toEqual({ all: byId([b, both, moved]), a: moved, b });
      });

      it('sessions are put, read, replaced and deleted', async () => {
        await ctx.store.shared((p) => p.putUser(userOf('u1', [SITE_A.id])));
        const s = sessionOf('s1', 'u1', T0 + 60 * MIN);
        await ctx.store.shared((p) => p.putSession(s));
        expect(await ctx.store.shared((p) => p.session(s.id))).toEqual(s);
        const longer = { ...s, expiresAt: T0 + 120 * MIN };
        await ctx.store.shared((p) => p.putSession(longer));
        expect(await ctx.store.shared((p) => p.session(s.id))).toEqual(longer);
        await ctx.store.shared((p) => p.deleteSession(s.id));
        expect(await ctx.store.shared(async (p) => [await p.session(s.id), await p.session('nope')])).toEqual([null, null]);
      });

      it('#15: a supervisor with a one-time password and a version reads back as written', async () => {
        const lead = userOf('u-lead', [SITE_A.id], { role: 'supervisor', mustChangePassword: true, version: 7 });
        await ctx.store.shared((p) => p.putUser(lead));
        expect(await ctx.store.shared((p) => p.user(lead.id))).toEqual(lead);
        const changed = { ...lead, mustChangePassword: false, version: 8 };
        await ctx.store.shared((p) => p.putUser(changed));
        expect(await ctx.store.read(SITE_A.id, (r) => r.staff.user(lead.id))).toEqual(changed);
      });

      it('#15: deleteSessionsOf ends every session of one user but the one kept, and names the ended ones', async () => {
        await ctx.store.shared(async (p) => {
          await p.putUser(userOf('u1', [SITE_A.id]));
          await p.putUser(userOf('u2', [SITE_A.id]));
          for (const id of ['a', 'b', 'c']) await p.putSession(sessionOf(id, 'u1', T0 + 60 * MIN));
          await p.putSession(sessionOf('other', 'u2', T0 + 60 * MIN));
        });
        const ended = await ctx.store.shared((p) => p.deleteSessionsOf('u1', 'b'));
        expect([...ended].sort()).toEqual(['a', 'c']);
        const left = await ctx.store.shared(async (p) => Promise.all(['a', 'b', 'c', 'other'].map(async (id) => (await p.session(id))?.id ?? null)));
        expect(left).toEqual([null, 'b', null, 'other']);
        expect(await ctx.store.shared((p) => p.deleteSessionsOf('u2'))).toEqual(['other']);
        expect(await ctx.store.shared((p) => p.session('other'))).toBeNull();
      });

      it('deleteExpiredSessions removes the sessions expired at `now` and before, and keeps the rest', async () => {
        await ctx.store.shared(async (p) => {
          await p.putUser(userOf('u1', [SITE_A.id]));
          await p.putSession(sessionOf('past', 'u1', T0 - 1));
          await p.putSession(sessionOf('now', 'u1', T0));
          await p.putSession(sessionOf('later', 'u1', T0 + 1));
          await p.deleteExpiredSessions(T0);
        });
        const left = await ctx.store.shared(async (p) => [await p.session('past'), await p.session('now'), await p.session('later')]);
        expect(left).toEqual([null, null, sessionOf('later', 'u1', T0 + 1)]);
      });
    });
  });
}
