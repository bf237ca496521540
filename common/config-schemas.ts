import Type, { type Static } from 'typebox';
import { CheckinSettingsSchema, CounterStatsEnabled, EstimateSettingsSchema, Names, PolicySettingsSchema, RetentionSettingsSchema, WeeklyHoursSchema } from './admin-schemas.js';
import { DisplayConfigSchema, KioskConfigSchema } from './device-schemas.js';
import { Nullable, StringEnum } from './dto-schemas.js';
import { ROLES } from './model.js';
import { Id } from './schemas.js';

/**
 * #15: the office's whole configuration as one JSON document (`GET
 * /api/admin/config`), and importing one (`POST /api/admin/config`, with
 * `?dryRun=1` for the preview). No tickets, no passwords, no device tokens:
 * how an office moves from a test server to production, and backs up its set-up.
 */
const strict = { additionalProperties: false } as const;
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const CONFIG_FORMAT = 'amtsqueue-config';

export const ConfigDocumentSchema = Type.Object(
  {
    format: Type.Literal(CONFIG_FORMAT),
    formatVersion: Type.Literal(1),
    exportedAt: Type.String({ maxLength: 40, description: 'ISO 8601 instant (informative)' }),
    office: Type.Object(
      {
        name: Text(120),
        timeZone: Text(64),
        holidays: Type.Array(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), { maxItems: 1000 }),
        waitTargetMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
        /** #16; documents exported before it lack it: imported as off. */
        counterStatsEnabled: Type.Optional(CounterStatsEnabled),
        policy: PolicySettingsSchema,
        checkin: CheckinSettingsSchema,
        estimate: EstimateSettingsSchema,
        /** #17; documents exported before it lack it: importing one leaves the office's retention as it is. */
        retention: Type.Optional(RetentionSettingsSchema),
      },
      strict,
    ),
    areas: Type.Array(Type.Object({ id: Id, name: Names }, strict), { maxItems: 200 }),
    services: Type.Array(
      Type.Object(
        {
          id: Id,
          prefix: Type.String({ maxLength: 2 }),
          names: Names,
          icon: Type.String({ maxLength: 40 }),
          hours: WeeklyHoursSchema,
          dailyLimit: Nullable(Type.Integer({ minimum: 0, maximum: 100_000 })),
          defaultServiceMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 480 }),
          priorityEnabled: Type.Boolean(),
          active: Type.Boolean(),
          sortOrder: Type.Integer(),
        },
        strict,
      ),
      { maxItems: 500 },
    ),
    counters: Type.Array(
      Type.Object(
        { id: Id, name: Text(80), area: Id, primaryServiceIds: Type.Array(Id, { maxItems: 500 }), secondaryServiceIds: Type.Array(Id, { maxItems: 500 }) },
        strict,
      ),
      { maxItems: 500 },
    ),
    devices: Type.Array(
      Type.Object(
        { id: Id, kind: StringEnum(['kiosk', 'display']), name: Text(80), area: Nullable(Id), kiosk: Nullable(KioskConfigSchema), display: Nullable(DisplayConfigSchema) },
        strict,
      ),
      { maxItems: 1000 },
    ),
    users: Type.Array(
      Type.Object(
        {
          username: Type.String({ minLength: 1, maxLength: 64 }),
          displayName: Text(120),
          role: StringEnum(ROLES),
          languages: Type.Array(Type.String({ maxLength: 35 }), { maxItems: 30 }),
          active: Type.Boolean(),
        },
        strict,
      ),
      { maxItems: 2000 },
    ),
  },
  strict,
);
export type ConfigDocument = Static<typeof ConfigDocumentSchema>;

export const ImportQuery = Type.Object({ dryRun: Type.Optional(StringEnum(['0', '1'], '1: only show what would change')) }, strict);

const ChangeRow = Type.Object(
  {
    record: StringEnum(['office', 'area', 'service', 'counter', 'device', 'user']),
    id: Type.String(),
    action: StringEnum(['created', 'updated', 'deleted']),
    fields: Type.Array(Type.String(), { description: 'The fields that change (updated records)' }),
  },
  strict,
);

export const ImportResultSchema = Type.Object(
  {
    dryRun: Type.Boolean(),
    changes: Type.Array(ChangeRow),
    /** Users created by the import, each with a one-time password (only when not a dry run; shown once). */
    newUsers: Type.Array(Type.Object({ username: Type.String(), oneTimePassword: Type.String() }, strict)),
  },
  strict,
);
export type ImportResult = Static<typeof ImportResultSchema>;
export type ConfigChangeRow = Static<typeof ChangeRow>;
