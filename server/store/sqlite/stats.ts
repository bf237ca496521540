import type { ClosedReason } from '../../../common/model.js';
import type { StatsChannel } from '../../../common/stats-schemas.js';
import type { AppointmentFact, FactQuery, RefusalFact, SegmentFact, SegmentFigures } from '../../domain/stats/facts.js';
import { fromColumns, SegmentColumnsBuilder, type SegmentColumns } from '../../domain/stats/segment-columns.js';
import type { TicketFacts } from '../../domain/stats/segments.js';
import type { StatsWriter } from '../store.js';
import type { SqlValue } from './rows.js';
import type { Statements } from './statements.js';
import { packDay, unpackDay } from './stats-packs.js';
import {
  APPOINTMENT_COLUMNS,
  appointmentFromValues,
  FIGURE_COLUMNS,
  figuresFromValues,
  num,
  numOrNull,
  SEGMENT_COLUMNS,
  SEGMENT_FIELDS,
  segmentFromValues,
  str,
} from './stats-rows.js';

/**
 * #16: the statistics facts of one site (migration 9), kept by the stats
 * projection. Reads take a FactQuery: local dates inclusive (the index on
 * site and business date), then the optional filters. A filter a kind of fact
 * has no column for (the counter of a refusal or an appointment) is not applied.
 */
export class SqliteStats implements StatsWriter {
  constructor(
    readonly sql: Statements,
    readonly siteId: string,
  ) {}

  async segments(q: FactQuery): Promise<SegmentFact[]> {
    const { where, params } = this.filter(q, { serviceId: 'service_id', counterId: 'counter_id', language: 'language', channel: 'channel' });
    return this.sql
      .values(`SELECT ${SEGMENT_COLUMNS} FROM stats_segments WHERE ${where} ORDER BY business_date, joined_at, ticket_id, segment`, ...params)
      .map(segmentFromValues);
  }

  /** The same as `segmentColumns`, as objects. */
  async segmentFigures(q: FactQuery): Promise<SegmentFigures[]> {
    return fromColumns(await this.segmentColumns(q));
  }

  /** From the day packs (stats-packs.ts); a day whose pack is stale (after migration 10, until packed) from its rows. */
  async segmentColumns(q: FactQuery): Promise<SegmentColumns> {
    const stale: string[] = [];
    const packs = this.sql.values(
      'SELECT business_date, count, dict, figures FROM stats_day_packs WHERE site_id = ? AND business_date BETWEEN ? AND ? ORDER BY business_date',
      this.siteId,
      q.fromDate,
      q.toDate,
    );
    const out = new SegmentColumnsBuilder(packs.reduce((n, p) => n + num(p[1]), 0));
    for (const [date, , dict, blob] of packs) {
      // The one BLOB column of the store: better-sqlite3 hands it over as a Buffer.
      const figures: unknown = blob;
      if (figures === null) stale.push(str(date));
      else if (figures instanceof Uint8Array) unpackDay(str(date), str(dict), figures, q, out);
      else throw new Error(`stats day pack ${str(date)}: figures are not a BLOB`);
    }
    for (const date of stale) for (const f of this.figureRows({ ...q, fromDate: date, toDate: date })) out.push(f);
    return out.build();
  }

  /** The segment figures from the fact rows (what a pack holds). */
  private figureRows(q: FactQuery): SegmentFigures[] {
    const { where, params } = this.filter(q, { serviceId: 'service_id', counterId: 'counter_id', language: 'language', channel: 'channel' });
    return this.sql.values(`SELECT ${FIGURE_COLUMNS} FROM stats_segments WHERE ${where}`, ...params).map(figuresFromValues);
  }

