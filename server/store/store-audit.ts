import type { EventType, LoggedEvent } from '../domain/events.js';

/**
 * #17 audit trail: which events an admin reads. The trail is what people did and what the
 * server did on its own account: events that name an acting staff member (`userId`, their actor
 * key) and the types in `SYSTEM_AUDIT_TYPES` (refused sign-ins, purges). Every filter is optional.
 */
export interface AuditQuery {
  /** Instants, `fromAt` inclusive, `toAt` exclusive. */
  fromAt: number | null;
  toAt: number | null;
  /** Only events naming one of these actor keys (an empty list matches nothing). */
  actorKeys: readonly string[] | null;
  type: EventType | null;
  /** Only events of tickets with this number (any day). */
  ticketNumber: string | null;
  /** Only events with a lower seq (the page before). */
  beforeSeq: number | null;
  limit: number;
}

export interface AuditRow {
  event: LoggedEvent;
  ticketNumber: string | null;
}

/** Audited although no staff member acted: the server's own account of refused sign-ins and purges. */
export const SYSTEM_AUDIT_TYPES: readonly EventType[] = ['auth.sign_in_failed', 'data.purged'];
