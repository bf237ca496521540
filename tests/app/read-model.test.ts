import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { CounterAction } from '../../common/protocol.js';
import { counterProfile } from '../../server/app/call-order.js';
import { runCounterAction } from '../../server/app/counter-desk.js';
import type { Office } from '../../server/app/office.js';
import { modelBasis, SiteModel } from '../../server/app/read-model.js';
import { instantAt } from '../../server/domain/time.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/**
 * The site model is kept per committed event. After any run of commands it
 * must say exactly what a model loaded afresh from the store says: the open
 * tickets, every counter's call order and next decision, every place in line
 * and the figures of every service.
 */

const MONDAY_8 = instantAt('2026-06-08', '08:00', 'Europe/Berlin');
const LANGUAGES = ['de', 'ar', 'tr', 'fa', 'uk', 'ru'];

/** A small seeded generator, so a failure names a run that can be repeated. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

async function describeModel(office: Office, model: SiteModel) {
  return office.store.read(office.siteId, async (r) => {
    const settings = await r.catalog.settings();
    const now = office.now();
    await model.sync(r, modelBasis(settings, now));
    const line = model.waiting;
    const counters = (await r.catalog.counters()).filter((c) => c.open);
    const services = await r.catalog.services();
    const orders: Record<string, unknown> = {};
    for (const c of counters) {
      const profile = await counterProfile(r, c);
      orders[c.id] = {
        next: line.pickNext(profile, now)?.number ?? null,
        order: line.callOrder(profile, now, 10_000).map((t) => t.number),
        callableAt: line.nextCallableAt(profile, now),
      };
    }
    return {
      open: model.openTickets().map((t) => [t.number, t.status, t.serviceId, t.counterId, t.targetCounterId, t.queuedAt, t.availableAt]),
      positions: [...line.tickets()].map((t) => [t.number, line.position(t)]).sort(),
      services: await Promise.all(services.map(async (s) => ({
        id: s.id,
        waiting: line.count(s.id),
        oldest: line.oldestQueuedAt(s.id),
        due: line.dueAppointments(s.id, now),
        durations: model.recentDurations(s.id) ?? (await r.tickets.recentServiceDurations(s.id, settings.estimate.historySize)),
      }))),
      orders,
    };
  });
}

describe('the site read model', () => {
  let server: TestServer;
  let staff: SessionUser[];

  beforeAll(async () => {
    server = await startTestServer({}, MONDAY_8);
    const office = server.app.office;
    const users = await office.store.shared((tx) => tx.users());
    staff = users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, role: u.role, languages: u.languages, mustChangePassword: false }));
  });
  afterAll(() => server.close());

  for (const seed of [1, 2, 3]) {
    it(`after random commands (seed ${seed}) equals a model loaded afresh from the store`, async () => {
      const office = server.app.office;
      const rnd = random(seed);
      const services = (await office.store.read(office.siteId, (r) => r.catalog.services())).map((s) => s.id);
      const counters = (await office.store.read(office.siteId, (r) => r.catalog.counters())).map((c) => c.id);
      const admin = staff.find((u) => u.role === 'admin') as SessionUser;
      const actions: CounterAction[] = ['call-next', 'call-next', 'start', 'finish', 'finish', 'no-show', 'return', 'recall', 'transfer', 'close'];
      // Some durations known before the run, so that finishing updates a loaded history.
      await describeModel(office, office.model);
      for (let step = 0; step < 300; step++) {
        server.clock.advance(Math.floor(rnd.next() * 90_000));
        const roll = rnd.next();
        try {
          if (roll < 0.4) {
            await office.issueTicket({ serviceId: rnd.pick(services), language: rnd.pick(LANGUAGES), priority: rnd.next() < 0.1, staff: rnd.next() < 0.2 ? admin : null });
          } else if (roll < 0.5) {
            await runCounterAction(office, 'open', { counterId: rnd.pick(counters), force: true }, admin);
          } else {
            const action = rnd.pick(actions);
            const target = rnd.next() < 0.5 ? { serviceId: rnd.pick(services) } : { targetCounterId: rnd.pick(counters) };
            await runCounterAction(office, action, { counterId: rnd.pick(counters), ...(action === 'transfer' ? { ...target, keepPlace: rnd.next() < 0.5 } : {}) }, admin);
          }
        } catch (err) {
          // Refusals (closed counter, nothing current, a bad target) are part of a random run.
          if (!(err instanceof AppError)) throw err;
        }
        if (step % 50 === 49) expect(await describeModel(office, office.model)).toEqual(await describeModel(office, new SiteModel()));
      }
      expect(office.model.rebuilds).toBeLessThanOrEqual(1);
    });
  }

  it('follows commits it did not make itself, by sequence number', async () => {
    const office = server.app.office;
    const before = office.model.rebuilds;
    const stale = new SiteModel();
    await describeModel(office, stale);
    const admin = staff.find((u) => u.role === 'admin') as SessionUser;
    await office.issueTicket({ serviceId: 'residence', language: 'de' });
    await runCounterAction(office, 'open', { counterId: 'schalter-1', force: true }, admin);
    await runCounterAction(office, 'finish', { counterId: 'schalter-1' }, admin).catch(() => null);
    await runCounterAction(office, 'call-next', { counterId: 'schalter-1' }, admin);
    // `stale` was not told of these commits: it follows the log on its next sync, without a reload.
    expect(await describeModel(office, stale)).toEqual(await describeModel(office, new SiteModel()));
    expect(stale.rebuilds).toBe(1);
    expect(office.model.rebuilds).toBe(before);
  });
});