  /** Rewrites the packs of these days from their rows (a day without rows loses its pack). */
  private packDays(dates: Iterable<string>): void {
    for (const date of dates) {
      const rows = this.figureRows({ fromDate: date, toDate: date });
      if (rows.length === 0) {
        this.sql.run('DELETE FROM stats_day_packs WHERE site_id = ? AND business_date = ?', this.siteId, date);
        continue;
      }
      const pack = packDay(rows);
      this.sql.run(
        'INSERT INTO stats_day_packs (site_id, business_date, count, dict, figures) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT(site_id, business_date) DO UPDATE SET count = excluded.count, dict = excluded.dict, figures = excluded.figures',
        this.siteId,
        date,
        pack.count,
        pack.dict,
        pack.figures,
      );
    }
  }

  async packStale(maxDays: number): Promise<number> {
    const dates = this.sql
      .values('SELECT business_date FROM stats_day_packs WHERE site_id = ? AND figures IS NULL ORDER BY business_date LIMIT ?', this.siteId, maxDays)
      .map((v) => str(v[0]));
    this.packDays(dates);
    return dates.length;
  }

  async refusals(q: FactQuery): Promise<RefusalFact[]> {
    const { where, params } = this.filter(q, { serviceId: 'service_id', language: 'language', channel: 'channel' });
    return this.sql.all(`SELECT * FROM stats_refusals WHERE ${where} ORDER BY seq`, ...params).map((r) => ({
      at: num(r.at),
      businessDate: str(r.business_date),
      hour: num(r.hour),
      weekday: num(r.weekday),
      serviceId: str(r.service_id),
      reason: str(r.reason) as ClosedReason,
      channel: str(r.channel) as StatsChannel,
      language: str(r.language),
    }));
  }

  async appointments(q: FactQuery): Promise<AppointmentFact[]> {
    // Every appointment is of the channel `appointment`: another channel filters them all out.
    if (q.channel !== undefined && q.channel !== 'appointment') return [];
    const { where, params } = this.filter({ ...q, channel: undefined }, { serviceId: 'service_id', language: 'language' });
    // Raw values of named columns: a year holds ~15,000 of them (the summary reads them all).
    return this.sql.values(`SELECT ${APPOINTMENT_COLUMNS} FROM stats_appointments WHERE ${where} ORDER BY slot_start, appointment_id`, ...params).map(appointmentFromValues);
  }

  async cursor(): Promise<number> {
    const r = this.sql.get('SELECT seq FROM stats_cursor WHERE site_id = ?', this.siteId);
    return r ? num(r.seq) : 0;
  }

  async setCursor(seq: number): Promise<void> {
    this.sql.run('INSERT INTO stats_cursor (site_id, seq) VALUES (?, ?) ON CONFLICT(site_id) DO UPDATE SET seq = excluded.seq', this.siteId, seq);
  }

  async ticketFacts(ticketIds: readonly string[]): Promise<Map<string, TicketFacts>> {
    const out = new Map<string, TicketFacts>();
    for (const id of ticketIds) {
      const rows = this.sql.values(`SELECT ${SEGMENT_COLUMNS}, last_call_at FROM stats_segments WHERE site_id = ? AND ticket_id = ? ORDER BY segment`, this.siteId, id);
      const last = rows[rows.length - 1];
      if (!last) continue;
      out.set(id, { segments: rows.map(segmentFromValues), lastCallAt: numOrNull(last[SEGMENT_FIELDS]) });
    }
    return out;
  }

  async putTicketFacts(facts: readonly TicketFacts[]): Promise<void> {
    // The days whose packs change: those of the segments replaced and of the new ones.
    const days = new Set<string>();
    for (const f of facts) {
      const first = f.segments[0];
      if (!first) continue;
      for (const [date] of this.sql.values('DELETE FROM stats_segments WHERE site_id = ? AND ticket_id = ? RETURNING business_date', this.siteId, first.ticketId)) {
        days.add(str(date));
      }
      f.segments.forEach((s, i) => {
        days.add(s.businessDate);
        this.sql.run(
          'INSERT INTO stats_segments (site_id, ticket_id, segment, business_date, hour, weekday, number, service_id, channel, language, ' +
            'priority_class, joined_at, first_called_at, started_at, ended_at, counter_id, outcome, wait_ms, service_ms, call_to_start_ms, ' +
            'appointment_id, lateness_ms, office_delay_ms, last_call_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          this.siteId,
          s.ticketId,
          s.segment,
          s.businessDate,
          s.hour,
          s.weekday,
          s.number,
          s.serviceId,
          s.channel,
          s.language,
          s.priorityClass,
          s.joinedAt,
          s.firstCalledAt,
          s.startedAt,
          s.endedAt,
          s.counterId,
          s.outcome,
          s.waitMs,
          s.serviceMs,
          s.callToStartMs,
          s.appointmentId,
          s.latenessMs,
          s.officeDelayMs,
          i === f.segments.length - 1 ? f.lastCallAt : null,
        );
      });
    }
    this.packDays(days);
  }

