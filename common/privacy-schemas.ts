import Type, { type Static } from 'typebox';

/**
 * #17 a visitor's right of access: what the office stores about one ticket or appointment
 * (`GET /api/tickets/:id/data`, `GET /api/appointments/:code/data`), shown on the visitor's
 * data page. `keptUntil` is the last office day (YYYY-MM-DD) an item is kept; the purge removes
 * it in the night after. Statistics hold no ticket or person and are not listed.
 */
const strict = { additionalProperties: false } as const;
const LocalDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'An office day, YYYY-MM-DD' });

export const VisitorTicketDataSchema = Type.Object(
  {
    number: Type.String(),
    serviceId: Type.String(),
    businessDate: LocalDate,
    language: Type.String(),
    status: Type.String(),
    channel: Type.String(),
    issuedAt: Type.Integer({ description: 'epoch ms' }),
    calledAt: Type.Union([Type.Integer(), Type.Null()]),
    finishedAt: Type.Union([Type.Integer(), Type.Null()]),
    /** What staff noted about the visit ('' when nothing). */
    notes: Type.String(),
    notesKeptUntil: LocalDate,
    feedbackGiven: Type.Boolean({ description: 'Whether an answer was given; answers are anonymous and not linked to the ticket' }),
  },
  strict,
);

export const VisitorAppointmentDataSchema = Type.Object(
  {
    code: Type.String(),
    serviceId: Type.String(),
    startsAt: Type.String({ format: 'date-time' }),
    language: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    /** How the visitor can be reached, as they gave it; null when none (or deleted). */
    contact: Type.Union([Type.String(), Type.Null()]),
    contactKeptUntil: LocalDate,
  },
  strict,
);

export const VisitorDataSchema = Type.Object(
  {
    ticket: Type.Union([VisitorTicketDataSchema, Type.Null()]),
    appointment: Type.Union([VisitorAppointmentDataSchema, Type.Null()]),
  },
  strict,
);
export type VisitorData = Static<typeof VisitorDataSchema>;

/** A booking code as the visitor has it (any case, spaces or dashes allowed). */
export const AppointmentCodeParams = Type.Object({ code: Type.String({ minLength: 4, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' }) }, strict);
