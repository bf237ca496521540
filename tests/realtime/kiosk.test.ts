import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { PublicService } from '../../common/dto.js';
import type { ServicesStatus } from '../../common/protocol.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, firstOf, ok, received, waitFor } from '../helpers/socket-clients.js';
import { api, counterAction, issue } from './support.js';

/** /kiosk: service open/closed state, waiting counts and estimates, pushed after every commit. */

let server: TestServer;
let url: string;
let staff: string; // twerner: opens Raum 1.14 (naturalisation only)

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  staff = await server.login('twerner');
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

afterEach(() => closeAll());

const byId = (services: PublicService[], id: string) => {
  const s = services.find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
};

describe('/kiosk', () => {
  test('sends a snapshot with the services on connect', async () => {
    const kiosk = await connect(url, '/kiosk');
    const snap = await firstOf(kiosk, 'kiosk:snapshot');
    expect(typeof snap.seq).toBe('number');
    expect(typeof snap.epoch).toBe('string');
    expect(snap.services.map((s) => s.id).sort()).toEqual(
      [
        'asylum',
        'information',
        'integration-courses',
        'migration-counselling',
        'naturalisation',
        'permit-pickup',
        'residence',
        'youth-migration',
      ].sort(),
    );
    for (const s of snap.services) {
      expect(s).toMatchObject({
        prefix: expect.any(String),
        icon: expect.any(String),
        open: true,
        closedReason: null,
        waiting: 0,
        // No counter is open yet: the wait is unknown.
        estimate: null,
      });
      expect(s.names.de?.length).toBeGreaterThan(0);
      expect(s.names.en?.length).toBeGreaterThan(0);
    }
    // The same over the `snapshot` request, and the public HTTP list agrees.
    const asked = ok(await emitAck(kiosk, 'snapshot'));
    expect(asked).toMatchObject({ ok: true, snapshot: { seq: snap.seq, epoch: snap.epoch } });
    expect(asked.snapshot.services).toEqual(snap.services);
    expect((await api(url, 'GET', '/api/services')).body).toEqual(snap.services);
  });

  test('issuing a ticket pushes services:status with that waiting count incremented', async () => {
    const kiosks = await Promise.all([1, 2].map(() => connect(url, '/kiosk')));
    const snaps = await Promise.all(kiosks.map((k) => firstOf(k, 'kiosk:snapshot')));
    const before = snaps[0]!.services;

    const waiting = (push: ServicesStatus, id: string) => byId(push.services, id).waiting;
    const base = (id: string) => byId(before, id).waiting;
    /** Pushes are coalesced (SERVICES_PUSH_INTERVAL_MS), but numbered without gaps and ending on the latest state. */
    const expectContiguous = (k: (typeof kiosks)[number], i: number) => {
      const seqs = received(k, 'services:status').map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, n) => snaps[i]!.seq + 1 + n));
    };

    await issue(url, 'residence', 'tr');
    for (const [i, k] of kiosks.entries()) {
      const push = await firstOf(k, 'services:status', (e) => waiting(e, 'residence') === base('residence') + 1);
      expect(push.epoch).toBe(snaps[i]!.epoch);
      // The other services did not change.
      for (const s of push.services.filter((x) => x.id !== 'residence')) expect(s).toEqual(byId(before, s.id));
      expectContiguous(k, i);
    }

    // Two more in quick succession, one in another service: the counts follow, in one push or two.
    const k = kiosks[0]!;
    const pushesBefore = received(k, 'services:status').length;
    await issue(url, 'residence', 'de');
    await issue(url, 'information', 'fa');
    await firstOf(
      k,
      'services:status',
      (e) => waiting(e, 'residence') === base('residence') + 2 && waiting(e, 'information') === base('information') + 1,
    );
    expect(received(k, 'services:status').length - pushesBefore).toBeLessThanOrEqual(2);
    expectContiguous(k, 0);

    // A cancellation takes one away again.
    const t = await issue(url, 'information', 'de');
    const three = await firstOf(k, 'services:status', (e) => waiting(e, 'information') === base('information') + 2);
    expect((await api(url, 'DELETE', `/api/tickets/${t.id}`)).status).toBe(200);
    const cancelled = await firstOf(
      k,
      'services:status',
      (e) => e.seq > three.seq && waiting(e, 'information') === base('information') + 1,
    );
    expect(received(k, 'services:status').at(-1)).toEqual(cancelled);
    expectContiguous(k, 0);
  });

  test('opening a counter turns the estimate of its services from null into a range', async () => {
    const kiosk = await connect(url, '/kiosk');
    const snap = await firstOf(kiosk, 'kiosk:snapshot');
    await issue(url, 'naturalisation', 'en');
    await issue(url, 'naturalisation', 'de');
    const waitingNow = await firstOf(kiosk, 'services:status', (e) => byId(e.services, 'naturalisation').waiting === 2);
    expect(byId(waitingNow.services, 'naturalisation').estimate).toBeNull();
    expect(snap.services.every((s) => s.estimate === null)).toBe(true);

    const opened = waitFor(kiosk, 'services:status');
    expect((await counterAction(url, staff, 'raum-1-14', 'open')).status).toBe(200);
    const after = await opened;
    const nat = byId(after.services, 'naturalisation');
    expect(nat.estimate).not.toBeNull();
    expect(Number.isInteger(nat.estimate!.low)).toBe(true);
    expect(Number.isInteger(nat.estimate!.high)).toBe(true);
    expect(nat.estimate!.low).toBeGreaterThanOrEqual(0);
    expect(nat.estimate!.high).toBeGreaterThanOrEqual(nat.estimate!.low + 5);
    // 2 waiting × 25 min default ÷ 1 counter = 50 min, shown as 40–65.
    expect(nat.estimate).toEqual({ low: 40, high: 65 });
    // Raum 1.14 serves only naturalisation; every other service still has no open counter.
    for (const s of after.services.filter((x) => x.id !== 'naturalisation')) expect(s.estimate, s.id).toBeNull();

    // Closing it again makes the wait unknown again.
    const closed = waitFor(kiosk, 'services:status');
    expect((await counterAction(url, staff, 'raum-1-14', 'close')).status).toBe(200);
    expect(byId((await closed).services, 'naturalisation').estimate).toBeNull();
  });

  test('kiosk pushes carry no staff or ticket data', async () => {
    const kiosk = await connect(url, '/kiosk');
    await firstOf(kiosk, 'kiosk:snapshot');
    const push = waitFor(kiosk, 'services:status');
    expect((await counterAction(url, staff, 'raum-1-14', 'open')).status).toBe(200);
    const json = JSON.stringify(await push);
    expect(Object.keys(await push).sort()).toEqual(['epoch', 'seq', 'services']);
    expect(json).not.toMatch(/Thomas|Werner|twerner|usr_|"userId"|"tickets"/);
  });
});
