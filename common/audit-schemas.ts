import Type, { type Static } from 'typebox';
import { StringEnum } from './dto-schemas.js';
import { EVENT_TYPES } from './events.js';
import { Id } from './schemas.js';
import { CSV_DIALECTS } from './stats-schemas.js';

/**
 * #17 audit trail: `GET /api/admin/audit` and `GET /api/admin/audit.csv` (admin only, use case
 * `audit.read`). The trail is the event log as far as people acted (events naming an acting
 * staff member) plus what the server did on its own account (refused sign-ins, purges), newest
 * first. No entry holds free text: the log has none. The ticket id is not shown (it opens the
 * visitor's phone page); the number is.
 */

const strict = { additionalProperties: false } as const;
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A local date of the office, YYYY-MM-DD' });

/** Entries per page at most (and by default). */
export const AUDIT_PAGE_MAX = 200;
/** Rows of one CSV export at most: a longer trail asks for a shorter range. */
export const AUDIT_CSV_MAX = 50_000;

export const AuditQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ ...LocalDate, description: 'First office day (inclusive)' })),
    to: Type.Optional(Type.String({ ...LocalDate, description: 'Last office day (inclusive)' })),
    userId: Type.Optional(Id),
    type: Type.Optional(StringEnum(EVENT_TYPES, 'An event type (ARCHITECTURE.md, "The event log")')),
    number: Type.Optional(Type.String({ minLength: 1, maxLength: 12, pattern: '^[A-Za-z0-9-]+$', description: 'A ticket number, e.g. A017 (any day)' })),
    limit: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$', description: `Entries per page, 1…${AUDIT_PAGE_MAX} (default ${AUDIT_PAGE_MAX})` })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$', description: 'Only entries older than this seq: the next page (`nextBefore` of the last one)' })),
  },
  strict,
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditCsvQuery = Type.Object(
  {
    from: AuditQuery.properties.from,
    to: AuditQuery.properties.to,
    userId: AuditQuery.properties.userId,
    type: AuditQuery.properties.type,
    number: AuditQuery.properties.number,
    dialect: Type.Optional(StringEnum(CSV_DIALECTS, 'excel (default): BOM, `;`, decimal comma; rfc4180: plain CSV')),
  },
  strict,
);
export type AuditCsvQuery = Static<typeof AuditCsvQuery>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AuditActor = Type.Object(
  {
    userId: Id,
    username: Type.String(),
    displayName: Type.String(),
  },
  { ...strict, description: 'The staff member behind the actor key, while the link is kept' },
);
export type AuditActor = Static<typeof AuditActor>;

export const AuditEntry = Type.Object(
  {
    seq: Type.Integer({ minimum: 1 }),
    at: Type.Integer({ description: 'epoch ms' }),
    type: StringEnum(EVENT_TYPES),
    actor: Nullable(AuditActor),
    /** The event names an actor whose link to the person was removed after retention. */
    actorRemoved: Type.Boolean({ description: 'true when the event names a staff member whose link was removed after retention' }),
    ticketNumber: Nullable(Type.String()),
    serviceId: Nullable(Type.String()),
    counterId: Nullable(Type.String()),
    summary: Type.String({ description: 'The payload in one line (ids, codes, counts; config changes as before → after)' }),
  },
  strict,
);
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object(
  {
    entries: Type.Array(AuditEntry),
    nextBefore: Nullable(Type.Integer({ minimum: 1, description: '`before` of the next (older) page; null on the last' })),
  },
  strict,
);
export type AuditPage = Static<typeof AuditPage>;
