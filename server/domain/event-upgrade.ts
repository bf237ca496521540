import { EVENT_CATALOG, type EventPayloads, type LoggedEvent, type LoggedEventOf } from './events.js';

/**
 * Reading the log across payload versions. A row keeps the version it was
 * written with (`v`) and its payload as it was then; readers always get
 * today's payload types. Fields a later version added are null in older
 * rows, and `v` still says which version wrote the row, so a statistic can
 * tell "not recorded then" from "unknown" (e.g. an estimate).
 */

type CreatedV1<K extends 'ticket.issued' | 'ticket.checked_in'> = Omit<LoggedEventOf<K>, 'v' | 'data'> & {
  v: 1;
  /** Before v2 the visitor's estimate and place in line were not recorded. */
  data: Omit<EventPayloads[K], 'estimate' | 'position' | 'nextServiceIds'>;
};

type CreatedV2<K extends 'ticket.issued' | 'ticket.checked_in'> = Omit<LoggedEventOf<K>, 'v' | 'data'> & {
  v: 2;
  /** Before v3 (#17) a ticket was for one service: no further services of the visit. */
  data: Omit<EventPayloads[K], 'nextServiceIds'>;
};

/** An event as the log holds it: today's payload, or an older version of one that changed since. */
export type StoredEvent =
  | LoggedEvent
  | CreatedV1<'ticket.issued'>
  | CreatedV1<'ticket.checked_in'>
  | CreatedV2<'ticket.issued'>
  | CreatedV2<'ticket.checked_in'>;

/** Thrown for a row this version cannot read (written by a newer server): guessing would corrupt statistics. */
export class UnreadableEventError extends Error {
  constructor(seq: number, what: string) {
    super(`event ${seq}: ${what}; was it written by a newer version of the server?`);
    this.name = 'UnreadableEventError';
  }
}

/** Whether a row was written at payload version 1 (narrowing to that version's shape, where there is one). */
function writtenAtV1<E extends StoredEvent>(e: E): e is Extract<E, { v: 1 }> {
  return e.v === 1;
}

/** Whether a row was written at payload version 2 (narrowing likewise). */
function writtenAtV2<E extends StoredEvent>(e: E): e is Extract<E, { v: 2 }> {
  return e.v === 2;
}

/** Today's shape of any stored event. Pure: no I/O, same row in, same event out. */
export function upgradeEvent(e: StoredEvent): LoggedEvent {
  if (e.v > EVENT_CATALOG[e.type].version || e.v < 1) {
    throw new UnreadableEventError(e.seq, `${e.type} payload version ${e.v} is unknown`);
  }
  switch (e.type) {
    case 'ticket.issued':
      if (writtenAtV1(e)) return { ...e, data: { ...e.data, estimate: null, position: null, nextServiceIds: [] } };
      return writtenAtV2(e) ? { ...e, data: { ...e.data, nextServiceIds: [] } } : e;
    case 'ticket.checked_in':
      if (writtenAtV1(e)) return { ...e, data: { ...e.data, estimate: null, position: null, nextServiceIds: [] } };
      return writtenAtV2(e) ? { ...e, data: { ...e.data, nextServiceIds: [] } } : e;
    default:
      return e;
  }
}
