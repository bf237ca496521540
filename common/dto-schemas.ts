import Type, { type Static, type TSchema } from 'typebox';
import type {
  AgentTokenIssued,
  BookedAppointment,
  CommandTiming,
  CommandTimings,
  DeviceTokenIssued,
  DeviceTokenRevoked,
  ErrorResponse,
  FeedbackState,
  FeedbackStats,
  Health,
  IssuedTicket,
  LoggedOut,
  PrintOutcome,
  PublicCounter,
  PublicKiosk,
  PublicService,
  PublicTicket,
  ReprintOutcome,
  SessionUser,
  StaffCounter,
  StaffTicket,
} from './dto.js';
import { ERROR_STATUS, type ErrorCode } from './errors.js';
import { TicketStatus } from './model.js';
import { PRINT_FAILURES, type PrinterStatus, type PublicPrinterStatus } from './printing.js';
import type { AlarmCleared, CounterAlarm } from './protocol.js';

/**
 * Response schemas of the HTTP API, one per DTO. Fastify serialises every
 * answer with the schema of its status (fast-json-stringify), which writes
 * only the properties listed here: a staff field handed to a public route is
 * dropped, not sent. The types in dto.ts, printing.ts and protocol.ts must
 * stay identical to these (checked at compile time at the end of this file).
 *
 * Conventions: instants are integer epoch ms (never Date objects); a nullable
 * field is `Nullable(x)` and always present; objects never allow additional
 * properties, so nothing unlisted can slip through.
 */

/**
 * `schema` or null, written `type: [type, 'null']`. (fast-json-stringify
 * compiles an `anyOf` with null into a validator call per option: about 40×
 * slower to build and twice as slow to write. The OpenAPI document shows
 * either as `nullable: true`.)
 */
export function Nullable<T extends TSchema>(schema: T) {
  if (!('type' in schema) || typeof schema.type !== 'string') throw new Error('Nullable needs a schema with one type');
  const listed: unknown = 'enum' in schema ? schema.enum : undefined;
  const values = Array.isArray(listed) ? { enum: [...Array.from<unknown>(listed), null] } : {};
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'], ...values });
}
/** A string from a closed list, as `{type: 'string', enum}` (cheaper to write than a union of literals). */
export const StringEnum = <const V extends string[]>(values: readonly [...V], description?: string) =>
  Type.Enum(values, description === undefined ? { type: 'string' } : { type: 'string', description });
const Instant = (description?: string) =>
  Type.Integer(description === undefined ? { description: 'epoch ms' } : { description: `${description} (epoch ms)` });
const Names = Type.Record(Type.String(), Type.String(), { description: 'Text by language tag; `de` is always there' });

const TICKET_STATUSES = Object.values(TicketStatus);
const PRIORITY_CLASSES = ['appointment', 'priority', 'walk_in'] as const;
const CHANNELS = ['kiosk', 'staff', 'checkin', 'api'] as const;
const CLOSED_REASONS = ['outside_hours', 'holiday', 'daily_limit', 'past_closing', 'inactive'] as const;

export const EstimateSchema = Type.Object(
  { low: Type.Number({ description: 'minutes' }), high: Type.Number({ description: 'minutes' }) },
  { description: 'Expected wait as a range in minutes' },
);

export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: StringEnum(Object.keys(ERROR_STATUS) as ErrorCode[]),
      message: Type.String({ description: 'English; apps translate by code' }),
      field: Type.Optional(Type.String({ description: 'The input field the error is about (a JSON path), for a message next to it' })),
    }),
  },
  { description: 'Every error has this shape' },
);

export const PublicServiceSchema = Type.Object({
  id: Type.String(),
  prefix: Type.String(),
  names: Names,
  icon: Type.String(),
  open: Type.Boolean(),
  closedReason: Nullable(StringEnum([...CLOSED_REASONS])),
  waiting: Type.Integer(),
  estimate: Nullable(EstimateSchema),
  priorityEnabled: Type.Boolean(),
  closesAt: Nullable(Instant('When the current opening period ends')),
});

const publicTicketProperties = {
  id: Type.String({ description: 'The ticket token' }),
  number: Type.String(),
  serviceId: Type.String(),
  language: Type.String(),
  status: StringEnum(TICKET_STATUSES),
  position: Nullable(Type.Integer({ description: '1-based place in line while waiting' })),
  estimate: Nullable(EstimateSchema),
  issuedAt: Instant(),
  appointmentAt: Nullable(Instant('Slot of a checked-in appointment')),
  calledAt: Nullable(Instant()),
  counterName: Nullable(Type.String()),
  transferredFrom: Nullable(Type.String()),
  nextServiceIds: Type.Array(Type.String(), { description: '#17: the services still to come in this visit, in order' }),
  statusUrl: Type.String({ description: "The visitor's phone page" }),
  expiresAt: Instant('The token stops working (end of the office day)'),
};