  async putRefusal(seq: number, f: RefusalFact): Promise<void> {
    this.sql.run(
      'INSERT INTO stats_refusals (site_id, seq, at, business_date, hour, weekday, service_id, reason, channel, language) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(site_id, seq) DO NOTHING',
      this.siteId,
      seq,
      f.at,
      f.businessDate,
      f.hour,
      f.weekday,
      f.serviceId,
      f.reason,
      f.channel,
      f.language,
    );
  }

  async appointmentFacts(appointmentIds: readonly string[]): Promise<Map<string, AppointmentFact>> {
    const out = new Map<string, AppointmentFact>();
    for (const id of appointmentIds) {
      const [v] = this.sql.values(`SELECT ${APPOINTMENT_COLUMNS} FROM stats_appointments WHERE site_id = ? AND appointment_id = ?`, this.siteId, id);
      if (v) out.set(id, appointmentFromValues(v));
    }
    return out;
  }

  async putAppointment(f: AppointmentFact): Promise<void> {
    this.sql.run(
      'INSERT INTO stats_appointments (site_id, appointment_id, business_date, hour, weekday, service_id, language, slot_start, status) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(site_id, appointment_id) DO UPDATE SET business_date = excluded.business_date, ' +
        'hour = excluded.hour, weekday = excluded.weekday, service_id = excluded.service_id, language = excluded.language, ' +
        'slot_start = excluded.slot_start, status = excluded.status',
      this.siteId,
      f.appointmentId,
      f.businessDate,
      f.hour,
      f.weekday,
      f.serviceId,
      f.language,
      f.slotStart,
      f.status,
    );
  }

  async markMissed(beforeDate: string): Promise<number> {
    return this.sql.run(
      "UPDATE stats_appointments SET status = 'missed' WHERE site_id = ? AND status = 'booked' AND business_date < ?",
      this.siteId,
      beforeDate,
    ).changes;
  }

  async clear(): Promise<void> {
    for (const table of ['stats_segments', 'stats_day_packs', 'stats_refusals', 'stats_appointments', 'stats_cursor']) {
      this.sql.run(`DELETE FROM ${table} WHERE site_id = ?`, this.siteId);
    }
  }

  async counts(): Promise<{ segments: number; refusals: number; appointments: number }> {
    const count = (table: string) => num(this.sql.get(`SELECT COUNT(*) AS n FROM ${table} WHERE site_id = ?`, this.siteId)?.n);
    return { segments: count('stats_segments'), refusals: count('stats_refusals'), appointments: count('stats_appointments') };
  }

  private filter(q: FactQuery, columns: Partial<Record<'serviceId' | 'counterId' | 'language' | 'channel', string>>): { where: string; params: SqlValue[] } {
    const parts = ['site_id = ?', 'business_date BETWEEN ? AND ?'];
    const params: SqlValue[] = [this.siteId, q.fromDate, q.toDate];
    for (const key of ['serviceId', 'counterId', 'language', 'channel'] as const) {
      const column = columns[key];
      const value = q[key];
      if (column === undefined || value === undefined) continue;
      parts.push(`${column} = ?`);
      params.push(value);
    }
    return { where: parts.join(' AND '), params };
  }
}
