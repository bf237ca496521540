import Type, { type Static, type TObject, type TProperties } from 'typebox';
import { NOTES_MAX_LENGTH, type CounterAction } from './protocol.js';
import { Id, TicketRef } from './schemas.js';

/**
 * One schema per staff command. The HTTP body is the socket payload without
 * the counter id (which is in the path, `/api/counters/:id/<action>`); the
 * socket payload adds `counterId`, the caller's counter. Both adapters
 * validate with these and derive their types from them.
 */
const strict = { additionalProperties: false } as const;

const Empty = Type.Object({}, strict);

export const CounterActionBodies = {
  open: Type.Object({ force: Type.Optional(Type.Boolean({ description: 'Admin: take over a counter someone else has open' })) }, strict),
  close: Empty,
  'call-next': Empty,
  call: Type.Object({ ticketRef: TicketRef }, strict),
  recall: Empty,
  start: Empty,
  finish: Empty,
  'no-show': Empty,
  return: Empty,
  /**
   * #17 "finish and next service": the current ticket (serving or called) ends this service served and,
   * same number, waits for `serviceId` (a service the visitor did not list: staff added it), by default
   * the first of its `nextServiceIds` (none: 409 NO_NEXT_SERVICE).
   */
  'finish-next': Type.Object(
    { serviceId: Type.Optional({ ...Id, description: 'The next service; default: the first the visitor listed (`nextServiceIds[0]`)' }) },
    strict,
  ),
  transfer: Type.Object(
    {
      serviceId: Type.Optional(Id),
      targetCounterId: Type.Optional(Id),
      keepPlace: Type.Optional(Type.Boolean({ description: 'Keep the original place in line (default true)' })),
    },
    strict,
  ),
} as const satisfies Record<CounterAction, TObject>;

export type CounterActionBody<A extends CounterAction> = Static<(typeof CounterActionBodies)[A]>;

/** The socket payload of a body schema: the same fields plus the caller's `counterId`. */
export function withCounter<P extends TProperties>(body: TObject<P>) {
  return Type.Object({ counterId: Id, ...body.properties }, strict);
}

export const CounterRefPayload = Type.Object({ counterId: Id }, strict);
export type CounterRef = Static<typeof CounterRefPayload>;

export type CounterActionPayload<A extends CounterAction> = CounterRef & CounterActionBody<A>;

/** Raise the silent alarm at a counter: no fields besides the counter. */
export const AlarmBody = Empty;
export const AlarmRefPayload = Type.Object({ alarmId: Id }, strict);
export type AlarmRef = Static<typeof AlarmRefPayload>;

/** Staff notes on a ticket: the HTTP body (`PUT /api/tickets/:ref/notes`); the socket adds `ticketRef`. */
export const NotesBody = Type.Object({ notes: Type.String({ maxLength: NOTES_MAX_LENGTH }) }, strict);
export const NotesPayloadSchema = Type.Object({ ticketRef: TicketRef, notes: Type.String({ maxLength: NOTES_MAX_LENGTH }) }, strict);
export type NotesPayload = Static<typeof NotesPayloadSchema>;
