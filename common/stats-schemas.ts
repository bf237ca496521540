import Type, { type Static } from 'typebox';
import { StringEnum } from './dto-schemas.js';
import { Id, Language } from './schemas.js';

/**
 * #16: the statistics API's contract (`GET /api/stats/summary`, the CSV
 * exports): Fastify validates with these, the OpenAPI document is generated
 * from them and the admin app's pages code against the `Static` types.
 * Durations are minutes (one decimal is plenty; the server rounds to 0.1);
 * shares are 0…1. A figure with nothing to measure is null, never 0.
 * The definitions (what wait, service time, lateness are) live in one place:
 * server/domain/stats/, documented in the README.
 */

const strict = { additionalProperties: false } as const;
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A local date of the office, YYYY-MM-DD' });

export const STATS_GROUP_BY = ['day', 'week', 'month', 'weekday', 'hour', 'service', 'counter', 'language', 'channel'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];
export const STATS_CHANNELS = ['walk_in', 'appointment', 'staff'] as const;
export type StatsChannel = (typeof STATS_CHANNELS)[number];

export const StatsQuery = Type.Object(
  {
    from: LocalDate,
    to: Type.String({ ...LocalDate, description: 'Inclusive' }),
    serviceId: Type.Optional(Id),
    counterId: Type.Optional(Id),
    language: Type.Optional(Language),
    channel: Type.Optional(StringEnum(STATS_CHANNELS)),
    groupBy: Type.Optional(StringEnum(STATS_GROUP_BY)),
  },
  strict,
);
export type StatsQuery = Static<typeof StatsQuery>;

/** Minutes. `count` is how many segments were measured. */
export const DurationFigures = Type.Object(
  {
    count: Type.Integer({ minimum: 0 }),
    mean: Type.Union([Type.Number(), Type.Null()]),
    median: Type.Union([Type.Number(), Type.Null()]),
    p90: Type.Union([Type.Number(), Type.Null()]),
    max: Type.Union([Type.Number(), Type.Null()]),
  },
  strict,
);
export type DurationFigures = Static<typeof DurationFigures>;

const MeanP90 = Type.Object(
  { count: Type.Integer({ minimum: 0 }), mean: Type.Union([Type.Number(), Type.Null()]), p90: Type.Union([Type.Number(), Type.Null()]) },
  strict,
);

/** Tickets that could not be drawn, by the reason (`ticket.refused`). */
export const RefusedCounts = Type.Object(
  {
    total: Type.Integer({ minimum: 0 }),
    outside_hours: Type.Integer({ minimum: 0 }),
    holiday: Type.Integer({ minimum: 0 }),
    daily_limit: Type.Integer({ minimum: 0 }),
    past_closing: Type.Integer({ minimum: 0 }),
    inactive: Type.Integer({ minimum: 0 }),
  },
  strict,
);

export const StatsGroup = Type.Object(
  {
    /**
     * The group: a date (`2027-03-01`), an ISO week (`2027-W09`), a month (`2027-03`), an ISO weekday
     * (`1` Monday … `7`), an hour (`0` … `23`), a service, counter, language or channel id; `total` for the whole range.
     */
    key: Type.String(),
    counts: Type.Object(
      {
        issued: Type.Integer({ minimum: 0 }),
        served: Type.Integer({ minimum: 0 }),
        noShow: Type.Integer({ minimum: 0 }),
        cancelled: Type.Integer({ minimum: 0 }),
        expired: Type.Integer({ minimum: 0 }),
        transferred: Type.Integer({ minimum: 0 }),
        refused: RefusedCounts,
      },
      strict,
    ),
    wait: DurationFigures,
    serviceTime: DurationFigures,
    /** Share of served segments whose wait was within the office's target; null when none was served. */
    withinTarget: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
    /** Null when grouped by counter (feedback is never broken down by desk or person). */
    feedback: Type.Union([
      Type.Object(
        {
          count: Type.Integer({ minimum: 0 }),
          mean: Type.Union([Type.Number(), Type.Null()]),
          /** How many gave grade 1 … 6 (index 0 is grade 1). */
          grades: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 6, maxItems: 6 }),
        },
        strict,
      ),
      Type.Null(),
    ]),
    appointments: Type.Object(
      {
        booked: Type.Integer({ minimum: 0 }),
        checkedIn: Type.Integer({ minimum: 0 }),
        missed: Type.Integer({ minimum: 0 }),
        /** Check-in − slot start, minutes (negative: early). */
        lateness: MeanP90,
        /** First call − slot start, minutes. */
        officeDelay: MeanP90,
      },
      strict,
    ),
  },
  strict,
);
export type StatsGroup = Static<typeof StatsGroup>;

export const StatsSummary = Type.Object(
  {
    from: LocalDate,
    to: LocalDate,
    groupBy: Type.Union([StringEnum(STATS_GROUP_BY), Type.Null()]),
    waitTargetMinutes: Type.Integer({ minimum: 1 }),
    /** The whole range with the same filters. */
    total: StatsGroup,
    /** In the key's natural order (dates, hours ascending; services in kiosk order); empty without groupBy. */
    groups: Type.Array(StatsGroup),
  },
  strict,
);
export type StatsSummary = Static<typeof StatsSummary>;

/**
 * The CSV exports' dialects: `excel` (the default) opens by double-click in a German
 * Excel (UTF-8 with BOM, `;` between fields, decimal comma, CRLF); `rfc4180` is plain
 * CSV for tools (no BOM, `,`, decimal point, CRLF as RFC 4180 has it).
 */
export const CSV_DIALECTS = ['excel', 'rfc4180'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** `GET /api/stats/export.csv` and `/api/stats/summary.csv`: the summary's filters plus the dialect. */
export const StatsCsvQuery = Type.Object(
  {
    ...StatsQuery.properties,
    dialect: Type.Optional(StringEnum(CSV_DIALECTS, 'excel (default): BOM, `;`, decimal comma; rfc4180: plain CSV')),
  },
  strict,
);
export type StatsCsvQuery = Static<typeof StatsCsvQuery>;

/** `GET /api/stats/comments`: the visitors' anonymous comments of a range, optionally of one service. */
export const StatsCommentsQuery = Type.Object({ from: LocalDate, to: Type.String({ ...LocalDate, description: 'Inclusive' }), serviceId: Type.Optional(Id) }, strict);
export type StatsCommentsQuery = Static<typeof StatsCommentsQuery>;

/** The most comments one answer lists (the newest); `more` says that older ones were left out. */
export const STATS_COMMENTS_MAX = 500;

export const StatsComments = Type.Object(
  {
    /** Newest first, with the service and the day only: no grade, no time, no counter (nothing that points to a visit). */
    comments: Type.Array(Type.Object({ date: LocalDate, serviceId: Type.String(), text: Type.String() }, strict)),
    more: Type.Boolean(),
  },
  strict,
);
export type StatsComments = Static<typeof StatsComments>;
