import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServicesStatus } from '../../common/protocol.js';
import { PUSH_SLICE_SOCKETS } from '../../server/realtime/push-pacer.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, firstOf, received } from '../helpers/socket-clients.js';
import { issue } from './support.js';

/**
 * #14 target 6: a push to thousands of sockets no longer goes out in one
 * turn of the event loop (where a call to a hundred screens waits behind
 * it), but slice by slice; every socket still gets every push once, in seq
 * order.
 */

const KIOSKS = PUSH_SLICE_SOCKETS + 60;

let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startTestServer({ anonSocketsPerAddress: 10_000 });
  url = server.url;
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

describe('pushes to many sockets', () => {
  test(`services:status to ${KIOSKS} kiosks goes out in slices, each kiosk gets each push once and in order`, async () => {
    const kiosks = [];
    for (let i = 0; i < KIOSKS; i += 50) kiosks.push(...(await Promise.all(Array.from({ length: Math.min(50, KIOSKS - i) }, () => connect(url, '/kiosk')))));
    const snaps = await Promise.all(kiosks.map((k) => firstOf(k, 'kiosk:snapshot')));
    const base = snaps[0]!.services.find((s) => s.id === 'residence')!.waiting;
    const before = server.app.realtime.socketsWrittenInSlices();

    await issue(url, 'residence', 'de');
    await issue(url, 'residence', 'de');
    const latest = (e: ServicesStatus) => e.services.find((s) => s.id === 'residence')?.waiting === base + 2;
    await Promise.all(kiosks.map((k) => firstOf(k, 'services:status', latest, 10_000)));

    for (const [i, k] of kiosks.entries()) {
      const seqs = received(k, 'services:status').map((e) => e.seq);
      expect(seqs).toEqual(seqs.map((_, n) => snaps[i]!.seq + 1 + n));
    }
    // Every kiosk was reached by the sliced writes (a room larger than a slice never goes out in one turn).
    expect(server.app.realtime.socketsWrittenInSlices() - before).toBeGreaterThanOrEqual(KIOSKS);
  }, 60_000);
});
