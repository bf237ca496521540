import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { SESSION_TTL_MS } from '../../server/app/sessions.js';
import { closeAll, connect, firstOf, received, waitFor, waitForDisconnect } from '../helpers/socket-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { officeTime, SETUP_TIMEOUT_MS, WEDNESDAY } from '../http/support.js';
import { issue } from './support.js';

/**
 * Issue #13, part 4: a session that expired, or whose user was deactivated,
 * got up to 60 s of `queue:changed` (the sweep's interval). Now every push to
 * /counter checks the sessions first: such a socket is dropped and receives
 * nothing, while a valid one gets the push.
 */

let server: TestServer;


beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '07:00'));

}, SETUP_TIMEOUT_MS);
afterAll(() => server.close());
afterEach(() => closeAll());

describe('pushes to staff after a session ended', () => {
  test('an expired session gets no queue:changed: its socket is dropped before the push', async () => {
    const cookie = await server.login('kmansour');
    const expiring = await connect(server.url, '/counter', { cookie });
    await firstOf(expiring, 'counter:snapshot');
    server.clock.advance(SESSION_TTL_MS - 60_000);
    // A fresh admin session, still valid after the expiry, to see that the push went out.
    const watcher = await connect(server.url, '/counter', { cookie: await server.login('admin') });
    await firstOf(watcher, 'counter:snapshot');
    server.clock.advance(2 * 60_000);

    const dropped = waitForDisconnect(expiring);
    const pushed = waitFor(watcher, 'queue:changed');
    await issue(server.url, 'residence');
    await pushed;
    expect(await dropped).toBe('io server disconnect');
    expect(received(expiring, 'queue:changed')).toEqual([]);
  });

  test('a deactivated user gets no further pushes', async () => {
    const cookie = await server.login('okovalenko');
    const staff = await connect(server.url, '/counter', { cookie });
    await firstOf(staff, 'counter:snapshot');
    const watcher = await connect(server.url, '/counter', { cookie: await server.login('admin') });
    await firstOf(watcher, 'counter:snapshot');

    // Before: a push reaches the user.
    const first = waitFor(staff, 'queue:changed');
    await issue(server.url, 'residence');
    await first;

    await server.app.office.store.shared(async (p) => {
      const user = await p.userByUsername('okovalenko');
      if (!user) throw new Error('no such user');
      await p.putUser({ ...user, active: false });
    });
    const dropped = waitForDisconnect(staff);
    const pushed = waitFor(watcher, 'queue:changed');
    const before = received(staff, 'queue:changed').length;
    await issue(server.url, 'residence');
    await pushed;
    expect(await dropped).toBe('io server disconnect');
    expect(received(staff, 'queue:changed')).toHaveLength(before);
  });
});
