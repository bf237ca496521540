import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FeedbackStatsSchema } from '../../common/dto-schemas.js';
import type { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  bodyOf,
  client,
  counterAction,
  expectError,
  expectStatus,
  issueTicket,
  MIN,
  officeTime,
  startOffice,
  WEDNESDAY,
  type Client,
} from './support.js';

/**
 * Visitor feedback after the visit: one grade (1 "sehr gut" … 6 "ungenügend")
 * per finished ticket, anonymous, readable by team leads and admins (#16) as
 * averages per service and day. Tickets are served at schalter-3 (residence)
 * by ayilmaz (staff); skrueger (admin) reads the figures.
 */

let server: TestServer;
let anon: Client;
let staff: Client;
let lead: Client;

beforeAll(async () => {
  ({ server, anon, staff } = await startOffice('09:00', 'ayilmaz'));
  lead = client(server, await server.login('skrueger'));
  expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
});
afterAll(() => server.close());

/** Draws a ticket and takes it through call → start → finish, unless told to stop earlier. */
async function visit(opts: { language?: string; until?: 'waiting' | 'called' | 'done' } = {}) {
  const t = await issueTicket(anon, 'residence', { language: opts.language ?? 'de' });
  if (opts.until === 'waiting') return t;
  expectStatus(await counterAction(staff, 'schalter-3', 'call', { ticketId: t.id }), 200);
  if (opts.until === 'called') return t;
  server.clock.advance(2 * MIN);
  expectStatus(await counterAction(staff, 'schalter-3', 'start'), 200);
  server.clock.advance(5 * MIN);
  expectStatus(await counterAction(staff, 'schalter-3', 'finish'), 200);
  return t;
}

const send = (id: string, body: unknown) => anon.post(`/api/tickets/${id}/feedback`, body);
const storedRows = () =>
  (server.app.office.store as SqliteStore).db.prepare('SELECT * FROM feedback ORDER BY id').all() as Record<string, unknown>[];

describe('POST /api/tickets/:id/feedback', () => {
  test('a finished ticket answers once; the row names service, counter, day and language, nothing personal', async () => {
    const t = await visit({ language: 'tr' });
    expect((await anon.get(`/api/tickets/${t.id}/feedback`)).body).toEqual({ given: false });

    const first = await send(t.id, { grade: 2, comment: '  Sehr freundlich, danke.  ' });
    expectStatus(first, 201);
    expect(first.body).toEqual({ given: true });
    expect((await anon.get(`/api/tickets/${t.id}/feedback`)).body).toEqual({ given: true });

    const second = await send(t.id, { grade: 6 });
    expectError(second, 409, 'FEEDBACK_ALREADY_GIVEN');

    const before = storedRows().length;
    const rows = storedRows().filter((r) => r.comment === 'Sehr freundlich, danke.');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      service_id: 'residence',
      counter_id: 'schalter-3',
      business_date: WEDNESDAY,
      language: 'tr',
      grade: 2,
      comment: 'Sehr freundlich, danke.',
    });
    // No column could hold a person, nor the ticket (issue #13: the ticket joined to the staff member).
    const columns = (server.app.office.store as SqliteStore).db.prepare('PRAGMA table_info(feedback)').all() as { name: string }[];
    expect(columns.map((c) => c.name).sort()).toEqual(
      ['business_date', 'comment', 'counter_id', 'created_at', 'grade', 'id', 'language', 'service_id', 'site_id'].sort(),
    );
    expect(JSON.stringify(storedRows())).not.toContain(t.id);
    // The ticket only remembers that it answered.
    expect((server.app.office.store as SqliteStore).db.prepare('SELECT feedback_given FROM tickets WHERE id = ?').get(t.id)).toEqual({ feedback_given: 1 });
    expect(storedRows()).toHaveLength(before);
  });

  test('two submissions at the same moment store exactly one', async () => {
    const t = await visit();
    const before = storedRows().length;
    const replies = await Promise.all([send(t.id, { grade: 1 }), send(t.id, { grade: 5 })]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(storedRows()).toHaveLength(before + 1);
  });

  test('is refused before the visit is finished and for tickets that ended otherwise', async () => {
    const rowsBefore = storedRows().length;
    const waiting = await visit({ until: 'waiting' });
    expectError(await send(waiting.id, { grade: 1 }), 409, 'FEEDBACK_NOT_YET');

    const called = await visit({ until: 'called' });
    expectError(await send(called.id, { grade: 1 }), 409, 'FEEDBACK_NOT_YET');
    expectStatus(await counterAction(staff, 'schalter-3', 'no-show'), 200);
    expectError(await send(called.id, { grade: 1 }), 409, 'FEEDBACK_NOT_YET');

    expectStatus(await anon.del(`/api/tickets/${waiting.id}`), 200);
    expectError(await send(waiting.id, { grade: 1 }), 409, 'FEEDBACK_NOT_YET');

    expect(storedRows()).toHaveLength(rowsBefore);
  });

  test('an unknown token is a 404, for the answer and for the state', async () => {
    expectError(await send('no-such-ticket', { grade: 1 }), 404, 'TICKET_NOT_FOUND');
    expectError(await anon.get('/api/tickets/no-such-ticket/feedback'), 404, 'TICKET_NOT_FOUND');
  });

  test('validates the grade and the comment', async () => {
    const t = await visit();
    const before = storedRows().length;
    for (const body of [
      {},
      { grade: 0 },
      { grade: 7 },
      { grade: 2.5 },
      { grade: '1' },
      { grade: null },
      { grade: 1, comment: 'x'.repeat(501) },
      { grade: 1, comment: 42 },
      { grade: 1, name: 'Max Mustermann' },
    ]) {
      expectError(await send(t.id, body), 400, 'INVALID_INPUT');
    }
    expect(storedRows()).toHaveLength(before);

    expectStatus(await send(t.id, { grade: 6, comment: 'ü'.repeat(500) }), 201);
    // Rows are appended, so the newest row is the one just stored (the row itself names no ticket).
    expect(storedRows().at(-1)?.comment).toBe('ü'.repeat(500));

    const blank = await visit();
    expectStatus(await send(blank.id, { grade: 3, comment: '   ' }), 201);
    expect(storedRows().at(-1)).toMatchObject({ grade: 3, comment: null });
  });
});

