import Type, { type Static } from 'typebox';
import { Id } from './schemas.js';

/**
 * #15: request and response schemas of the admin API for the office's own
 * configuration (office settings, services, areas, counters). Fastify
 * validates with them and the OpenAPI document is generated from them; the
 * admin app codes against the `Static` types. Rules a schema cannot say with a
 * field name (German name required, HH:MM hours without overlaps, a known time
 * zone, a shipped icon) are checked in server/domain/catalog-rules.ts and
 * answer 400 INVALID_INPUT with `field`.
 */

const strict = { additionalProperties: false } as const;

/** The pictograms the kiosk ships for service tiles (kiosk/components/icons.ts; a test keeps the two in step). */
export const SERVICE_ICONS = [
  'id-card',
  'passport',
  'people',
  'child',
  'book',
  'shield',
  'info',
  'calendar',
  'appointment',
  'globe',
  'person',
  'printer',
  'phone',
  'screen',
  'warning',
  'dot',
] as const;

/** The German Länder whose public holidays the office page can add. */
export const GERMAN_STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;

const Version = Type.Integer({ minimum: 1, description: 'The record version: 1 when created, +1 on every change' });
const LanguageKey = '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$';
export const Names = Type.Record(Type.String({ pattern: LanguageKey }), Type.String({ maxLength: 120 }), {
  description: 'Text by language tag; `de` is required, missing languages fall back to German',
});
const Time = Type.String({ maxLength: 5, description: 'Local time HH:MM ("24:00" may end a period)' });
const Period = Type.Object({ from: Time, to: Time }, strict);
const DayPeriods = Type.Optional(Type.Array(Period, { maxItems: 12 }));
export const WeeklyHoursSchema = Type.Object(
  { '1': DayPeriods, '2': DayPeriods, '3': DayPeriods, '4': DayPeriods, '5': DayPeriods, '6': DayPeriods, '7': DayPeriods },
  { ...strict, description: 'Opening periods by ISO weekday, 1 (Monday) to 7 (Sunday); several per day' },
);
const Minutes = (maximum: number, description: string) => Type.Integer({ minimum: 0, maximum, description });
const IsoDate = Type.String({ maxLength: 10, description: 'Local date YYYY-MM-DD' });

export const PolicySettingsSchema = Type.Object(
  {
    maxOvertakeMinutes: Minutes(480, 'No ticket is called before a walk-in queued more than this many minutes earlier'),
    priorityBoostMinutes: Minutes(480, 'Advantage of a priority ticket over walk-ins'),
    appointmentBoostMinutes: Minutes(480, 'Advantage of a checked-in appointment, from its slot'),
    languageMatchMinutes: Minutes(480, "Advantage of a ticket in a language the counter's staff speak"),
    secondaryPenaltyMinutes: Minutes(480, "Handicap of a counter's secondary services"),
    recallCooldownSeconds: Type.Integer({ minimum: 0, maximum: 3600, description: 'A returned ticket is not offered again before this many seconds' }),
    maxCalls: Type.Integer({ minimum: 1, maximum: 20, description: 'Returning a ticket called this often makes it a no-show' }),
    nextServicePlacement: Type.Optional(
      Type.Union([Type.Literal('credit'), Type.Literal('back')], {
        description:
          '#17 "finish and next service": `credit` (default) the time already waited (capped with the other advantages at maxOvertakeMinutes), or join at the `back`',
      }),
    ),
  },
  strict,
);
export const CheckinSettingsSchema = Type.Object(
  {
    earlyGraceMinutes: Minutes(240, 'An appointment becomes due this many minutes before its slot'),
    checkinOpensMinutes: Minutes(1440, 'Check-in opens this many minutes before the slot'),
    lateWindowMinutes: Minutes(240, 'Later arrivals are served like walk-ins'),
  },
  strict,
);
export const EstimateSettingsSchema = Type.Object(
  {
    historySize: Type.Integer({ minimum: 1, maximum: 200, description: 'Recent service durations averaged per service' }),
    lowFactor: Type.Number({ minimum: 0.1, maximum: 1, description: 'Low end of the wait range, as a factor of the estimate' }),
    highFactor: Type.Number({ minimum: 1, maximum: 5, description: 'High end of the wait range, as a factor of the estimate' }),
  },
  strict,
);

