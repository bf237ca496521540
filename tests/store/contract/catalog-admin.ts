import { describe, expect, it } from 'vitest';
import { appointmentOf, MIN, PREVIOUS_DAY, SITE_A, SITE_B, T0, ticketOf } from './fixtures.js';
import type { ContractContext } from './store-contract.js';

/** #15: record versions and deletes of the catalogue, and what still refers to a service. */
export function catalogAdminContract(ctx: ContractContext): void {
  describe('catalogue versions and deletes (#15)', () => {
    it('every record starts at version 1; only setVersion moves it, not a put', async () => {
      const read = () =>
        ctx.store.read(SITE_A.id, async (r) => ({
          settings: await r.catalog.version('settings', SITE_A.id),
          area: await r.catalog.version('area', SITE_A.area.id),
          service: await r.catalog.version('service', SITE_A.pickup.id),
          counter: await r.catalog.version('counter', SITE_A.counter.id),
          device: await r.catalog.version('device', SITE_A.kiosk.id),
          services: [...(await r.catalog.versions('service'))].sort(),
        }));
      expect(await read()).toEqual({
        settings: 1,
        area: 1,
        service: 1,
        counter: 1,
        device: 1,
        services: [
          [SITE_A.pickup.id, 1],
          [SITE_A.residence.id, 1],
        ],
      });
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.catalog.setVersion('settings', SITE_A.id, 4);
        await tx.catalog.setVersion('service', SITE_A.pickup.id, 2);
        await tx.catalog.setVersion('counter', SITE_A.counter.id, 7);
        // A counter opening and a settings write are no admin changes.
        await tx.catalog.putCounter({ ...SITE_A.counter, open: true });
        await tx.catalog.putSettings({ ...SITE_A.settings, holidays: ['2026-12-24'] });
        await tx.catalog.putService({ ...SITE_A.pickup, active: false });
      });
      expect(await read()).toMatchObject({ settings: 4, service: 2, counter: 7, area: 1 });
      // The other site's records keep theirs.
      expect(await ctx.store.read(SITE_B.id, (r) => r.catalog.version('settings', SITE_B.id))).toBe(1);
    });

    it('versions of records that do not exist, or belong to another site, are null; setting one fails', async () => {
      const seen = await ctx.store.read(SITE_A.id, async (r) => ({
        missing: await r.catalog.version('service', 'nowhere'),
        foreign: await r.catalog.version('service', SITE_B.residence.id),
        foreignCounter: await r.catalog.version('counter', SITE_B.counter.id),
      }));
      expect(seen).toEqual({ missing: null, foreign: null, foreignCounter: null });
      await expect(ctx.store.transaction(SITE_A.id, (tx) => tx.catalog.setVersion('service', SITE_B.residence.id, 9))).rejects.toThrow();
      expect(await ctx.store.read(SITE_B.id, (r) => r.catalog.version('service', SITE_B.residence.id))).toBe(1);
    });

    it('deletes remove a record of the site once, and never another site\'s', async () => {
      const results = await ctx.store.transaction(SITE_A.id, async (tx) => ({
        counter: await tx.catalog.deleteCounter(SITE_A.counter.id),
        again: await tx.catalog.deleteCounter(SITE_A.counter.id),
        device: await tx.catalog.deleteDevice(SITE_A.kiosk.id),
        area: await tx.catalog.deleteArea(SITE_A.area.id),
        service: await tx.catalog.deleteService(SITE_A.pickup.id),
        foreign: await tx.catalog.deleteService(SITE_B.pickup.id),
        foreignArea: await tx.catalog.deleteArea(SITE_B.area.id),
      }));
      expect(results).toEqual({ counter: true, again: false, device: true, area: true, service: true, foreign: false, foreignArea: false });
      const a = await ctx.store.read(SITE_A.id, async (r) => ({
        counters: await r.catalog.counters(),
        devices: await r.catalog.devices(),
        areas: await r.catalog.areas(),
        services: (await r.catalog.services()).map((s) => s.id),
        pickup: await r.catalog.service(SITE_A.pickup.id),
        version: await r.catalog.version('service', SITE_A.pickup.id),
      }));
      expect(a).toEqual({ counters: [], devices: [], areas: [], services: [SITE_A.residence.id], pickup: null, version: null });
      const b = await ctx.store.read(SITE_B.id, async (r) => ({ services: (await r.catalog.services()).length, areas: (await r.catalog.areas()).length }));
      expect(b).toEqual({ services: 2, areas: 1 });
    });

    it('a service that tickets and appointments name can be deleted: they keep reading, and a put brings it back', async () => {
      const ticket = ticketOf(SITE_A, { status: 'done' });
      const appointment = appointmentOf(SITE_A, { status: 'checked_in' });
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(ticket, 1);
        await tx.appointments.put(appointment);
      });
      expect(await ctx.store.transaction(SITE_A.id, (tx) => tx.catalog.deleteService(SITE_A.residence.id))).toBe(true);
      const after = await ctx.store.read(SITE_A.id, async (r) => ({
        service: await r.catalog.service(SITE_A.residence.id),
        listed: (await r.catalog.services()).map((s) => s.id),
        ticket: await r.tickets.get(ticket.id),
        appointment: await r.appointments.get(appointment.id),
      }));
      expect(after).toEqual({ service: null, listed: [SITE_A.pickup.id], ticket, appointment });
      expect(await ctx.store.transaction(SITE_A.id, (tx) => tx.catalog.deleteService(SITE_A.residence.id))).toBe(false);
      await ctx.store.transaction(SITE_A.id, (tx) => tx.catalog.putService(SITE_A.residence));
      expect(await ctx.store.read(SITE_A.id, (r) => r.catalog.service(SITE_A.residence.id))).toEqual(SITE_A.residence);
    });

    it('what refers to a service: open tickets of any day, booked appointments from an instant on', async () => {
      await ctx.store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(ticketOf(SITE_A, { status: 'waiting' }), 1);
        await tx.tickets.insert(ticketOf(SITE_A, { status: 'serving', businessDate: PREVIOUS_DAY }), 1);
        await tx.tickets.insert(ticketOf(SITE_A, { status: 'done' }), 2);
        await tx.tickets.insert(ticketOf(SITE_A, { status: 'waiting', serviceId: SITE_A.pickup.id }), 3);
        await tx.appointments.put(appointmentOf(SITE_A, { startsAt: T0 + 60 * MIN }));
        await tx.appointments.put(appointmentOf(SITE_A, { startsAt: T0 - 60 * MIN }));
        await tx.appointments.put(appointmentOf(SITE_A, { startsAt: T0 + 90 * MIN, status: 'cancelled' }));
      });
      await ctx.store.transaction(SITE_B.id, (tx) => tx.tickets.insert(ticketOf(SITE_B, { status: 'waiting' }), 1));
      const refs = await ctx.store.read(SITE_A.id, async (r) => ({
        residence: await r.catalog.serviceReferences(SITE_A.residence.id, T0),
        earlier: await r.catalog.serviceReferences(SITE_A.residence.id, T0 - 120 * MIN),
        pickup: await r.catalog.serviceReferences(SITE_A.pickup.id, T0),
        foreign: await r.catalog.serviceReferences(SITE_B.residence.id, T0),
      }));
      expect(refs).toEqual({
        residence: { openTickets: 2, bookedAppointments: 1 },
        earlier: { openTickets: 2, bookedAppointments: 2 },
        pickup: { openTickets: 1, bookedAppointments: 0 },
        foreign: { openTickets: 0, bookedAppointments: 0 },
      });
    });
  });
}
