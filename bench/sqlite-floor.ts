import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../server/store/sqlite/migrations.js';
import { newToken } from '../server/app/ids.js';
import { formatTicketNumber } from '../server/domain/numbering.js';
import { removeDir, tempDir } from './cleanup.js';

/**
 * Scenario 2's floor: the same ticket row and `ticket.issued` event row that
 * the server writes for POST /api/tickets, one immediate transaction each, on
 * the same schema, in WAL mode with synchronous=FULL, on a file in the same
 * temp file system. No HTTP, no session, no read model: what SQLite alone allows.
 */
export function rawInsertFloor(seconds: number): { inserts: number; perSecond: number; p99Ms: number } {
  const dir = tempDir('sqlite-floor');
  const db = new Database(join(dir, 'floor.sqlite'), { timeout: 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    for (const m of MIGRATIONS) db.exec(m.sql);
    db.prepare(
      `INSERT INTO services (id, prefix, names, icon, hours, daily_limit, default_service_minutes, priority_enabled, active, sort_order)
       VALUES ('residence', 'A', '{"de":"Aufenthalt"}', 'id-card', '{}', NULL, 15, 1, 1, 1)`,
    ).run();
    const insertTicket = db.prepare(
      `INSERT INTO tickets (id, site_id, number, seq_no, service_id, business_date, language, status, priority_class, channel,
         appointment_id, due_at, issued_at, queued_at, available_at, target_counter_id, counter_id, user_id,
         called_at, serving_at, finished_at, call_count, transferred_from, notes)
       VALUES (@id, 'main', @number, @seq_no, @service_id, @business_date, @language, @status, @priority_class, @channel,
         @appointment_id, @due_at, @issued_at, @queued_at, @available_at, @target_counter_id, @counter_id, @user_id,
         @called_at, @serving_at, @finished_at, @call_count, @transferred_from, @notes)`,
    );
    const insertEvent = db.prepare(
      "INSERT INTO events (site_id, type, at, ticket_id, service_id, counter_id, user_id, data) VALUES ('main', ?, ?, ?, ?, ?, ?, ?)",
    );
    const issue = db.transaction((seq: number) => {
      const now = Date.now();
      const row = {
        id: newToken(),
        number: formatTicketNumber('A', seq),
        seq_no: seq,
        service_id: 'residence',
        business_date: '2026-06-10',
        language: 'de',
        status: 'waiting',
        priority_class: 'walk_in',
        channel: 'staff',
        appointment_id: null,
        due_at: null,
        issued_at: now,
        queued_at: now,
        available_at: now,
        target_counter_id: null,
        counter_id: null,
        user_id: null,
        called_at: null,
        serving_at: null,
        finished_at: null,
        call_count: 0,
        transferred_from: null,
        notes: '',
      };
      insertTicket.run(row);
      const data = { number: row.number, businessDate: row.business_date, language: 'de', priorityClass: 'walk_in', channel: 'staff' };
      insertEvent.run('ticket.issued', now, row.id, 'residence', null, 'usr_admin', JSON.stringify(data));
    });
    const samples: number[] = [];
    const start = performance.now();
    const end = start + seconds * 1000;
    let seq = 0;
    for (;;) {
      const t0 = performance.now();
      if (t0 >= end) break;
      issue.immediate(++seq);
      samples.push(performance.now() - t0);
    }
    const elapsed = (performance.now() - start) / 1000;
    const sorted = [...samples].sort((a, b) => a - b);
    const p99 = sorted[Math.max(0, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN;
    return { inserts: seq, perSecond: seq / elapsed, p99Ms: p99 };
  } finally {
    db.close();
    removeDir(dir);
  }
}
