import type { RunResult, Statement } from 'better-sqlite3';
import type { SqliteDb } from './database.js';
import type { Row, SqlValue } from './rows.js';

/** Prepared statements, each prepared once per connection and shared by every site. */
export class Statements {
  private readonly cache = new Map<string, Statement<unknown[]>>();
  private readonly rawCache = new Map<string, Statement<unknown[]>>();

  constructor(readonly db: SqliteDb) {}

  private stmt(sql: string): Statement<unknown[]> {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  all(sql: string, ...params: unknown[]): Row[] {
    return this.stmt(sql).all(...params) as Row[];
  }

  /**
   * Rows as arrays of the selected columns' values, in the SELECT's order: for
   * reads of many rows (#16, a year of statistics facts), where building an
   * object with named fields per row costs more than the query.
   */
  values(sql: string, ...params: unknown[]): SqlValue[][] {
    let s = this.rawCache.get(sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(sql).raw(true);
      this.rawCache.set(sql, s);
    }
    return s.all(...params) as SqlValue[][];
  }

  get(sql: string, ...params: unknown[]): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined;
  }

  run(sql: string, ...params: unknown[]): RunResult {
    return this.stmt(sql).run(...params);
  }

  /**
   * Inserts a site's row or updates it in place. A row with the same id that
   * belongs to another site is left alone and the write fails: one site's
   * command never changes another's rows.
   */
  upsertOfSite(table: string, row: Row & { site_id: string }): void {
    const cols = Object.keys(row);
    const sql =
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')}) ` +
      `ON CONFLICT(id) DO UPDATE SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')} ` +
      `WHERE ${table}.site_id = excluded.site_id`;
    if (this.stmt(sql).run(row).changes !== 1) throw new Error(`${table} ${String(row.id)} belongs to another site`);
  }
}
