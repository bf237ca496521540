import type { ClosedReason, Estimate, PriorityClass, TicketChannel, TicketStatus } from './model.js';
import type { PrintFailure } from './printing.js';

/**
 * The event log's contract: one payload type per event type, each with a
 * payload version. Statistics, the audit view and the simulator read these;
 * ARCHITECTURE.md lists them in prose (and a test keeps the two in step).
 *
 * Payloads hold ids, numbers, codes and durations only, never free text that
 * may carry personal data (notes, comments, e-mail addresses): they refer to
 * it by id, so it can be purged where it lives while the log stays intact.
 * A payload changes shape only with a new version; readers of older rows map
 * them (`server/domain/event-upgrade.ts`).
 */

/** What every ticket creation records: enough to count arrivals per channel, class and language. */
interface TicketCreated {
  number: string;
  businessDate: string;
  language: string;
  priorityClass: PriorityClass;
  channel: TicketChannel;
  /** The wait range the visitor was shown on the ticket (minutes); null when unknown (no counter open). v2. */
  estimate: Estimate | null;
  /** Place in line shown with it. v2. */
  position: number | null;
  /** #17: the further services of the visit, in order, after `serviceId` (the kiosk's "I also need…"); [] for one service. v3. */
  nextServiceIds: string[];
}

export interface EventPayloads {
  'ticket.issued': TicketCreated;
  'ticket.checked_in': TicketCreated & { appointmentId: string; late: boolean };
  'ticket.called': { number: string; callCount: number; waitedMs: number };
  'ticket.recalled': { number: string; callCount: number };
  'ticket.started': Record<string, never>;
  'ticket.finished': { serviceMs: number };
  'ticket.no_show': { callCount: number; reason?: 'max_calls' };
  'ticket.returned': { from: 'called' | 'serving' };
  'ticket.transferred': {
    fromServiceId: string;
    toServiceId: string;
    toCounterId: string | null;
    keepPlace: boolean;
    serviceMs: number;
  };
  'ticket.cancelled': Record<string, never>;
  /**
   * #17: "finish and next service": the segment for `fromServiceId` ended served, and the same ticket
   * (same number) waits for `toServiceId`. `placement` is the policy's rule for its place in line:
   * `credit` the time already waited (at most `maxOvertakeMinutes`; `creditMs` is what was credited)
   * or join at the `back` (`creditMs` 0). `added`: staff chose a service the visitor had not listed.
   */
  'ticket.next_service': {
    fromServiceId: string;
    toServiceId: string;
    placement: 'credit' | 'back';
    creditMs: number;
    serviceMs: number;
    added: boolean;
  };
  /**
   * #16: a ticket could not be drawn (the service closed, a holiday, past closing, the contingent
   * reached, the service switched off): demand the office turned away. Nothing is printed.
   */
  'ticket.refused': { reason: ClosedReason; channel: TicketChannel; language: string; priority: boolean };
  'ticket.expired': { from: TicketStatus };
  /** A staff note changed; the text stays on the ticket, the log keeps its length. */
  'ticket.noted': { length: number };
  'ticket.reprinted': { kioskId: string; status: 'printed' | 'failed' | 'agent' | 'none'; reason?: PrintFailure };
  /** A new wait range was pushed to the visitor's phone. */
  'ticket.estimate_shown': { estimate: Estimate | null; position: number | null };
  'counter.opened': { takenOverFrom: string | null };
  'counter.closed': Record<string, never>;
  'counter.alarm_raised': { alarmId: string };
  'counter.alarm_acknowledged': { alarmId: string };
  'appointment.created': { appointmentId: string; startsAt: number };
  'appointment.cancelled': { appointmentId: string };
  /** An admin created a print agent token for a kiosk; `replaced`: an earlier one stopped working. */
  'device.agent_token_issued': { kioskId: string; replaced: boolean };
  /** An admin created or rotated a kiosk's device token; `replaced`: an earlier one stopped working. */
  'device.token_issued': { kioskId: string; replaced: boolean };
  /** An admin revoked a kiosk's device token; `hadToken`: false when it had none (nothing changed). */
  'device.token_revoked': { kioskId: string; hadToken: boolean };
  /** An admin revoked a kiosk's print agent token without issuing a new one. */
  'device.agent_token_revoked': { kioskId: string };
  /**
   * An admin or supervisor created, changed or deleted a configuration record (#15). `changes`
   * lists every changed field with its value before and after (null when created or deleted);
   * fields that name a person (a user's username and display name) say only that they changed.
   */
  /** #17 audit: a staff member signed in (the event's `userId` is their actor key, never a password). */
  'auth.signed_in': Record<string, never>;
  /**
   * #17 audit: a sign-in was refused. `userId` is the actor key of the account when the username
   * exists, else null; the typed username is not kept (it may be a mistyped password).
   */
  'auth.sign_in_failed': { reason: 'credentials' | 'inactive' | 'rate_limited' };
  /** #17 audit: a session ended by logout (expiry and deactivation are not events of their own). */
  'auth.signed_out': Record<string, never>;
  /** #17 audit: figures or records left the system as a file (statistics CSV, the audit CSV, the configuration). */
  'data.exported': { kind: ExportKind; fromDate: string | null; toDate: string | null; rows: number };
  /**
   * #17: the nightly purge removed personal data whose retention ended: how many items of each kind
   * (kinds with nothing due are 0). Aggregate statistics and the event log are never touched.
   */
  'data.purged': { counts: Record<RetentionKind, number> };
  'config.changed': {
    record: ConfigRecordKind;
    recordId: string;
    action: 'created' | 'updated' | 'deleted';
    /** The record's version after the change (0 when deleted). */
    version: number;
    changes: Record<string, ConfigFieldChange>;
  };
}

