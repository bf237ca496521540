import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CommandTimingsSchema } from '../../common/dto-schemas.js';
import type { CommandTiming } from '../../common/dto.js';
import { closeAll, connect, emitAck, failure, ok } from '../helpers/socket-clients.js';
import type { TestServer } from '../helpers/test-server.js';
import { bodyOf, client, counterAction, expectError, expectStatus, issueTicket, SETUP_TIMEOUT_MS, startOffice, type Client } from './support.js';

/**
 * #14: GET /api/admin/metrics/commands tells an operator what each command
 * costs the server (count, errors, p50/p99/max/mean µs of the handler), for
 * the HTTP routes and the /counter socket alike; DELETE starts it afresh.
 */

const PATH = '/api/admin/metrics/commands';
let server: TestServer;
let anon: Client;
let staff: Client; // jschulte: schalter-2 (permit-pickup)
let admin: Client;
let staffCookie: string;

beforeAll(async () => {
  ({ server, anon, staff } = await startOffice('09:00', 'jschulte'));
  admin = client(server, await server.login('admin'));
  staffCookie = await server.login('jschulte');
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  closeAll();
  await server.close();
});

async function figures(): Promise<{ since: number; byCommand: Map<string, CommandTiming> }> {
  const res = await admin.get(PATH);
  expectStatus(res, 200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const { since, commands } = bodyOf(CommandTimingsSchema, res);
  return { since, byCommand: new Map(commands.map((c) => [c.command, c])) };
}

describe('command timings', () => {
  test('admins only: 401 without a session, 403 FORBIDDEN for staff', async () => {
    expectError(await anon.get(PATH), 401, 'UNAUTHENTICATED');
    expectError(await anon.del(PATH), 401, 'UNAUTHENTICATED');
    expectError(await staff.get(PATH), 403, 'FORBIDDEN');
    expectError(await staff.del(PATH), 403, 'FORBIDDEN');
  });

  test('count, errors and times per command from HTTP and socket handlers; refusals answer as before; DELETE resets', async () => {
    expectStatus(await admin.del(PATH), 204);
    const fresh = await figures();
    expect(fresh.since).toBe(server.clock.now);
    expect([...fresh.byCommand.keys()]).toEqual([]);

    // Two tickets drawn at the kiosk, one issued by staff: all three are `issue`.
    await issueTicket(anon, 'permit-pickup');
    await issueTicket(anon, 'permit-pickup');
    await issueTicket(admin, 'permit-pickup');
    expectStatus(await counterAction(staff, 'schalter-2', 'open'), 200);
    expectStatus(await counterAction(staff, 'schalter-2', 'call-next'), 200);
    // The socket path of the same commands records under the same names.
    const desk = await connect(server.url, '/counter', { cookie: staffCookie });
    ok(await emitAck(desk, 'counter:start', { counterId: 'schalter-2' }));
    ok(await emitAck(desk, 'counter:finish', { counterId: 'schalter-2' }));
    // A refused command keeps its answer and counts as an error, not as a time.
    expect(failure(await emitAck(desk, 'counter:finish', { counterId: 'schalter-2' })).code).toBe('NO_CURRENT_TICKET');
    expectError(await counterAction(staff, 'schalter-2', 'finish'), 409, 'NO_CURRENT_TICKET');
    ok(await emitAck(desk, 'counter:call-next', { counterId: 'schalter-2' }));

    const { byCommand } = await figures();
    expect([...byCommand.keys()]).toEqual(['call-next', 'finish', 'issue', 'open', 'start']);
    expect(byCommand.get('issue')).toMatchObject({ count: 3, errors: 0, samples: 3 });
    expect(byCommand.get('open')).toMatchObject({ count: 1, errors: 0 });
    expect(byCommand.get('call-next')).toMatchObject({ count: 2, errors: 0, samples: 2 });
    expect(byCommand.get('start')).toMatchObject({ count: 1, errors: 0 });
    expect(byCommand.get('finish')).toMatchObject({ count: 1, errors: 2, samples: 1 });
    for (const c of byCommand.values()) {
      expect(c.p50Us, c.command).toBeGreaterThan(0);
      expect(c.p50Us, c.command).toBeLessThanOrEqual(c.p99Us);
      expect(c.p99Us, c.command).toBeLessThanOrEqual(c.maxUs);
      expect(c.meanUs, c.command).toBeLessThanOrEqual(c.maxUs);
    }

    server.clock.advance(60_000);
    expectStatus(await admin.del(PATH), 204);
    const again = await figures();
    expect(again.since).toBe(server.clock.now);
    expect(again.byCommand.size).toBe(0);
  });
});
