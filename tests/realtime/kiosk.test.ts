import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { PublicService } from '../../common/dto.js';
import type { KioskSnapshot, ServicesStatus } from '../../common/protocol.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, firstOf, received, waitFor } from '../helpers/socket-clients.js';
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
    const snap = await firstOf<KioskSnapshot>(kiosk, 'kiosk:snapshot');
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
    const asked = await emitAck(kiosk, 'snapshot');
    expect(asked).toMatchObject({ ok: true, snapshot: { seq: snap.seq, epoch: snap.epoch } });
    expect(asked.snapshot.services).toEqual(snap.services);
    expect((await api(url, 'GET', '/api/services')).body).toEqual(snap.services);
  });

  test('issuing a ticket pushes services:status with that waiting count incremented', async () => {
    const kiosks = await Promise.all([1, 2].map(() => connect(url, '/kiosk')));
    const snaps = await Promise.all(kiosks.map((k) => firstOf<KioskSnapshot>(k, 'kiosk:snapshot')));
    const before = snaps[0]!.services;

    const pushes = kiosks.map((k) => waitFor<ServicesStatus>(k, 'services:status'));
    await issue(url, 'residence', 'tr');
    for (const [i, push] of (await Promise.all(pushes)).entries()) {
      expect(push.seq).toBe(snaps[i]!.seq + 1);
      expect(push.epoch).toBe(snaps[i]!.epoch);
      expect(byId(push.services, 'residence').waiting).toBe(byId(before, 'residence').waiting + 1);
      // The other services did not change.
      for (const s of push.services.filter((x) => x.id !== 'residence')) expect(s).toEqual(byId(before, s.id));
    }

    // Two more, one in another service: one push each, counts follow.
    const k = kiosks[0]!;
    await issue(url, 'residence', 'de');
    await issue(url, 'information', 'fa');
    const last = await firstOf<ServicesStatus>(k, 'services:status', (e) => e.seq === snaps[0]!.seq + 3);
    expect(byId(last.services, 'residence').waiting).toBe(byId(before, 'residence').waiting + 2);
    expect(byId(last.services, 'information').waiting).toBe(byId(before, 'information').waiting + 1);
    expect(received<ServicesStatus>(k, 'services:status').map((e) => e.seq)).toEqual([1, 2, 3].map((n) => snaps[0]!.seq + n));

    // A cancellation takes one away again.
    const t = await issue(url, 'information', 'de');
    const issued = await firstOf<ServicesStatus>(k, 'services:status', (e) => e.seq === snaps[0]!.seq + 4);
    expect(byId(issued.services, 'information').waiting).toBe(byId(before, 'information').waiting + 2);
    expect((await api(url, 'DELETE', `/api/tickets/${t.id}`)).status).toBe(200);
    const cancelled = await firstOf<ServicesStatus>(k, 'services:status', (e) => e.seq === snaps[0]!.seq + 5);
    expect(byId(cancelled.services, 'information').waiting).toBe(byId(before, 'information').waiting + 1);
  });

  test('opening a counter turns the estimate of its services from null into a range', async () => {
    const kiosk = await connect(url, '/kiosk');
    const snap = await firstOf<KioskSnapshot>(kiosk, 'kiosk:snapshot');
    await issue(url, 'naturalisation', 'en');
    await issue(url, 'naturalisation', 'de');
    const waitingNow = await firstOf<ServicesStatus>(kiosk, 'services:status', (e) => byId(e.services, 'naturalisation').waiting === 2);
    expect(byId(waitingNow.services, 'naturalisation').estimate).toBeNull();
    expect(snap.services.every((s) => s.estimate === null)).toBe(true);

    const opened = waitFor<ServicesStatus>(kiosk, 'services:status');
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
    const closed = waitFor<ServicesStatus>(kiosk, 'services:status');
    expect((await counterAction(url, staff, 'raum-1-14', 'close')).status).toBe(200);
    expect(byId((await closed).services, 'naturalisation').estimate).toBeNull();
  });

  test('kiosk pushes carry no staff or ticket data', async () => {
    const kiosk = await connect(url, '/kiosk');
    await firstOf(kiosk, 'kiosk:snapshot');
    const push = waitFor<ServicesStatus>(kiosk, 'services:status');
    expect((await counterAction(url, staff, 'raum-1-14', 'open')).status).toBe(200);
    const json = JSON.stringify(await push);
    expect(Object.keys(await push).sort()).toEqual(['epoch', 'seq', 'services']);
    expect(json).not.toMatch(/Thomas|Werner|twerner|usr_|"userId"|"tickets"/);
  });
});
