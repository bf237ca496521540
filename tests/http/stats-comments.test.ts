import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatsComments } from '../../common/stats-schemas.js';
import type { TestServer } from '../helpers/test-server.js';
import { bodyOf, client, counterAction, expectError, expectStatus, issueTicket, MIN, startOffice, WEDNESDAY, type Client } from './support.js';

/**
 * #16 `GET /api/stats/comments`: what visitors wrote with their grade, for
 * team leads and admins, newest first, with the service and the day only.
 */

let server: TestServer;
let anon: Client;
let staff: Client;
let admin: Client;
const RANGE = `from=${WEDNESDAY}&to=${WEDNESDAY}`;

beforeAll(async () => {
  ({ server, anon, staff } = await startOffice('09:00', 'ayilmaz'));
  admin = client(server, await server.login('admin'));
  expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
  const said = ['Sehr freundlich, danke.', '', 'Die Wartezeit war zu lang.', null];
  for (const comment of said) {
    const t = await issueTicket(anon, 'residence');
    for (const action of ['call-next', 'start', 'finish'] as const) {
      server.clock.advance(MIN);
      expectStatus(await counterAction(staff, 'schalter-3', action), 200);
    }
    const body = comment === null ? { grade: 2 } : { grade: 2, comment };
    expectStatus(await anon.post(`/api/tickets/${t.id}/feedback`, body), 201);
  }
}, 60_000);
afterAll(() => server.close());

describe('the comments of a range', () => {
  it('lists what was written, newest first, with the service and the day only', async () => {
    const res = await admin.get(`/api/stats/comments?${RANGE}`);
    expectStatus(res, 200);
    expect(bodyOf(StatsComments, res)).toEqual({
      comments: [
        { date: WEDNESDAY, serviceId: 'residence', text: 'Die Wartezeit war zu lang.' },
        { date: WEDNESDAY, serviceId: 'residence', text: 'Sehr freundlich, danke.' },
      ],
      more: false,
    });
    const other = await admin.get(`/api/stats/comments?${RANGE}&serviceId=permit-pickup`);
    expect(bodyOf(StatsComments, other).comments).toEqual([]);
  });

  it('is for team leads and admins; a wrong range is named', async () => {
    expectError(await anon.get(`/api/stats/comments?${RANGE}`), 401, 'UNAUTHENTICATED');
    expectError(await staff.get(`/api/stats/comments?${RANGE}`), 403, 'FORBIDDEN');
    const wrong = await admin.get('/api/stats/comments?from=2026-06-11&to=2026-06-10');
    expectError(wrong, 400, 'INVALID_INPUT');
    expect((wrong.body as { error: { field?: string } }).error.field).toBe('from');
  });
});
