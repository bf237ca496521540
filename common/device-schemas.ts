import Type, { type Static } from 'typebox';
import { HISTORY_SIZE, IDLE_SECONDS, ORIENTATIONS, PAPER_WIDTHS, TICKER_TEXT_MAX, TICKER_TEXTS_MAX, type KioskSettings, type PublicDisplay } from './device-config.js';
import { Nullable, StringEnum } from './dto-schemas.js';
import { VISITOR_LANGUAGES } from './i18n/languages.js';
import { Id } from './schemas.js';

/**
 * Kiosks and screens as admins edit them (#15): `/api/admin/devices`, and a
 * screen's own record (`/api/displays/:id`). Secrets in a device's settings
 * (token hashes) appear in none of these.
 */
const strict = { additionalProperties: false } as const;

const VisitorLanguage = StringEnum(VISITOR_LANGUAGES);
const Name = Type.String({ minLength: 1, maxLength: 80 });

export const KioskConfigSchema = Type.Object(
  {
    printer: Type.String({ maxLength: 200, description: 'tcp://host[:port], a device path such as /dev/usb/lp0, or none' }),
    paperWidthDots: Type.Union([Type.Literal(PAPER_WIDTHS[0]), Type.Literal(PAPER_WIDTHS[1])], { description: '576 (80 mm paper) or 384 (58 mm)' }),
    statusQuery: Type.Boolean({ description: 'Ask a network printer for its status before printing' }),
    serviceIds: Nullable(Type.Array(Id, { maxItems: 100, uniqueItems: true, description: 'Services offered, in kiosk order; null: all' })),
    languages: Nullable(Type.Array(VisitorLanguage, { maxItems: 30, uniqueItems: true, description: 'Languages offered; null: all' })),
    idleSeconds: Type.Integer({ minimum: IDLE_SECONDS.min, maximum: IDLE_SECONDS.max }),
  },
  strict,
);

export const TickerTextSchema = Type.Object({ lang: VisitorLanguage, text: Type.String({ minLength: 1, maxLength: TICKER_TEXT_MAX }) }, strict);

export const DisplayConfigSchema = Type.Object(
  {
    announce: Type.Union([Type.Literal('all'), Type.Array(VisitorLanguage, { maxItems: 30, uniqueItems: true })], {
      description: "Languages a call is spoken in after German: 'all', or a list (empty: German only)",
    }),
    tickerTexts: Type.Array(TickerTextSchema, { maxItems: TICKER_TEXTS_MAX }),
    historySize: Type.Integer({ minimum: HISTORY_SIZE.min, maximum: HISTORY_SIZE.max }),
    showWaiting: Type.Boolean(),
    orientation: StringEnum(ORIENTATIONS),
  },
  strict,
);

export const AdminDeviceSchema = Type.Object(
  {
    id: Type.String(),
    kind: StringEnum(['kiosk', 'display']),
    name: Type.String(),
    area: Nullable(Type.String()),
    kiosk: Nullable(KioskConfigSchema),
    display: Nullable(DisplayConfigSchema),
    /** A kiosk with a device token (it may draw tickets for anonymous visitors). */
    enrolled: Type.Boolean({ description: 'Kiosk: it has a device token' }),
    version: Type.Integer(),
  },
  strict,
);
export type AdminDevice = Static<typeof AdminDeviceSchema>;

export const AdminDeviceListSchema = Type.Object({ devices: Type.Array(AdminDeviceSchema) }, strict);

export const CreateDeviceBody = Type.Object(
  {
    id: Type.Optional(Id),
    kind: StringEnum(['kiosk', 'display']),
    name: Name,
    area: Nullable(Id),
    kiosk: Type.Optional(Type.Partial(KioskConfigSchema)),
    display: Type.Optional(Type.Partial(DisplayConfigSchema)),
  },
  strict,
);
export type CreateDeviceBody = Static<typeof CreateDeviceBody>;

export const PatchDeviceBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version read; another one is refused with 409 STALE' }),
    name: Type.Optional(Name),
    area: Type.Optional(Nullable(Id)),
    kiosk: Type.Optional(Type.Partial(KioskConfigSchema)),
    display: Type.Optional(Type.Partial(DisplayConfigSchema)),
  },
  strict,
);
export type PatchDeviceBody = Static<typeof PatchDeviceBody>;

/** `?version=N` of a DELETE: query values are strings (the server does not coerce types). */
export const VersionQuery = Type.Object({ version: Type.String({ pattern: '^[1-9][0-9]{0,9}$', description: 'The version read' }) }, strict);

export const PublicDisplaySchema = Type.Object(
  { id: Type.String(), name: Type.String(), area: Nullable(Type.String()), config: DisplayConfigSchema, version: Type.Integer() },
  strict,
);
// The screen reads the type from device-config.ts; this keeps the two the same.
const _agree: Static<typeof PublicDisplaySchema> extends PublicDisplay ? (PublicDisplay extends Static<typeof PublicDisplaySchema> ? true : false) : false = true;
void _agree;

/** A kiosk's own settings (`GET /api/kiosks/me/settings`, device token): the services and languages it offers, its idle time. */
export const KioskSettingsSchema = Type.Object(
  {
    id: Type.String(),
    serviceIds: Nullable(Type.Array(Type.String(), { description: 'Services offered, in kiosk order; null: every active service' })),
    languages: Nullable(Type.Array(VisitorLanguage, { description: 'Languages offered on the start screen; null: all' })),
    idleSeconds: Type.Integer({ description: 'Seconds without a touch before the kiosk asks whether someone is still there' }),
    version: Type.Integer({ description: "The kiosk record's version; `device:changed` names a newer one" }),
  },
  strict,
);
// The kiosk reads the type from device-config.ts; this keeps the two the same.
const _agreeKiosk: Static<typeof KioskSettingsSchema> extends KioskSettings ? (KioskSettings extends Static<typeof KioskSettingsSchema> ? true : false) : false = true;
void _agreeKiosk;
