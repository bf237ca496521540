import Type, { type Static } from 'typebox';

/**
 * Input schemas shared by the HTTP routes (Fastify validates with them and
 * the OpenAPI document is generated from them) and the socket handlers
 * (compiled validators). Objects reject unknown properties.
 */
const strict = { additionalProperties: false } as const;

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
/** A ticket's staff reference (`ref`), how staff commands name a ticket; the visitor's token stays theirs. */
export const TicketRef = Type.String({ ...Id, description: "The ticket's staff reference (`ref` of a staff ticket)" });
export const Language = Type.String({
  minLength: 2,
  maxLength: 35,
  pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
  description: 'BCP-47 language tag, e.g. "de", "ar", "ti", "ku-Latn"',
});

export const IssueTicketBody = Type.Object(
  {
    serviceId: Id,
    language: Language,
    priority: Type.Optional(Type.Boolean({ description: 'Visitor asked for priority (disability, pregnancy, …)' })),
    kioskId: Type.Optional(Id),
    alsoServiceIds: Type.Optional(
      Type.Array(Id, {
        maxItems: 2,
        description:
          '#17 "I also need…": up to two more services, served in this order after `serviceId` with the same ticket. ' +
          'Each must differ from `serviceId` and from each other (else 400 VISIT_SERVICE_REPEATED) and be offered now like the first.',
      }),
    ),
  },
  strict,
);
export type IssueTicketBody = Static<typeof IssueTicketBody>;

export const CheckinBody = Type.Object(
  {
    code: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9 -]+$' }),
    language: Language,
    kioskId: Type.Optional(Id),
  },
  strict,
);
export type CheckinBody = Static<typeof CheckinBody>;

export const AppointmentBody = Type.Object(
  {
    serviceId: Id,
    startsAt: Type.String({ format: 'date-time', maxLength: 40, description: 'ISO 8601 instant with offset' }),
    language: Type.Optional(Language),
  },
  strict,
);
export type AppointmentBody = Static<typeof AppointmentBody>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  strict,
);
export type LoginBody = Static<typeof LoginBody>;

export const TicketParams = Type.Object({ id: Id }, strict);
export const CounterParams = Type.Object({ id: Id }, strict);

export const EmptyBody = Type.Union([Type.Object({}, strict), Type.Null()]);

/** Socket payloads: the counter is in the payload rather than in the path. */
export const CounterRefPayload = Type.Object({ counterId: Id }, strict);
export const OpenPayload = Type.Object({ counterId: Id, force: Type.Optional(Type.Boolean()) }, strict);
export const CallPayload = Type.Object({ counterId: Id, ticketId: Id }, strict);
export const TransferPayload = Type.Object(
  {
    counterId: Id,
    serviceId: Type.Optional(Id),
    targetCounterId: Type.Optional(Id),
    keepPlace: Type.Optional(Type.Boolean()),
  },
  strict,
);

/** Visitor feedback: a German school grade (1 "sehr gut" … 6 "ungenügend") and an optional short comment. */
export const FeedbackBody = Type.Object(
  {
    grade: Type.Integer({ minimum: 1, maximum: 6 }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
  },
  strict,
);
export type FeedbackBody = Static<typeof FeedbackBody>;

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Office date, YYYY-MM-DD' });
export const FeedbackStatsQuery = Type.Object(
  { from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) },
  strict,
);
export type FeedbackStatsQuery = Static<typeof FeedbackStatsQuery>;
