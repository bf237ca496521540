import type { Ticket } from '../../../common/model.js';
import type { TicketWriter } from '../store.js';
import * as rows from './rows.js';
import type { Statements } from './statements.js';

/** A site's tickets and their numbering. */
export class SqliteTickets implements TicketWriter {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
  ) {}

  async get(id: string): Promise<Ticket | null> {
    const r = this.sql.get('SELECT * FROM tickets WHERE id = ? AND site_id = ?', id, this.siteId);
    return r ? rows.ticketFromRow(r) : null;
  }
  async byRef(ref: string): Promise<Ticket | null> {
    const r = this.sql.get('SELECT * FROM tickets WHERE ref = ? AND site_id = ?', ref, this.siteId);
    return r ? rows.ticketFromRow(r) : null;
  }
  async open(businessDate: string): Promise<Ticket[]> {
    // Read rarely (a read model loads a day once): the site's read model keeps it in memory, not the store.
    return this.sql
      .all(
        "SELECT * FROM tickets WHERE site_id = ? AND business_date = ? AND status IN ('waiting', 'called', 'serving') ORDER BY queued_at, number",
        this.siteId,
        businessDate,
      )
      .map(rows.ticketFromRow);
  }
  async openBefore(businessDate: string): Promise<Ticket[]> {
    return this.sql
      .all(
        "SELECT * FROM tickets WHERE site_id = ? AND business_date < ? AND status IN ('waiting', 'called', 'serving') ORDER BY business_date, queued_at",
        this.siteId,
        businessDate,
      )
      .map(rows.ticketFromRow);
  }
  async issuedCounts(businessDate: string): Promise<Record<string, number>> {
    // Numbers are never reused within a day, so the last one handed out is the count.
    const counts: Record<string, number> = {};
    for (const r of this.sql.all(
      'SELECT s.id AS service_id, n.last FROM number_sequences n JOIN services s ON s.prefix = n.prefix AND s.site_id = n.site_id ' +
        'WHERE n.site_id = ? AND n.business_date = ?',
      this.siteId,
      businessDate,
    )) {
      counts[String(r.service_id)] = Number(r.last);
    }
    return counts;
  }
  async kioskIssuedCounts(businessDate: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const r of this.sql.all(
      "SELECT service_id, COUNT(*) AS n FROM tickets WHERE site_id = ? AND business_date = ? AND channel = 'kiosk' GROUP BY service_id",
      this.siteId,
      businessDate,
    )) {
      counts[String(r.service_id)] = Number(r.n);
    }
    return counts;
  }
  async recentServiceDurations(serviceId: string, limit: number): Promise<number[]> {
    return this.sql
      .all(
        "SELECT json_extract(data, '$.serviceMs') AS ms FROM events WHERE service_id = ? AND type = 'ticket.finished' AND site_id = ? ORDER BY seq DESC LIMIT ?",
        serviceId,
        this.siteId,
        limit,
      )
      .map((r) => Number(r.ms));
  }
  async answered(id: string): Promise<boolean> {
    return this.sql.get('SELECT feedback_given FROM tickets WHERE id = ? AND site_id = ?', id, this.siteId)?.feedback_given === 1;
  }

  async nextNumber(prefix: string, businessDate: string): Promise<number> {
    const r = this.sql.get(
      'INSERT INTO number_sequences (site_id, prefix, business_date, last) VALUES (?, ?, ?, 1) ' +
        'ON CONFLICT(site_id, prefix, business_date) DO UPDATE SET last = last + 1 RETURNING last',
      this.siteId,
      prefix,
      businessDate,
    );
    return Number(r?.last);
  }
  async insert(t: Ticket, seqNo: number): Promise<void> {
    const row = { ...rows.ticketToRow(t), seq_no: seqNo, site_id: this.siteId };
    const cols = Object.keys(row);
    this.sql.run(`INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`, row);
  }
  async update(t: Ticket): Promise<void> {
    const row = { ...rows.ticketToRow(t), site_id: this.siteId };
    const cols = Object.keys(row).filter((c) => c !== 'id' && c !== 'ref' && c !== 'number' && c !== 'business_date' && c !== 'site_id');
    const info = this.sql.run(`UPDATE tickets SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND site_id = @site_id`, row);
    if (info.changes !== 1) throw new Error(`ticket ${t.id} does not exist at site ${this.siteId}`);
  }
  async markAnswered(id: string): Promise<boolean> {
    // Conditional, so the answer is right even where two writers could race.
    return this.sql.run('UPDATE tickets SET feedback_given = 1 WHERE id = ? AND site_id = ? AND feedback_given = 0', id, this.siteId).changes === 1;
  }
}