export const PublicTicketSchema = Type.Object(publicTicketProperties, { description: 'What the visitor sees: no personal data' });

export const PrintOutcomeSchema = Type.Object({
  status: StringEnum(['printed', 'failed', 'agent', 'none']),
  reason: Type.Optional(Type.String()),
});

export const IssuedTicketSchema = Type.Object({ ...publicTicketProperties, print: Type.Optional(PrintOutcomeSchema) });

export const ReprintOutcomeSchema = Type.Object({ ...PrintOutcomeSchema.properties, kioskId: Type.String() });

export const PublicCounterSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  area: Type.String(),
  serviceIds: Type.Array(Type.String()),
  open: Type.Boolean(),
  currentTicket: Nullable(Type.Object({ number: Type.String(), status: StringEnum(TICKET_STATUSES) })),
});

const NullableId = Nullable(Type.String());

export const StaffTicketSchema = Type.Object(
  {
    ref: Type.String({ description: "Staff reference: names the ticket in staff commands (never the visitor's token)" }),
    number: Type.String(),
    serviceId: Type.String(),
    businessDate: Type.String({ description: 'YYYY-MM-DD at the office' }),
    language: Type.String(),
    status: StringEnum(TICKET_STATUSES),
    priorityClass: StringEnum([...PRIORITY_CLASSES]),
    channel: StringEnum([...CHANNELS]),
    appointmentId: NullableId,
    dueAt: Nullable(Instant()),
    issuedAt: Instant(),
    queuedAt: Instant(),
    availableAt: Instant(),
    targetCounterId: NullableId,
    counterId: NullableId,
    userId: NullableId,
    calledAt: Nullable(Instant()),
    servingAt: Nullable(Instant()),
    finishedAt: Nullable(Instant()),
    callCount: Type.Integer(),
    transferredFrom: NullableId,
    nextServiceIds: Type.Array(Type.String(), { description: '#17: the services still to come in this visit, in order' }),
    notes: Type.String(),
    position: Nullable(Type.Integer()),
  },
  { description: "A ticket as staff see it: by its staff reference, without the visitor's token" },
);

export const StaffCounterSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  area: Type.String(),
  primaryServiceIds: Type.Array(Type.String()),
  secondaryServiceIds: Type.Array(Type.String()),
  open: Type.Boolean(),
  userId: NullableId,
  currentTicketRef: Nullable(Type.String({ description: 'Staff reference of the ticket at the counter' })),
  userName: Nullable(Type.String()),
});

export const SessionUserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: StringEnum(['admin', 'supervisor', 'staff']),
  languages: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean({ description: 'A one-time password: only the auth routes answer until it is changed' }),
});

export const LoggedOutSchema = Type.Object({ ok: Type.Literal(true) });

export const BookedAppointmentSchema = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'The booking code the visitor types or scans at the kiosk' }),
  serviceId: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  language: Nullable(Type.String()),
  status: StringEnum(['booked', 'checked_in', 'cancelled']),
  ticketId: NullableId,
  createdAt: Instant(),
});

export const FeedbackStateSchema = Type.Object({ given: Type.Boolean() });

export const FeedbackStatsSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(
    Type.Object({
      date: Type.String(),
      serviceId: Type.String(),
      count: Type.Integer(),
      average: Type.Number({ description: 'Mean grade, 1 (best) … 6' }),
    }),
  ),
});

export const PublicKioskSchema = Type.Object({ id: Type.String(), name: Type.String(), area: NullableId });

const publicPrinterProperties = {
  kioskId: Type.String(),
  via: StringEnum(['tcp', 'device', 'agent', 'none']),
  state: StringEnum(['ok', 'error', 'unknown', 'none']),
  reason: Nullable(StringEnum([...PRINT_FAILURES])),
  warning: Nullable(StringEnum(['paper_low'])),
  lastSuccessAt: Nullable(Instant()),
  lastFailureAt: Nullable(Instant()),
};

export const PublicPrinterStatusSchema = Type.Object(publicPrinterProperties, { description: 'No printer addresses' });

export const PrinterStatusSchema = Type.Object({
  ...publicPrinterProperties,
  kioskName: Type.String(),
  printer: Type.String({ description: '`none`, `tcp://host[:port]` or a device path' }),
  paperWidthDots: Type.Enum([576, 384], { type: 'integer' }),
  detail: Nullable(Type.String()),
  agentConnected: Type.Boolean(),
  pending: Type.Integer(),
});

export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  reason: Type.Optional(
    Type.Union([
      Type.Literal('read_only'),
      Type.Literal('disk_full'),
      Type.Literal('io_error'),
      Type.Literal('cannot_open'),
      Type.Literal('corrupt'),
      Type.Literal('busy'),
    ]),
  ),
  message: Type.Optional(Type.String()),
  since: Type.Optional(Type.Integer()),
  details: Type.Object({ printers: Type.Array(PublicPrinterStatusSchema) }),
});

