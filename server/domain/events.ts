import { EVENT_CATALOG, type DomainEvent, type EventPayloads, type EventType } from '../../common/events.js';

/**
 * Facts the core emits. The store appends each one to the event log in the
 * same transaction as the state change; statistics and the audit trail are
 * read from that log. The types live in common/events.ts (the contract);
 * ARCHITECTURE.md ("The event log") says what each one means.
 */
export {
  EVENT_CATALOG,
  EVENT_TYPES,
  isEventType,
  type DomainEvent,
  type EventOf,
  type EventPayloads,
  type EventType,
  type LoggedEvent,
  type LoggedEventOf,
} from '../../common/events.js';

/** The ids an event may name; whichever are left out are null. */
export interface EventIds {
  ticketId?: string | null;
  serviceId?: string | null;
  counterId?: string | null;
  userId?: string | null;
}

type EmptyPayload = Record<string, never>;
/** Event types whose payload is empty: only these may leave `data` out. */
export type EmptyEventType = { [K in EventType]: EventPayloads[K] extends EmptyPayload ? K : never }[EventType];

/**
 * EventOf<K> in the form TypeScript can check while K is still generic (the
 * contract's Extract form cannot be built generically); the same type for
 * every concrete K.
 */
type Envelope = Omit<DomainEvent, 'type' | 'data'>;
type NewEvent<K extends EventType> = { [P in K]: Envelope & { type: P; data: EventPayloads[P] } }[K];

const EMPTY_PAYLOADS: { [K in EmptyEventType]: EventPayloads[K] } = {
  'ticket.started': {},
  'ticket.cancelled': {},
  'counter.closed': {},
  'auth.signed_in': {},
  'auth.signed_out': {},
};
const EMPTY: { [K in EventType]?: EventPayloads[K] } = EMPTY_PAYLOADS;

function emptyPayload<K extends EventType>(type: K): EventPayloads[K] {
  const data = EMPTY[type];
  // Unreachable through the overloads below: only empty payloads may be left out.
  if (data === undefined) throw new Error(`${type} needs a payload`);
  return data;
}

/** An event of type K written now, at payload version EVENT_CATALOG[K].version. */
export function event<K extends EmptyEventType>(type: K, at: number, fields?: EventIds & { data?: EventPayloads[K] }): NewEvent<K>;
export function event<K extends EventType>(type: K, at: number, fields: EventIds & { data: EventPayloads[K] }): NewEvent<K>;
export function event<K extends EventType>(
  type: K,
  at: number,
  fields: EventIds & { data?: EventPayloads[K] } = {},
): NewEvent<K> {
  return {
    type,
    v: EVENT_CATALOG[type].version,
    at,
    ticketId: fields.ticketId ?? null,
    serviceId: fields.serviceId ?? null,
    counterId: fields.counterId ?? null,
    userId: fields.userId ?? null,
    data: fields.data ?? emptyPayload(type),
  };
}
