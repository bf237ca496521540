import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdminOfficeSchema } from '../../common/admin-schemas.js';
import { STATS_GROUP_BY, StatsSummary, type StatsGroupBy } from '../../common/stats-schemas.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { GROUPS, lineOf, TOTAL, type Line } from '../stats/scripted-day-figures.js';
import { DAY, driveScriptedDay, IDS, RANGE, SERVICE_NAMES } from './stats-scripted-day.js';
import { bodyOf, client, expectError, expectStatus, officeTime, SETUP_TIMEOUT_MS, type Client } from './support.js';

/**
 * #16 over HTTP: the issue's scripted day driven through the real commands
 * (tests/http/stats-scripted-day.ts) on a real server with a real SQLite file
 * and a fake clock; the statistics projection keeps the facts from the event
 * log. `GET /api/stats/summary`, `/api/stats/summary.csv` and
 * `/api/stats/export.csv` then give the hand-computed figures
 * (tests/stats/scripted-day-figures.ts) in JSON and in both CSV dialects
 * parsed back with a real CSV parser; who may ask; the errors.
 */

let server: TestServer;
let anon: Client;
let staff: Client;
let admin: Client;

/** A hand-computed line with the demo office's ids for the fixture's names. */
const renamed = (l: Line): Line => [IDS[l[0]] ?? l[0], ...l.slice(1)] as Line;
/** The hand-computed groups in the office's natural order (counters as the catalogue lists them: schalter-2 = c2 first). */
function expected(groupBy: StatsGroupBy): Line[] {
  const lines = groupBy === 'counter' ? [GROUPS.counter[1]!, GROUPS.counter[0]!] : GROUPS[groupBy];
  return lines.map(renamed);
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
  server = await startTestServer({ demoHours: 'weekly' }, officeTime(DAY, '07:30'));
  await driveScriptedDay(server);
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
    for (const q of [`counterId=${IDS.c1}`, 'groupBy=counter']) {
      for (const path of ['/api/stats/summary', '/api/stats/summary.csv', '/api/stats/export.csv']) {
        expectError(await admin.get(`${path}?${range}&${q}`), 403, 'COUNTER_STATS_OFF');
      }
    }
    await setCounterStats(true);
    try {
      const byCounter = bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&groupBy=counter`));
      expect(byCounter.groups.map(lineOf)).toEqual(expected('counter'));
      expect(lineOf(bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&counterId=${IDS.c2}`)).total)).toEqual(['total', ...GROUPS.counter[1]!.slice(1)]);
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
    // After closing the office was closed: refused for outside_hours.
    expect(whole.total.counts.refused).toEqual({ total: 1, outside_hours: 1, holiday: 0, daily_limit: 0, past_closing: 0, inactive: 0 });
    expect(whole.total.appointments.lateness).toEqual({ count: 1, mean: 7, p90: 7 });
    await setCounterStats(true);
    try {
      for (const groupBy of STATS_GROUP_BY) {
        const s = bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&groupBy=${groupBy}`));
        expect(s.groups.map(lineOf), groupBy).toEqual(expected(groupBy));
      }
    } finally {
      await setCounterStats(false);
    }
  });

  test('filters by service, language and channel', async () => {
    const total = async (q: string) => lineOf(bodyOf(StatsSummary, await admin.get(`/api/stats/summary?${range}&${q}`)).total);
    expect(await total(`serviceId=${IDS.P}`)).toEqual(['total', ...GROUPS.service[1]!.slice(1)]);
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
    const { A, P } = SERVICE_NAMES;
    expect(Object.keys(rows[0]!)).toEqual([
      'date', 'number', 'segment', 'service', 'channel', 'language', 'priority_class', 'joined', 'called', 'started', 'ended', 'wait_min', 'call_to_start_min', 'service_min', 'outcome',
    ]);
    expect(rows.map((r) => [r.number, r.segment, r.service, r.channel, r.language, r.priority_class, r.joined, r.called, r.started, r.ended, r.wait_min, r.call_to_start_min, r.service_min, r.outcome])).toEqual([
      ['A001', 0, A, 'walk_in', 'de', 'walk_in', '08:00:00', '08:10:00', '08:11:00', '08:21:00', 10, 1, 10, 'served'],
      ['A002', 0, A, 'walk_in', 'en', 'walk_in', '08:05:00', '08:25:00', '08:26:00', '08:31:00', 20, 1, 5, 'served'],
      ['P001', 0, P, 'walk_in', 'de', 'priority', '08:30:00', '08:32:00', '08:33:00', '08:48:00', 2, 1, 15, 'served'],
      ['A003', 0, A, 'walk_in', 'de', 'walk_in', '09:00:00', '09:30:00', '09:31:00', '09:40:00', 30, 1, 9, 'transferred'],
      ['P002', 0, P, 'appointment', 'de', 'appointment', '09:07:00', '09:12:00', '09:13:00', '09:33:00', 5, 1, 20, 'served'],
      ['A003', 1, P, 'walk_in', 'de', 'walk_in', '09:40:00', '09:50:00', '09:51:00', '10:01:00', 10, 1, 10, 'served'],
      ['A004', 0, A, 'walk_in', 'en', 'walk_in', '10:00:00', '10:20:00', null, '10:26:00', 20, null, null, 'no_show'],
      ['A005', 0, A, 'staff', 'de', 'walk_in', '10:30:00', null, null, '10:40:00', null, null, null, 'cancelled'],
      ['A006', 0, A, 'walk_in', 'de', 'walk_in', '11:00:00', '11:04:00', '11:05:00', '11:12:00', 4, 1, 7, 'served'],
      // Left open: the day close expired it just after midnight.
      ['A007', 0, A, 'walk_in', 'de', 'walk_in', '15:50:00', null, null, '2027-03-02 00:05:00', null, null, null, 'expired'],
    ]);
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set([DAY]));
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
        expect(rows.map(lineOfRow), groupBy).toEqual([TOTAL, ...(groupBy ? expected(groupBy) : [])]);
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
