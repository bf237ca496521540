import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type DisplaySnapshot, type Sequenced } from '../../common/protocol.js';
import { closeAll, connect, ConnectRefused, emitAck, firstOf, ok, waitFor } from '../helpers/socket-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { counterAction, issue } from './support.js';

/**
 * #13 part 3 on the sockets: one anonymous client cannot make the server
 * build snapshot after snapshot, nor hold more than its share of sockets.
 */

const CAP = 4;
let server: TestServer;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ anonSocketsPerAddress: CAP });
  admin = await server.login('admin');
  expect((await counterAction(server.url, admin, 'schalter-1', 'open')).status).toBe(200);
});
afterAll(async () => {
  closeAll();
  await server?.close();
});
afterEach(() => closeAll());

const builds = () => server.app.realtime.snapshotBuilds();

async function snapshotOf(socket: Awaited<ReturnType<typeof connect<'/display'>>>): Promise<DisplaySnapshot & Sequenced> {
  const reply = ok(await emitAck(socket, 'snapshot'));
  return reply.snapshot;
}

describe('snapshots are built once per change', () => {
  test('300 snapshot requests on one /display socket build the snapshot once, and every answer is that snapshot', async () => {
    const socket = await connect(server.url, '/display');
    const first = await firstOf(socket, 'display:snapshot');
    const before = builds().display;
    const answers = await Promise.all(Array.from({ length: 300 }, () => snapshotOf(socket)));
    expect(builds().display - before).toBe(0);
    for (const a of answers) expect(a).toEqual(first);
    // Other sockets share it as well.
    const other = await connect(server.url, '/display');
    expect(await firstOf(other, 'display:snapshot')).toEqual(first);
    expect(builds().display - before).toBe(0);
  });

  test('a change moves the sequence: the next snapshot is built once, carries the new seq and holds the call', async () => {
    const sockets = await Promise.all(Array.from({ length: 3 }, () => connect(server.url, '/display')));
    const before = await firstOf(sockets[0]!, 'display:snapshot');
    const ticket = await issue(server.url, 'information', 'de', admin);
    server.clock.advance(1000);
    const called = waitFor(sockets[0]!, 'ticket:called', (e) => e.number === ticket.number);
    expect((await counterAction(server.url, admin, 'schalter-1', 'call-next')).status).toBe(200);
    const push = await called;
    const built = builds().display;
    // Each socket asked a second ago at most: the answer may wait for the rest of that second, but it is never old.
    const answers = await Promise.all(sockets.flatMap((s) => Array.from({ length: 20 }, () => snapshotOf(s))));
    for (const a of answers) {
      expect(a.seq).toBeGreaterThanOrEqual(push.seq);
      expect(a.seq).toBeGreaterThan(before.seq);
      expect(a.calls.map((c) => c.number)).toContain(ticket.number);
    }
    expect(builds().display - built).toBe(1);
    expect((await counterAction(server.url, admin, 'schalter-1', 'no-show')).status).toBe(200);
  });

  test('a change that pushes nothing to screens (a counter opens) still reaches the next snapshot', async () => {
    const socket = await connect(server.url, '/display');
    const before = await firstOf(socket, 'display:snapshot');
    expect(before.counters.find((c) => c.id === 'schalter-5')?.open).toBe(false);
    expect((await counterAction(server.url, admin, 'schalter-5', 'open')).status).toBe(200);
    const other = await connect(server.url, '/display');
    expect((await firstOf(other, 'display:snapshot')).counters.find((c) => c.id === 'schalter-5')?.open).toBe(true);
    expect((await counterAction(server.url, admin, 'schalter-5', 'close')).status).toBe(200);
  });

  test('/kiosk: repeated requests share one snapshot too', async () => {
    const socket = await connect(server.url, '/kiosk');
    const first = await firstOf(socket, 'kiosk:snapshot');
    const before = builds().kiosk;
    const answers = await Promise.all(Array.from({ length: 100 }, async () => ok(await emitAck(socket, 'snapshot')).snapshot));
    for (const a of answers) expect(a).toEqual(first);
    expect(builds().kiosk).toBe(before);
  });
});

describe('sockets per client address on the anonymous namespaces', () => {
  const refusal = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectRefused);
    return (err as ConnectRefused).data;
  };

  test(`at most ${CAP} from one address across /display and /kiosk; another address still connects; a closed one frees its place`, async () => {
    const held = [
      ...(await Promise.all(Array.from({ length: CAP - 1 }, () => connect(server.url, '/display', { localAddress: '127.0.0.2' })))),
      await connect(server.url, '/kiosk', { localAddress: '127.0.0.2' }),
    ];
    expect(await refusal(connect(server.url, '/display', { localAddress: '127.0.0.2' }))).toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    expect(await refusal(connect(server.url, '/kiosk', { localAddress: '127.0.0.2' }))).toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    const ticket = await issue(server.url, 'information', 'de', admin);
    const visitor = connect(server.url, '/visitor', { localAddress: '127.0.0.2', auth: { protocol: PROTOCOL_VERSION, ticket: ticket.id } });
    expect(await refusal(visitor)).toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    // Another client is not affected.
    const other = await connect(server.url, '/display', { localAddress: '127.0.0.3' });
    expect(other.connected).toBe(true);
    // Staff sockets are not counted.
    const staff = await connect(server.url, '/counter', { cookie: admin, localAddress: '127.0.0.2' });
    expect(staff.connected).toBe(true);

    const leaving = held[0]!;
    const gone = new Promise<void>((resolve) => {
      const check = () => ((server.app.realtime.anonymousSockets.get('127.0.0.2') ?? 0) < CAP ? resolve() : setTimeout(check, 10));
      check();
    });
    leaving.close();
    await gone;
    const again = await connect(server.url, '/display', { localAddress: '127.0.0.2' });
    expect(again.connected).toBe(true);
  });
});
