import type { ActorKeyRecord, PrivacyWriter } from '../store.js';
import type { Row } from './rows.js';
import type { Statements } from './statements.js';

function actorKeyRecord(r: Row): ActorKeyRecord {
  return { key: String(r.key), userId: String(r.user_id), period: String(r.period), createdAt: Number(r.created_at) };
}

/** #17: a site's actor keys and the purge's reads and removals (migration 12). */
export class SqlitePrivacy implements PrivacyWriter {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
  ) {}

  async actorKeyOf(userId: string, period: string): Promise<ActorKeyRecord | null> {
    const r = this.sql.get('SELECT * FROM actor_keys WHERE site_id = ? AND user_id = ? AND period = ?', this.siteId, userId, period);
    return r ? actorKeyRecord(r) : null;
  }
  async actorKeys(keys: readonly string[]): Promise<ActorKeyRecord[]> {
    if (keys.length === 0) return [];
    return this.sql
      .all('SELECT * FROM actor_keys WHERE site_id = ? AND key IN (SELECT value FROM json_each(?))', this.siteId, JSON.stringify([...new Set(keys)]))
      .map(actorKeyRecord);
  }
  async actorKeysOfUser(userId: string): Promise<ActorKeyRecord[]> {
    return this.sql.all('SELECT * FROM actor_keys WHERE site_id = ? AND user_id = ? ORDER BY period', this.siteId, userId).map(actorKeyRecord);
  }
  async notesDue(beforeDate: string): Promise<number> {
    return this.count("SELECT count(*) AS n FROM tickets WHERE site_id = ? AND business_date < ? AND notes <> ''", beforeDate);
  }
  async feedbackCommentsDue(beforeDate: string): Promise<number> {
    return this.count('SELECT count(*) AS n FROM feedback WHERE site_id = ? AND business_date < ? AND comment IS NOT NULL', beforeDate);
  }
  async appointmentContactsDue(beforeAt: number): Promise<number> {
    return this.count('SELECT count(*) AS n FROM appointments WHERE site_id = ? AND starts_at < ? AND contact IS NOT NULL', beforeAt);
  }
  async actorKeysDue(beforePeriod: string): Promise<number> {
    return this.count('SELECT count(*) AS n FROM actor_keys WHERE site_id = ? AND period < ?', beforePeriod);
  }

  async putActorKey(k: ActorKeyRecord): Promise<void> {
    this.sql.run(
      'INSERT INTO actor_keys (key, site_id, user_id, period, created_at) VALUES (?, ?, ?, ?, ?)',
      k.key,
      this.siteId,
      k.userId,
      k.period,
      k.createdAt,
    );
  }
  async clearNotes(beforeDate: string, limit: number): Promise<number> {
    return this.sql.run(
      "UPDATE tickets SET notes = '' WHERE rowid IN (SELECT rowid FROM tickets WHERE site_id = ? AND business_date < ? AND notes <> '' LIMIT ?)",
      this.siteId,
      beforeDate,
      limit,
    ).changes;
  }
  async clearFeedbackComments(beforeDate: string, limit: number): Promise<number> {
    return this.sql.run(
      'UPDATE feedback SET comment = NULL WHERE id IN (SELECT id FROM feedback WHERE site_id = ? AND business_date < ? AND comment IS NOT NULL LIMIT ?)',
      this.siteId,
      beforeDate,
      limit,
    ).changes;
  }
  async clearAppointmentContacts(beforeAt: number, limit: number): Promise<number> {
    return this.sql.run(
      'UPDATE appointments SET contact = NULL WHERE rowid IN (SELECT rowid FROM appointments WHERE site_id = ? AND starts_at < ? AND contact IS NOT NULL LIMIT ?)',
      this.siteId,
      beforeAt,
      limit,
    ).changes;
  }
  async deleteActorKeys(beforePeriod: string, limit: number): Promise<number> {
    return this.sql.run(
      'DELETE FROM actor_keys WHERE key IN (SELECT key FROM actor_keys WHERE site_id = ? AND period < ? LIMIT ?)',
      this.siteId,
      beforePeriod,
      limit,
    ).changes;
  }

  private count(sql: string, ...params: unknown[]): number {
    return Number(this.sql.get(sql, this.siteId, ...params)?.n ?? 0);
  }
}
