import { AUDIT_CSV_MAX, AUDIT_PAGE_MAX, type AuditCsvQuery, type AuditEntry, type AuditPage, type AuditQuery } from '../../common/audit-schemas.js';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { ExportKind } from '../../common/events.js';
import type { CsvDialect } from '../../common/stats-schemas.js';
import { auditSummary } from '../domain/audit-summary.js';
import { event } from '../domain/events.js';
import { localClock } from '../domain/stats/local-clock.js';
import { addDays, endOfDay, startOfDay } from '../domain/time.js';
import type { AuditQuery as StoreAuditQuery, AuditRow, SiteReader } from '../store/store.js';
import { allow } from './access.js';
import { actorKey, actorKeysOf, actorUsers } from './actors.js';
import type { Office } from './office.js';
import { toCsv } from './stats/csv.js';

/**
 * #17 audit trail: who did what, for admins (use case `audit.read`). It reads the event log (the
 * log is append-only, so the trail cannot be edited) through the actor keys of server/app/actors.ts:
 * a filter by person asks for that person's keys, and each entry's key is resolved to the person
 * while the link is kept, else the entry says the link was removed after retention.
 */

type Filters = Omit<AuditQuery, 'limit' | 'before'>;

/** What `data.exported` records: the kind, the range asked for and how many rows left. */
export interface ExportRecord {
  kind: ExportKind;
  fromDate?: string | null | undefined;
  toDate?: string | null | undefined;
  rows: number;
}

/**
 * #17: records that figures or records left the system as a file (one `data.exported` with the
 * exporting staff member's actor key). The adapters call it when the file is made, before it is
 * sent: an export that could not be recorded is not handed out.
 */
export function recordExport(office: Office, user: SessionUser, r: ExportRecord): Promise<void> {
  return office.command(async (tx, now) => ({
    result: undefined,
    events: [
      event('data.exported', now, {
        userId: await actorKey(tx, user.id, now),
        data: { kind: r.kind, fromDate: r.fromDate ?? null, toDate: r.toDate ?? null, rows: r.rows },
      }),
    ],
  }));
}

/** `GET /api/admin/audit`: one page of the trail, newest first. */
export async function auditPage(office: Office, user: SessionUser, q: AuditQuery): Promise<AuditPage> {
  allow(user, 'audit.read');
  const limit = q.limit === undefined ? AUDIT_PAGE_MAX : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) {
    throw new AppError('INVALID_INPUT', `limit must be 1 to ${AUDIT_PAGE_MAX}.`, { field: 'limit' });
  }
  const beforeSeq = q.before === undefined ? null : Number(q.before);
  const { entries, more } = await readTrail(office, q, limit, beforeSeq);
  return { entries, nextBefore: more ? (entries.at(-1)?.seq ?? null) : null };
}

/** `GET /api/admin/audit.csv`: the whole trail of the filters (German Excel by default); recorded as `data.exported`. */
export async function auditCsv(office: Office, user: SessionUser, q: Omit<AuditCsvQuery, 'dialect'>, dialect: CsvDialect): Promise<string> {
  allow(user, 'audit.read');
  const { entries, more, timeZone } = await readTrail(office, q, AUDIT_CSV_MAX, null);
  if (more) throw new AppError('INVALID_INPUT', `More than ${AUDIT_CSV_MAX} entries: choose a shorter range.`, { field: 'from' });
  const clock = localClock(timeZone);
  const rows = entries.map((e) => {
    const local = clock(e.at);
    return [
      e.seq,
      local.date,
      local.time,
      e.type,
      e.actor?.username ?? (e.actorRemoved ? ACTOR_REMOVED : null),
      e.actor?.displayName ?? null,
      e.ticketNumber,
      e.serviceId,
      e.counterId,
      e.summary,
    ];
  });
  await recordExport(office, user, { kind: 'audit', fromDate: q.from, toDate: q.to, rows: rows.length });
  return toCsv({ header: AUDIT_CSV_HEADER, rows }, dialect);
}

export const AUDIT_CSV_HEADER = ['seq', 'date', 'time', 'type', 'user', 'name', 'ticket_number', 'service', 'counter', 'summary'];
/** The CSV's user cell for an actor whose link to the person was removed. */
export const ACTOR_REMOVED = 'removed after retention';

/** Reads `limit` entries (and whether more follow) in one consistent read of the site. */
async function readTrail(
  office: Office,
  q: Filters,
  limit: number,
  beforeSeq: number | null,
): Promise<{ entries: AuditEntry[]; more: boolean; timeZone: string }> {
  checkDates(q);
  return office.store.read(office.siteId, async (r) => {
    const { timeZone } = await r.catalog.settings();
    const query: StoreAuditQuery = {
      fromAt: q.from === undefined ? null : startOfDay(q.from, timeZone),
      toAt: q.to === undefined ? null : endOfDay(q.to, timeZone),
      actorKeys: q.userId === undefined ? null : await actorKeysOf(r, q.userId),
      type: q.type ?? null,
      ticketNumber: q.number === undefined ? null : q.number.toUpperCase(),
      beforeSeq,
      limit: limit + 1,
    };
    const rows = query.actorKeys?.length === 0 ? [] : await r.events.audit(query);
    const page = rows.slice(0, limit);
    return { entries: await entriesOf(r, page), more: rows.length > limit, timeZone };
  });
}

async function entriesOf(r: SiteReader, rows: readonly AuditRow[]): Promise<AuditEntry[]> {
  const keys = rows.flatMap((row) => (row.event.userId === null ? [] : [row.event.userId]));
  const users = await actorUsers(r, keys);
  return rows.map(({ event: e, ticketNumber }) => {
    const actor = e.userId === null ? undefined : users.get(e.userId);
    return {
      seq: e.seq,
      at: e.at,
      type: e.type,
      actor: actor ? { userId: actor.userId, username: actor.username, displayName: actor.displayName } : null,
      actorRemoved: e.userId !== null && !actor,
      ticketNumber,
      serviceId: e.serviceId,
      counterId: e.counterId,
      summary: auditSummary(e),
    };
  });
}

function checkDates(q: Filters): void {
  for (const field of ['from', 'to'] as const) {
    const d = q[field];
    if (d !== undefined && !isCalendarDate(d)) throw new AppError('INVALID_INPUT', `${field} must be a date (YYYY-MM-DD).`, { field });
  }
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) throw new AppError('INVALID_INPUT', 'from must not be after to.', { field: 'from' });
}

function isCalendarDate(s: string): boolean {
  try {
    return addDays(s, 0) === s;
  } catch {
    return false;
  }
}
