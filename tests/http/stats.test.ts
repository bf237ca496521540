import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdminOfficeSchema } from '../../common/admin-schemas.js';
import { STATS_GROUP_BY, StatsSummary, type StatsGroupBy } from '../../common/stats-schemas.js';
import type { FactQuery } from '../../server/domain/stats/facts.js';
import type { QueueStore, SiteReader, StatsReader } from '../../server/store/store.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { GROUPS, lineOf, TOTAL, type Line } from '../stats/scripted-day-figures.js';
import { APPOINTMENTS, FEEDBACK, OUTSIDE, RANGE, REFUSALS, SEGMENTS } from '../stats/scripted-day.js';
import { bodyOf, client, expectError, expectStatus, officeTime, SETUP_TIMEOUT_MS, type Client } from './support.js';

/**
 * #16 over HTTP: `GET /api/stats/summary`, `/api/stats/summary.csv` and
 * `/api/stats/export.csv` on a real server with a real SQLite file give the
 * scripted day's hand-computed figures (tests/stats/), in JSON and in both CSV
 * dialects parsed back with a real CSV parser; who may ask; the errors.
 *
 * Until the stats projection (h16-facts) keeps the fact tables, the facts come
 * from a stand-in for `r.stats` holding the scripted day's rows; the feedback
 * is real (written through the store). Once the projection lands, this stand-in
 * gives way to driving the day through commands.
 */

let server: TestServer;
let anon: Client;
let staff: Client;
let admin: Client;

/** The scripted day's facts where the projection will keep them: the date range applies, the rest is the summary's. */
function scriptedFacts(): StatsReader {
  const within = (q: FactQuery, date: string) => date >= q.fromDate && date <= q.toDate;
  return {
    segments: (q) => Promise.resolve([...SEGMENTS, OUTSIDE].filter((s) => within(q, s.businessDate))),
    refusals: (q) => Promise.resolve(REFUSALS.filter((f) => within(q, f.businessDate))),
    appointments: (q) => Promise.resolve(APPOINTMENTS.filter((a) => within(q, a.businessDate))),
  };
}

function withFacts(store: QueueStore, stats: StatsReader): void {
  const read = store.read.bind(store);
  store.read = <T>(siteId: string, fn: (r: SiteReader) => Promise<T>) => read(siteId, (r) => fn(Object.create(r, { stats: { value: stats } }) as SiteReader));
}

async function setCounterStats(on: boolean): Promise<void> {
  const office = bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'));
  expectStatus(await admin.patch('/api/admin/office', { version: office.version, counterStatsEnabled: on }), 200);
}