/** #17 data protection: retention periods in whole office days (README "Data protection"). */
export const RetentionSettingsSchema = Type.Object(
  {
    notesDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Counter notes: kept this many office days after the visit (0: until the end of its day)' }),
    feedbackCommentDays: Type.Integer({ minimum: 0, maximum: 3650, description: "Feedback comments: kept this many days after the answer's day" }),
    appointmentContactDays: Type.Integer({ minimum: 0, maximum: 3650, description: "Appointment contact data: kept this many days after the appointment's day" }),
    actorLinkDays: Type.Integer({ minimum: 0, maximum: 3650, description: 'The link from the staff references in events and tickets to the person: kept this many days after the calendar month ends' }),
  },
  strict,
);

const OfficeName = Type.String({ minLength: 1, maxLength: 120 });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' });
const Holidays = Type.Array(IsoDate, { maxItems: 1000, description: 'Dates the whole office is closed, sorted, each once' });
const WaitTarget = Type.Integer({ minimum: 1, maximum: 600, description: 'The wait the office aims at, in minutes (default 15)' });
/** #16: a counter is usually one person's desk, so per-counter figures need the staff council's agreement. */
export const CounterStatsEnabled = Type.Boolean({
  description: 'Statistics per counter (`counterId`, `groupBy=counter`); off by default, switch on only where the staff council agreed',
});

export const AdminOfficeSchema = Type.Object({
  name: Type.String(),
  timeZone: Type.String(),
  holidays: Type.Array(Type.String()),
  waitTargetMinutes: Type.Integer(),
  counterStatsEnabled: Type.Boolean(),
  policy: PolicySettingsSchema,
  checkin: CheckinSettingsSchema,
  estimate: EstimateSettingsSchema,
  /** #17 */
  retention: RetentionSettingsSchema,
  version: Type.Integer(),
});
export type AdminOffice = Static<typeof AdminOfficeSchema>;

export const AdminOfficePatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(OfficeName),
    timeZone: Type.Optional(TimeZone),
    holidays: Type.Optional(Holidays),
    waitTargetMinutes: Type.Optional(WaitTarget),
    counterStatsEnabled: Type.Optional(CounterStatsEnabled),
    policy: Type.Optional(PolicySettingsSchema),
    checkin: Type.Optional(CheckinSettingsSchema),
    estimate: Type.Optional(EstimateSettingsSchema),
    /** #17 */
    retention: Type.Optional(RetentionSettingsSchema),
  },
  strict,
);
export type AdminOfficePatch = Static<typeof AdminOfficePatch>;

export const HolidaysQuery = Type.Object(
  {
    state: Type.Enum(GERMAN_STATES, { type: 'string', description: 'Bundesland, two letters (e.g. NW)' }),
    year: Type.String({ pattern: '^(199[5-9]|2[01][0-9]{2}|2200)$', description: 'Year, 1995 to 2200' }),
  },
  strict,
);
export type HolidaysQuery = Static<typeof HolidaysQuery>;
export const HolidaysReplySchema = Type.Object({
  holidays: Type.Array(Type.Object({ date: Type.String({ description: 'YYYY-MM-DD' }), name: Type.String({ description: 'German name' }) })),
});
export type HolidaysReply = Static<typeof HolidaysReplySchema>;

export const IconsReplySchema = Type.Object({ icons: Type.Array(Type.String()) });
export type IconsReply = Static<typeof IconsReplySchema>;

export const AdminServiceSchema = Type.Object({
  id: Type.String(),
  prefix: Type.String(),
  names: Type.Record(Type.String(), Type.String()),
  missingLanguages: Type.Array(Type.String(), { description: 'Kiosk languages without a name of their own (they show German)' }),
  icon: Type.String(),
  hours: WeeklyHoursSchema,
  dailyLimit: Type.Union([Type.Integer(), Type.Null()]),
  defaultServiceMinutes: Type.Number(),
  priorityEnabled: Type.Boolean(),
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
});
export type AdminService = Static<typeof AdminServiceSchema>;