export const AgentTokenIssuedSchema = Type.Object({
  kioskId: Type.String(),
  token: Type.String({ description: 'Shown once; the previous token of the kiosk stops working' }),
  expiresAt: Type.Union([Type.Integer(), Type.Null()], { description: 'When the token stops working (epoch ms); null: never' }),
});

// #13 part 1: kiosk devices
export const DeviceTokenIssuedSchema = Type.Object({
  kioskId: Type.String(),
  token: Type.String({ description: 'Shown once (only its hash is stored); the previous token of the kiosk stops working' }),
  pairingUrl: Type.String({ description: '`<PUBLIC_URL>/kiosk/?pair=<token>`: open it once on the kiosk to pair its browser' }),
});

export const DeviceTokenRevokedSchema = Type.Object({
  kioskId: Type.String(),
  revoked: Type.Boolean({ description: 'false when the kiosk had no token' }),
});

export const CounterAlarmSchema = Type.Object({
  alarmId: Type.String(),
  counterId: Type.String(),
  counterName: Type.String(),
  raisedBy: Type.Optional(Type.String()),
  at: Instant(),
});

export const AlarmClearedSchema = Type.Object({
  alarmId: Type.String(),
  acknowledgedBy: Type.Optional(Type.String()),
  at: Instant(),
});

export const AlarmRaisedSchema = Type.Object({ alarm: CounterAlarmSchema });
export const AlarmAcknowledgedSchema = Type.Object({ cleared: AlarmClearedSchema });

/** #14: server time per command (admin metrics). */
const Micros = (description: string) => Type.Number({ description: `${description} (µs)` });
export const CommandTimingSchema = Type.Object({
  command: Type.String({ description: '`issue`, `checkin`, or a counter action (`call-next`, `start`, `finish`, `transfer`, …)' }),
  count: Type.Integer({ description: 'Commands answered successfully since `since`' }),
  errors: Type.Integer({ description: 'Commands refused or failed since `since` (not in the times)' }),
  p50Us: Micros('Median server time of the handler'),
  p99Us: Micros('99th percentile'),
  maxUs: Micros('Longest'),
  meanUs: Micros('Mean'),
  samples: Type.Integer({ description: 'How many of the times the percentiles come from (a uniform sample of at most 1,024)' }),
});
export const CommandTimingsSchema = Type.Object({
  since: Instant('When the figures began: server start or the last reset'),
  commands: Type.Array(CommandTimingSchema),
});

// ---------------------------------------------------------------------------
// The hand-written types and the schemas must not drift apart: each line below
// fails to compile when a field is added, dropped or retyped on one side only.

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Agree<S extends TSchema, T> = Same<Static<S>, T>;

/** Compiles only when the schema's static type and the declared type are the same type. */
type Check<T extends true> = T;
export type DtoSchemasAgree = [
  Check<Agree<typeof ErrorResponseSchema, ErrorResponse>>,
  Check<Agree<typeof PublicServiceSchema, PublicService>>,
  Check<Agree<typeof PublicTicketSchema, PublicTicket>>,
  Check<Agree<typeof PrintOutcomeSchema, PrintOutcome>>,
  Check<Agree<typeof IssuedTicketSchema, IssuedTicket>>,
  Check<Agree<typeof ReprintOutcomeSchema, ReprintOutcome>>,
  Check<Agree<typeof PublicCounterSchema, PublicCounter>>,
  Check<Agree<typeof StaffTicketSchema, StaffTicket>>,
  Check<Agree<typeof StaffCounterSchema, StaffCounter>>,
  Check<Agree<typeof SessionUserSchema, SessionUser>>,
  Check<Agree<typeof LoggedOutSchema, LoggedOut>>,
  Check<Agree<typeof BookedAppointmentSchema, BookedAppointment>>,
  Check<Agree<typeof FeedbackStateSchema, FeedbackState>>,
  Check<Agree<typeof FeedbackStatsSchema, FeedbackStats>>,
  Check<Agree<typeof PublicKioskSchema, PublicKiosk>>,
  Check<Agree<typeof PublicPrinterStatusSchema, PublicPrinterStatus>>,
  Check<Agree<typeof PrinterStatusSchema, PrinterStatus>>,
  Check<Agree<typeof HealthSchema, Health>>,
  Check<Agree<typeof AgentTokenIssuedSchema, AgentTokenIssued>>,
  Check<Agree<typeof DeviceTokenIssuedSchema, DeviceTokenIssued>>,
  Check<Agree<typeof DeviceTokenRevokedSchema, DeviceTokenRevoked>>,
  Check<Agree<typeof CounterAlarmSchema, CounterAlarm>>,
  Check<Agree<typeof AlarmClearedSchema, AlarmCleared>>,
  Check<Agree<typeof CommandTimingSchema, CommandTiming>>,
  Check<Agree<typeof CommandTimingsSchema, CommandTimings>>,
];