/** The raw bytes of an answer (fetch's text() would drop a BOM). */
async function raw(path: string, cookie: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(server.url + path, { headers: { cookie } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

let adminCookie: string;
const range = `from=${RANGE.from}&to=${RANGE.to}`;

beforeAll(async () => {
  server = await startTestServer({}, officeTime('2027-03-02', '08:00'));
  withFacts(server.app.office.store, scriptedFacts());
  const { office } = server.app;
  await office.store.transaction(office.siteId, async (tx) => {
    for (const f of FEEDBACK) await tx.feedback.insert({ ...f, counterId: 'c1', comment: null, createdAt: officeTime(f.businessDate, '12:00') });
  });
  anon = client(server);
  staff = client(server, await server.login('ayilmaz'));
  adminCookie = await server.login('admin');
  admin = client(server, adminCookie);
}, SETUP_TIMEOUT_MS);
afterAll(() => server.close());

describe('who may ask', () => {
  test.each(['/api/stats/summary', '/api/stats/summary.csv', '/api/stats/export.csv', '/api/stats/feedback'])('%s: anonymous 401, staff 403, admin 200', async (path) => {
    const url = `${path}?${range}`;
    expectError(await anon.get(url), 401, 'UNAUTHENTICATED');
    expectError(await staff.get(url), 403, 'FORBIDDEN');
    expectStatus(await admin.get(url), 200);
  });
});

describe('bad requests: 400 with the field', () => {
  test.each([
    ['from after to', 'from=2027-03-02&to=2027-03-01', 'from'],
    ['over 400 days', 'from=2026-01-01&to=2027-02-05', 'to'],
    ['no such date', 'from=2027-02-30&to=2027-03-01', 'from'],
    ['not a date', 'from=01.03.2027&to=2027-03-01', 'from'],
    ['without to', 'from=2027-03-01', 'to'],
    ['an unknown groupBy', `${range}&groupBy=person`, 'groupBy'],
    ['an unknown channel', `${range}&channel=phone`, 'channel'],
    ['an unknown parameter', `${range}&userId=u1`, 'userId'],
  ])('%s', async (_what, query, field) => {
    for (const path of ['/api/stats/summary', '/api/stats/summary.csv', '/api/stats/export.csv']) {
      const res = await admin.get(`${path}?${query}`);
      expectError(res, 400, 'INVALID_INPUT');
      expect((res.body as { error: { field?: string } }).error.field, `${path}?${query}`).toBe(field);
    }
  });

  test('400 days are fine; an unknown CSV dialect is not', async () => {
    expectStatus(await admin.get('/api/stats/summary?from=2026-01-27&to=2027-03-01'), 200);
    const res = await admin.get(`/api/stats/export.csv?${range}&dialect=excel97`);
    expectError(res, 400, 'INVALID_INPUT');
    expect((res.body as { error: { field?: string } }).error.field).toBe('dialect');
  });
});

describe('per-counter figures are off until an admin switches them on', () => {
  test('counterId and groupBy=counter: 403 COUNTER_STATS_OFF, then the figures; off again: 403', async () => {
    expect(bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office')).counterStatsEnabled).toBe(false);
    for (const q of ['counterId=c1', 'groupBy=counter']) {
      for (const path of ['/api/stats/summary', '/api/stats/summary.csv', '/api/stats/export.csv']) {
        expectError(await admin.get(`${path}?${range}&${q}`), 403, 'COUNTER_STATS_OFF');
      }
    }
    await setCounterStats(true);
    try {
      const byCounter = bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&groupBy=counter`));
      expect(byCounter.groups.map(lineOf)).toEqual(GROUPS.counter);
      expect(lineOf(bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&counterId=c2`)).total)).toEqual(['total', ...GROUPS.counter[1]!.slice(1)]);
    } finally {
      await setCounterStats(false);
    }
    expectError(await admin.get(`/api/stats/summary?${range}&groupBy=counter`), 403, 'COUNTER_STATS_OFF');
  });
});

