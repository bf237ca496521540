import type { OfficeSettings } from '../../domain/settings.js';
import type { SessionRecord, SharedTx, SiteRecord, StaffReader, UserRecord } from '../store.js';
import * as rows from './rows.js';
import type { Statements } from './statements.js';

/** Users with the sites they work at (a JSON array, turned into siteIds by rows.userFromRow). */
const USERS = `SELECT u.*, (SELECT json_group_array(site_id) FROM (SELECT site_id FROM user_sites WHERE user_id = u.id ORDER BY site_id)) AS site_ids FROM users u`;

/** The staff of one site: users assigned to it. */
export class SqliteStaff implements StaffReader {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
  ) {}

  async user(id: string): Promise<UserRecord | null> {
    const r = this.sql.get(`${USERS} WHERE u.id = ? AND EXISTS (SELECT 1 FROM user_sites WHERE user_id = u.id AND site_id = ?)`, id, this.siteId);
    return r ? rows.userFromRow(r) : null;
  }
  async users(): Promise<UserRecord[]> {
    return this.sql
      .all(`${USERS} WHERE EXISTS (SELECT 1 FROM user_sites WHERE user_id = u.id AND site_id = ?) ORDER BY u.username`, this.siteId)
      .map(rows.userFromRow);
  }
}

/** What all sites share: the sites, users and sessions. */
export class SqliteShared implements SharedTx {
  constructor(private readonly sql: Statements) {}

  async sites(): Promise<SiteRecord[]> {
    return this.sql.all('SELECT * FROM sites ORDER BY id').map(siteFromRow);
  }
  async site(id: string): Promise<SiteRecord | null> {
    const r = this.sql.get('SELECT * FROM sites WHERE id = ?', id);
    return r ? siteFromRow(r) : null;
  }
  async putSite(s: SiteRecord): Promise<void> {
    this.sql.run(
      'INSERT INTO sites (id, settings) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET settings = excluded.settings',
      s.id,
      JSON.stringify(s.settings),
    );
  }

  async user(id: string): Promise<UserRecord | null> {
    const r = this.sql.get(`${USERS} WHERE u.id = ?`, id);
    return r ? rows.userFromRow(r) : null;
  }
  async userByUsername(username: string): Promise<UserRecord | null> {
    const r = this.sql.get(`${USERS} WHERE u.username = ?`, username);
    return r ? rows.userFromRow(r) : null;
  }
  async users(): Promise<UserRecord[]> {
    return this.sql.all(`${USERS} ORDER BY u.username`).map(rows.userFromRow);
  }
  async putUser(u: UserRecord): Promise<void> {
    const row = rows.userToRow(u);
    const cols = Object.keys(row);
    this.sql.run(
      `INSERT INTO users (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')}) ` +
        `ON CONFLICT(id) DO UPDATE SET ${cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`,
      row,
    );
    this.sql.run('DELETE FROM user_sites WHERE user_id = ?', u.id);
    for (const siteId of new Set(u.siteIds)) this.sql.run('INSERT INTO user_sites (user_id, site_id) VALUES (?, ?)', u.id, siteId);
  }

  async session(id: string): Promise<SessionRecord | null> {
    const r = this.sql.get('SELECT * FROM sessions WHERE id = ?', id);
    return r ? { id: String(r.id), userId: String(r.user_id), createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) } : null;
  }
  async putSession(s: SessionRecord): Promise<void> {
    this.sql.run(
      'INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT(id) DO UPDATE SET user_id = excluded.user_id, created_at = excluded.created_at, expires_at = excluded.expires_at',
      s.id,
      s.userId,
      s.createdAt,
      s.expiresAt,
    );
  }
  async deleteSession(id: string): Promise<void> {
    this.sql.run('DELETE FROM sessions WHERE id = ?', id);
  }
  async deleteSessionsOf(userId: string, keepId?: string): Promise<string[]> {
    const ids = this.sql
      .all('SELECT id FROM sessions WHERE user_id = ? AND id IS NOT ?', userId, keepId ?? null)
      .map((r) => String(r.id));
    this.sql.run('DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?', userId, keepId ?? null);
    return ids;
  }
  async deleteExpiredSessions(now: number): Promise<void> {
    this.sql.run('DELETE FROM sessions WHERE expires_at <= ?', now);
  }
  async expiredSessions(now: number): Promise<number> {
    return Number(this.sql.get('SELECT count(*) AS n FROM sessions WHERE expires_at <= ?', now)?.n ?? 0);
  }
  async purgeExpiredSessions(now: number, limit: number): Promise<number> {
    return this.sql.run('DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at <= ? LIMIT ?)', now, limit).changes;
  }
}

function siteFromRow(r: rows.Row): SiteRecord {
  return { id: String(r.id), settings: JSON.parse(String(r.settings)) as OfficeSettings };
}