describe('GET /api/stats/feedback', () => {
  test('needs a team lead or admin session (#16: staff are refused like on every stats route)', async () => {
    expectError(await anon.get('/api/stats/feedback'), 401, 'UNAUTHENTICATED');
    expectError(await staff.get('/api/stats/feedback'), 403, 'FORBIDDEN');
  });

  test('gives count and mean grade per service and day, from the stored rows', async () => {
    const res = await lead.get(`/api/stats/feedback?from=${WEDNESDAY}&to=${WEDNESDAY}`);
    expectStatus(res, 200);
    const rows = storedRows().filter((r) => r.business_date === WEDNESDAY && r.service_id === 'residence');
    const mean = rows.reduce((sum, r) => sum + Number(r.grade), 0) / rows.length;
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(res.body).toEqual({
      from: WEDNESDAY,
      to: WEDNESDAY,
      days: [{ date: WEDNESDAY, serviceId: 'residence', count: rows.length, average: Math.round(mean * 100) / 100 }],
    });
    // Without dates: today.
    expect((await lead.get('/api/stats/feedback')).body).toEqual(res.body);
    expect(bodyOf(FeedbackStatsSchema, await lead.get('/api/stats/feedback?from=2026-06-11&to=2026-06-30')).days).toEqual([]);
  });

  test('refuses dates that are not dates, reversed ranges and ranges over a year', async () => {
    for (const q of ['from=10.06.2026', 'from=2026-02-30', 'to=2026-13-01', 'from=2026-06-11&to=2026-06-10', 'from=2025-01-01&to=2026-06-10', 'day=2026-06-10']) {
      expectError(await lead.get(`/api/stats/feedback?${q}`), 400, 'INVALID_INPUT');
    }
  });
});

describe('after the office day', () => {
  test('the token no longer takes feedback, and the day still counts in the statistics', async () => {
    const t = await visit();
    const before = bodyOf(FeedbackStatsSchema, await lead.get(`/api/stats/feedback?from=${WEDNESDAY}&to=${WEDNESDAY}`));
    server.clock.now = officeTime('2026-06-11', '08:00');
    expectError(await send(t.id, { grade: 1 }), 404, 'TICKET_EXPIRED');
    expectError(await anon.get(`/api/tickets/${t.id}/feedback`), 404, 'TICKET_EXPIRED');
    const login = client(server, await server.login('skrueger'));
    expect(bodyOf(FeedbackStatsSchema, await login.get(`/api/stats/feedback?from=${WEDNESDAY}&to=2026-06-11`)).days).toEqual(before.days);
  });
});

describe('the visitor page route and the schema', () => {
  test('the feedback table comes from migration 2, made anonymous by migration 5', () => {
    const versions = (server.app.office.store as SqliteStore).db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions).toContainEqual({ version: 2 });
    expect(versions).toContainEqual({ version: 5 });
  });

  test('/t/<token> is a 404 without a web build', async () => {
    expectError(await anon.get('/t/anything'), 404, 'NOT_FOUND');
  });

  test('/t/<token> serves the visitor page for any token, kept out of search engines and referrers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amtsqueue-public-'));
    mkdirSync(join(dir, 'visitor'));
    writeFileSync(join(dir, 'visitor', 'index.html'), '<!doctype html><title>visitor</title>');
    const other = await startTestServer({ publicDir: dir });
    try {
      const t = await issueTicket(client(other), 'residence');
      for (const path of [new URL(t.statusUrl).pathname, '/t/not-a-ticket']) {
        const res = await fetch(other.url + path);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('x-robots-tag')).toContain('noindex');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(await res.text()).toBe('<!doctype html><title>visitor</title>');
      }
    } finally {
      await other.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
