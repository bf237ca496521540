import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { client, SETUP_TIMEOUT_MS, startOffice, type Client } from '../http/support.js';
import { closeAll, connect, waitFor } from '../helpers/socket-clients.js';
import type { TestServer } from '../helpers/test-server.js';

/**
 * #15: an admin's change to a kiosk's or screen's record reaches every open
 * kiosk and screen at once as `device:changed` (id and new version, outside
 * the numbered pushes), so the device it names reads its record again.
 */

let server: TestServer;
let admin: Client;

beforeAll(async () => {
  ({ server } = await startOffice('09:00', 'jschulte'));
  admin = client(server, await server.login('admin'));
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  closeAll();
  await server.close();
});

describe('device:changed', () => {
  test('a screen of another area and a kiosk hear that a screen record changed, with its new version', async () => {
    const screen = await connect(server.url, '/display', { auth: { protocol: PROTOCOL_VERSION, area: 'og1' } });
    const kiosk = await connect(server.url, '/kiosk');
    const heard = Promise.all([waitFor(screen, 'device:changed'), waitFor(kiosk, 'device:changed')]);
    const res = await admin.patch('/api/admin/devices/anzeige-eg', { version: 1, display: { historySize: 5 } });
    expect(res.status, res.text).toBe(200);
    expect(await heard).toEqual([
      { id: 'anzeige-eg', version: 2 },
      { id: 'anzeige-eg', version: 2 },
    ]);
  });

  test('a deleted kiosk is announced with version 0', async () => {
    const screen = await connect(server.url, '/display');
    const heard = waitFor(screen, 'device:changed', (e) => e.id === DEFAULT_KIOSK_ID);
    const res = await admin.del(`/api/admin/devices/${DEFAULT_KIOSK_ID}?version=1`);
    expect(res.status, res.text).toBe(204);
    expect(await heard).toEqual({ id: DEFAULT_KIOSK_ID, version: 0 });
  });
});
