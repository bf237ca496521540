import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdminOfficeSchema } from '../../common/admin-schemas.js';
import { ErrorResponseSchema } from '../../common/dto-schemas.js';
import { purgeDue } from '../../server/app/purge.js';
import { DEFAULT_RETENTION } from '../../server/domain/settings.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { bodyOf, client, expectError, officeTime, request, SETUP_TIMEOUT_MS, WEDNESDAY, type Client } from './support.js';

/** #17: the Office page's four retention periods through the admin API: shown with defaults, validated, logged, used by the purge. */
let server: TestServer;
let admin: Client;
let adminCookie: string;
const patch = (json: unknown) => request(server.url, 'PATCH', '/api/admin/office', { cookie: adminCookie, json });

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  adminCookie = await server.login('admin');
  admin = client(server, adminCookie);
}, SETUP_TIMEOUT_MS);
afterAll(() => server.close());

describe('retention settings', () => {
  test('an office that set none shows the defaults', async () => {
    expect(bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office')).retention).toEqual(DEFAULT_RETENTION);
  });

  test('out-of-range or partial values are 400 with the field; nothing changes', async () => {
    const { version } = bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'));
    for (const retention of [
      { ...DEFAULT_RETENTION, notesDays: -1 },
      { ...DEFAULT_RETENTION, feedbackCommentDays: 1.5 },
      { ...DEFAULT_RETENTION, actorLinkDays: 5000 },
      { notesDays: 0 },
    ]) {
      const res = await patch({ version, retention });
      expectError(res, 400, 'INVALID_INPUT');
      expect(bodyOf(ErrorResponseSchema, res).error.field ?? '').toMatch(/^retention/);
    }
    expect(bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'))).toMatchObject({ version, retention: DEFAULT_RETENTION });
  });

  test('a change is stored, logged with before and after, and the purge counts with it', async () => {
    const { version } = bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'));
    const retention = { notesDays: 3, feedbackCommentDays: 30, appointmentContactDays: 7, actorLinkDays: 60 };
    const res = await patch({ version, retention });
    expect(bodyOf(AdminOfficeSchema, res)).toMatchObject({ version: version + 1, retention });
    const { office } = server.app;
    const [logged] = await office.store.read(office.siteId, (r) => r.events.latest(['config.changed'], 1));
    expect(logged?.data.changes['retention']).toEqual({ before: DEFAULT_RETENTION, after: retention });
    expect((await purgeDue(office)).cutoffs).toMatchObject({ notesBefore: '2026-06-07', feedbackCommentsBefore: '2026-05-11', actorPeriodsBefore: '2026-04' });
  });
});