const Prefix = Type.String({ maxLength: 2, description: 'One or two capital letters A–Z, unique in the office' });
const Icon = Type.String({ maxLength: 40, description: 'A pictogram of GET /api/admin/icons' });
const DailyLimit = Type.Union([Type.Integer({ minimum: 0, maximum: 100_000 }), Type.Null()], { description: 'Tickets per day; null: unlimited' });
const ServiceMinutes = Type.Number({ exclusiveMinimum: 0, maximum: 480, description: 'Used for estimates before there is history' });

/** What a service has besides its prefix and names, each optional when created (defaults: `dot`, never open, unlimited, 10 minutes, no priority, active). */
const SERVICE_SETTINGS = {
  icon: Type.Optional(Icon),
  hours: Type.Optional(WeeklyHoursSchema),
  dailyLimit: Type.Optional(DailyLimit),
  defaultServiceMinutes: Type.Optional(ServiceMinutes),
  priorityEnabled: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
};

export const AdminServiceCreate = Type.Object({ prefix: Prefix, names: Names, ...SERVICE_SETTINGS }, strict);
export type AdminServiceCreate = Static<typeof AdminServiceCreate>;

export const AdminServicePatch = Type.Object(
  { version: Version, prefix: Type.Optional(Prefix), names: Type.Optional(Names), ...SERVICE_SETTINGS },
  strict,
);
export type AdminServicePatch = Static<typeof AdminServicePatch>;

export const AdminServiceOrder = Type.Object({ ids: Type.Array(Id, { maxItems: 500, description: 'Every service id, in kiosk order' }) }, strict);
export type AdminServiceOrder = Static<typeof AdminServiceOrder>;

export const AdminServicesReplySchema = Type.Object({ services: Type.Array(AdminServiceSchema) });
export type AdminServicesReply = Static<typeof AdminServicesReplySchema>;

export const AdminAreaSchema = Type.Object({ id: Type.String(), name: Type.Record(Type.String(), Type.String()), version: Type.Integer() });
export type AdminArea = Static<typeof AdminAreaSchema>;
export const AdminAreaCreate = Type.Object({ name: Names }, strict);
export type AdminAreaCreate = Static<typeof AdminAreaCreate>;
export const AdminAreaPatch = Type.Object({ version: Version, name: Type.Optional(Names) }, strict);
export type AdminAreaPatch = Static<typeof AdminAreaPatch>;
export const AdminAreasReplySchema = Type.Object({ areas: Type.Array(AdminAreaSchema) });
export type AdminAreasReply = Static<typeof AdminAreasReplySchema>;

export const AdminCounterSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  area: Type.String(),
  primaryServiceIds: Type.Array(Type.String()),
  secondaryServiceIds: Type.Array(Type.String()),
  open: Type.Boolean({ description: 'Read only: whether staff have it open now' }),
  version: Type.Integer(),
});
export type AdminCounter = Static<typeof AdminCounterSchema>;
const CounterName = Type.String({ maxLength: 60 });
const ServiceIds = Type.Array(Id, { maxItems: 100 });
export const AdminCounterCreate = Type.Object(
  { name: CounterName, area: Id, primaryServiceIds: Type.Optional(ServiceIds), secondaryServiceIds: Type.Optional(ServiceIds) },
  strict,
);
export type AdminCounterCreate = Static<typeof AdminCounterCreate>;
export const AdminCounterPatch = Type.Object(
  {
    version: Version,
    name: Type.Optional(CounterName),
    area: Type.Optional(Id),
    primaryServiceIds: Type.Optional(ServiceIds),
    secondaryServiceIds: Type.Optional(ServiceIds),
  },
  strict,
);
export type AdminCounterPatch = Static<typeof AdminCounterPatch>;
export const AdminCountersReplySchema = Type.Object({ counters: Type.Array(AdminCounterSchema) });
export type AdminCountersReply = Static<typeof AdminCountersReplySchema>;

/** Path and query of the record routes: DELETE names the version it read. */
export const AdminRecordParams = Type.Object({ id: Id }, strict);
export const AdminVersionQuery = Type.Object(
  { version: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'The version the client read (required)' })) },
  strict,
);
export type AdminVersionQuery = Static<typeof AdminVersionQuery>;