/** #17: what `data.exported` says left the system. */
export type ExportKind = 'stats_summary' | 'stats_segments' | 'stats_comments' | 'audit' | 'config';

/**
 * #17: the kinds of personal data with a retention period (README "Data protection"): counter
 * notes, feedback comments, appointment contact data, sessions, and the link from the actor keys
 * in events and tickets to the staff member (`actor_link`).
 */
export const RETENTION_KINDS = ['notes', 'feedback_comments', 'appointment_contact', 'sessions', 'actor_link'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

/** The kinds of configuration record an admin edits. */
export type ConfigRecordKind = 'office' | 'service' | 'area' | 'counter' | 'user' | 'device';

/** A changed field: its JSON values before and after, or only the fact for personal fields. */
export type ConfigFieldChange = { before: unknown; after: unknown } | { redacted: true };

export type EventType = keyof EventPayloads;

interface CatalogEntry {
  /** Payload version written today. */
  version: number;
  /** Whether it changes what screens show (queues, counters, calls); record-only events push nothing. */
  changesQueue: boolean;
}

export const EVENT_CATALOG: Readonly<Record<EventType, CatalogEntry>> = {
  'ticket.issued': { version: 3, changesQueue: true },
  'ticket.checked_in': { version: 3, changesQueue: true },
  'ticket.called': { version: 1, changesQueue: true },
  'ticket.recalled': { version: 1, changesQueue: true },
  'ticket.started': { version: 1, changesQueue: true },
  'ticket.finished': { version: 1, changesQueue: true },
  'ticket.no_show': { version: 1, changesQueue: true },
  'ticket.returned': { version: 1, changesQueue: true },
  'ticket.transferred': { version: 1, changesQueue: true },
  'ticket.cancelled': { version: 1, changesQueue: true },
  'ticket.next_service': { version: 1, changesQueue: true },
  'ticket.refused': { version: 1, changesQueue: false },
  'ticket.expired': { version: 1, changesQueue: true },
  'ticket.noted': { version: 1, changesQueue: true },
  'ticket.reprinted': { version: 1, changesQueue: false },
  'ticket.estimate_shown': { version: 1, changesQueue: false },
  'counter.opened': { version: 1, changesQueue: true },
  'counter.closed': { version: 1, changesQueue: true },
  'counter.alarm_raised': { version: 1, changesQueue: false },
  'counter.alarm_acknowledged': { version: 1, changesQueue: false },
  'appointment.created': { version: 1, changesQueue: false },
  'appointment.cancelled': { version: 1, changesQueue: false },
  'device.agent_token_issued': { version: 1, changesQueue: false },
  'device.token_issued': { version: 1, changesQueue: false },
  'device.token_revoked': { version: 1, changesQueue: false },
  'device.agent_token_revoked': { version: 1, changesQueue: false },
  'auth.signed_in': { version: 1, changesQueue: false },
  'auth.sign_in_failed': { version: 1, changesQueue: false },
  'auth.signed_out': { version: 1, changesQueue: false },
  'data.exported': { version: 1, changesQueue: false },
  'data.purged': { version: 1, changesQueue: false },
  'config.changed': { version: 1, changesQueue: true },
};

export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOG, type);
}

interface Envelope<K extends EventType> {
  type: K;
  /** Payload version (EVENT_CATALOG[type].version when written). */
  v: number;
  at: number;
  ticketId: string | null;
  serviceId: string | null;
  counterId: string | null;
  userId: string | null;
  data: EventPayloads[K];
}

/** A fact the core emits; narrowing on `type` gives the payload's type. */
export type DomainEvent = { [K in EventType]: Envelope<K> }[EventType];
export type EventOf<K extends EventType> = Extract<DomainEvent, { type: K }>;

/** An event as stored: the log assigns the sequence number. */
export type LoggedEvent = { [K in EventType]: Envelope<K> & { seq: number } }[EventType];
export type LoggedEventOf<K extends EventType> = Extract<LoggedEvent, { type: K }>;