describe('the scripted day over HTTP', () => {
  test('the summary: the whole range and every grouping', async () => {
    const whole = bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}`));
    expect(lineOf(whole.total)).toEqual(TOTAL);
    await setCounterStats(true);
    try {
      for (const groupBy of STATS_GROUP_BY) {
        const s = bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&groupBy=${groupBy}`));
        expect(s.groups.map(lineOf), groupBy).toEqual(GROUPS[groupBy]);
      }
    } finally {
      await setCounterStats(false);
    }
  });

  test('filters by service, language and channel', async () => {
    const total = async (q: string) => lineOf(bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&${q}`)).total);
    expect(await total('serviceId=P')).toEqual(['total', ...GROUPS.service[1]!.slice(1)]);
    expect(await total('language=en')).toEqual(['total', ...GROUPS.language[1]!.slice(1)]);
    expect(await total('channel=staff')).toEqual(['total', ...GROUPS.channel[2]!.slice(1)]);
  });
});

/** A parsed CSV cell back as the summary's value: '' → null, numbers (with the dialect's decimal mark) → number. */
const cell = (decimalComma: boolean) => (v: string) => {
  if (v === '') return null;
  const n = Number(decimalComma ? v.replace(',', '.') : v);
  return Number.isNaN(n) ? v : n;
};

/** A summary.csv row as a Line (the same columns lineOf takes from the JSON). */
function lineOfRow(r: Record<string, string | number | null>): Line {
  const n = (k: string) => r[k] as number | null;
  const d = (p: string) => ['count', 'mean', 'median', 'p90', 'max'].map((f) => n(`${p}_${f}`));
  return [
    String(r.key),
    [n('issued')!, n('served')!, n('no_show')!, n('cancelled')!, n('expired')!, n('transferred')!, n('refused')!],
    d('wait'),
    d('service'),
    n('within_target'),
    r.feedback_count === null ? null : [n('feedback_count')!, n('feedback_mean'), [1, 2, 3, 4, 5, 6].map((g) => n(`grade_${g}`)!)],
    [n('appointments_booked'), n('appointments_checked_in'), n('appointments_missed'), n('lateness_mean'), n('lateness_p90'), n('office_delay_mean'), n('office_delay_p90')],
  ];
}

const DIALECTS = [
  { name: 'excel (default)', query: '', bom: true, delimiter: ';', decimalComma: true },
  { name: 'rfc4180', query: '&dialect=rfc4180', bom: false, delimiter: ',', decimalComma: false },
] as const;

describe.each(DIALECTS)('CSV, dialect $name', (dialect) => {
  async function csv(path: string) {
    const res = await raw(`${path}${dialect.query}`, adminCookie);
    expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    const text = res.bytes.toString('utf8');
    expect(res.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(dialect.bom);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    return parse<Record<string, string | number | null>>(res.bytes, { bom: true, delimiter: dialect.delimiter, columns: true, cast: cell(dialect.decimalComma) });
  }

  test('export.csv: one row per segment, in order, the scripted times and durations, nothing personal', async () => {
    const rows = await csv(`/api/stats/export.csv?${range}`);
    expect(Object.keys(rows[0]!)).toEqual([
      'date', 'number', 'segment', 'service', 'channel', 'language', 'priority_class', 'joined', 'called', 'started', 'ended', 'wait_min', 'call_to_start_min', 'service_min', 'outcome',
    ]);
    expect(rows.map((r) => [r.number, r.segment, r.service, r.channel, r.language, r.priority_class, r.joined, r.called, r.started, r.ended, r.wait_min, r.call_to_start_min, r.service_min, r.outcome])).toEqual([
      ['A001', 0, 'A', 'walk_in', 'de', 'walk_in', '08:00:00', '08:10:00', '08:11:00', '08:21:00', 10, 1, 10, 'served'],
      ['A002', 0, 'A', 'walk_in', 'en', 'walk_in', '08:05:00', '08:25:00', '08:26:00', '08:31:00', 20, 1, 5, 'served'],
      ['P001', 0, 'P', 'walk_in', 'de', 'priority', '08:30:00', '08:32:00', '08:33:00', '08:48:00', 2, 1, 15, 'served'],
      ['A003', 0, 'A', 'walk_in', 'de', 'walk_in', '09:00:00', '09:30:00', '09:31:00', '09:40:00', 30, 1, 9, 'transferred'],
      ['P002', 0, 'P', 'appointment', 'de', 'appointment', '09:07:00', '09:12:00', '09:13:00', '09:33:00', 5, 1, 20, 'served'],
      ['A003', 1, 'P', 'walk_in', 'de', 'walk_in', '09:40:00', '09:50:00', '09:51:00', '10:01:00', 10, 1, 10, 'served'],
      ['A004', 0, 'A', 'walk_in', 'en', 'walk_in', '10:00:00', '10:20:00', null, '10:26:00', 20, null, null, 'no_show'],
      ['A005', 0, 'A', 'staff', 'de', 'walk_in', '10:30:00', null, null, '10:40:00', null, null, null, 'cancelled'],
      ['A006', 0, 'A', 'walk_in', 'de', 'walk_in', '11:00:00', '11:04:00', '11:05:00', '11:12:00', 4, 1, 7, 'served'],
      ['A007', 0, 'A', 'walk_in', 'de', 'walk_in', '15:50:00', null, null, '18:00:00', null, null, null, 'expired'],
    ]);
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(['2027-03-01']));
    // The column means of the export are the summary's means (what a head of office checks in Excel).
    const mean = (k: string) => {
      const v = rows.map((r) => r[k]).filter((x): x is number => typeof x === 'number');
      return Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10;
    };
    expect([mean('wait_min'), mean('service_min')]).toEqual([TOTAL[2][1], TOTAL[3][1]]);
  });

  test('summary.csv: the whole range, then every group, with the hand-computed figures', async () => {
    await setCounterStats(true);
    try {
      for (const groupBy of [undefined, ...STATS_GROUP_BY] as (StatsGroupBy | undefined)[]) {
        const rows = await csv(`/api/stats/summary.csv?${range}${groupBy ? `&groupBy=${groupBy}` : ''}`);
        expect(rows[0]!.group_by).toBeNull();
        expect(rows.map(lineOfRow), groupBy).toEqual([TOTAL, ...(groupBy ? GROUPS[groupBy] : [])]);
        if (groupBy) expect(new Set(rows.slice(1).map((r) => r.group_by))).toEqual(new Set([groupBy]));
      }
    } finally {
      await setCounterStats(false);
    }
  });
});

test('the excel dialect writes decimal commas, the plain one points', async () => {
  const excel = (await raw(`/api/stats/summary.csv?${range}`, adminCookie)).bytes.toString('utf8');
  const plain = (await raw(`/api/stats/summary.csv?${range}&dialect=rfc4180`, adminCookie)).bytes.toString('utf8');
  expect(excel.split('\r\n')[1]).toContain(';12,6;');
  expect(plain.split('\r\n')[1]).toContain(',12.6,');
});
