import { Manager } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, firstOf } from '../helpers/socket-clients.js';

/**
 * #14 target 7: an open socket keeps no more of the HTTP request that opened
 * its connection than socket.io reads (headers, url, query), not the request
 * object with its socket and parser; a second namespace on the same
 * connection still sees the headers (the staff session's cookie).
 */

let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

describe('what an open socket keeps', () => {
  test('a /display socket keeps the headers of its request, not the request object', async () => {
    const screen = await connect(url, '/display');
    await firstOf(screen, 'display:snapshot');
    const [socket] = [...server.app.realtime.io.of('/display').sockets.values()];
    const request: object = socket!.request;
    expect(Object.keys(request).sort()).toEqual(['_query', 'connection', 'headers', 'url']);
    expect(socket!.handshake.headers.host).toBe(new URL(url).host);
  });

  test('a second namespace on the same connection still gets the headers: staff log in over it', async () => {
    const cookie = await server.login('admin');
    const manager = new Manager(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    try {
      const screen = manager.socket('/display', { auth: { protocol: PROTOCOL_VERSION } });
      await new Promise<void>((resolve, reject) => {
        screen.once('connect', () => resolve());
        screen.once('connect_error', reject);
      });
      const staff = manager.socket('/counter', { auth: { protocol: PROTOCOL_VERSION } });
      const snapshot = new Promise<unknown>((resolve, reject) => {
        staff.once('counter:snapshot', resolve);
        staff.once('connect_error', reject);
      });
      await expect(snapshot).resolves.toMatchObject({ user: { username: 'admin' } });
    } finally {
      manager.engine?.close();
    }
  });
});
