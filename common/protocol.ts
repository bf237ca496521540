import type {
  DisplayCall,
  PublicCounter,
  PublicService,
  ServiceQueueStats,
  SessionUser,
  StaffCounter,
  StaffTicket,
} from './dto.js';
import type { AlarmRef, CounterActionPayload, CounterRef, NotesPayload } from './commands.js';
import type { ErrorBody } from './errors.js';

/**
 * The socket.io contract. Bump PROTOCOL_VERSION on any incompatible change:
 * clients send it in the handshake (`auth.protocol`) and a mismatch is
 * refused with connect_error `PROTOCOL_MISMATCH`, so week-old display bundles
 * reload instead of misreading events.
 */
export const PROTOCOL_VERSION = 3;

export const NAMESPACES = {
  display: '/display',
  kiosk: '/kiosk',
  counter: '/counter',
} as const;

/**
 * Every push carries `seq`, counted per namespace and starting afresh with each
 * server `epoch`. A client that sees a gap (seq ≠ last + 1) or a new epoch asks
 * for a snapshot.
 */
export interface Sequenced {
  seq: number;
  epoch: string;
}

/** Snapshots name the office's time zone: apps format times in it, never in the device's own. */
export interface OfficeClock {
  /** IANA time zone of the office, e.g. "Europe/Berlin". */
  timeZone: string;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type AckFn<T> = (result: Ack<T>) => void;

export interface DisplaySnapshot extends Sequenced, OfficeClock {
  calls: DisplayCall[];
  counters: PublicCounter[];
  services: PublicService[];
}

export interface KioskSnapshot extends Sequenced, OfficeClock {
  services: PublicService[];
}

export interface CounterSnapshot extends Sequenced, OfficeClock {
  user: SessionUser;
  services: ServiceQueueStats[];
  /** Today's waiting, called and serving tickets. */
  tickets: StaffTicket[];
  counters: StaffCounter[];
  /** Alarms raised today that nobody has acknowledged, oldest first. */
  alarms: CounterAlarm[];
  /**
   * Per open counter, the staff refs of its first CALL_ORDER_LIMIT callable
   * waiting tickets in the order `call-next` would take them.
   */
  callOrder: Record<string, string[]>;
}

/**
 * How many tickets of a counter's call order staff screens get: more than a
 * desk can show, and a push stays the same size however long the queue is.
 */
export const CALL_ORDER_LIMIT = 50;

export interface QueueChanged extends Sequenced {
  /** Tickets whose state changed; a ticket no longer waiting/called/serving has its final status. */
  tickets: StaffTicket[];
  counters: StaffCounter[];
  services: ServiceQueueStats[];
  /**
   * The call order (its first CALL_ORDER_LIMIT) of every open counter whose order changed
   * since the previous push; a counter not listed keeps its order, a counter no longer
   * open has none. Sending every counter's order with every change would cost
   * O(counters × waiting) per push and per staff screen.
   */
  callOrder: Record<string, string[]>;
}

export type TicketCalledEvent = DisplayCall & Sequenced;

export interface ServicesStatus extends Sequenced {
  services: PublicService[];
}

export interface DisplayServerEvents {
  'display:snapshot': (s: DisplaySnapshot) => void;
  'ticket:called': (e: TicketCalledEvent) => void;
  'services:status': (e: ServicesStatus) => void;
  'device:changed': (e: DeviceChanged) => void;
}

/**
 * An admin changed a kiosk's or screen's record (#15). Unnumbered (a signal,
 * not a push): the device with this id reads its record again; the others
 * ignore it. Sent to every screen and kiosk, which is cheap for an edit.
 */
export interface DeviceChanged {
  id: string;
  /** The record's version after the change; 0 when it was deleted. */
  version: number;
}
/**
 * A screen names the areas it shows (`auth: {protocol, area: 'eg'}`, several
 * comma-separated): it then receives only the calls of counters there, and
 * its pushes are numbered among the screens of the same areas. Without it (or
 * naming no known area) a screen receives every area's calls, as before.
 */
export interface DisplayHandshakeAuth extends HandshakeAuth {
  area?: string;
}

export interface DisplayClientEvents {
  snapshot: (ack: AckFn<{ snapshot: DisplaySnapshot }>) => void;
}

export interface KioskServerEvents {
  'kiosk:snapshot': (s: KioskSnapshot) => void;
  'services:status': (e: ServicesStatus) => void;
  'device:changed': (e: DeviceChanged) => void;
}
export interface KioskClientEvents {
  snapshot: (ack: AckFn<{ snapshot: KioskSnapshot }>) => void;
}

export type TicketAck = AckFn<{ ticket: StaffTicket | null; counter: StaffCounter }>;

/** Emergency / silent alarm raised at a counter; staff sockets see it until someone acknowledges it. */
export interface CounterAlarm {
  alarmId: string;
  counterId: string;
  counterName: string;
  /** Display name of the staff member who raised it. */
  raisedBy?: string;
  at: number;
}

export interface AlarmCleared {
  alarmId: string;
  /** Display name of the staff member who acknowledged it. */
  acknowledgedBy?: string;
  at: number;
}

export type AlarmRaisedEvent = { alarm: CounterAlarm } & Sequenced;
export type AlarmClearedEvent = { cleared: AlarmCleared } & Sequenced;

export interface CounterServerEvents {
  'counter:snapshot': (s: CounterSnapshot) => void;
  'queue:changed': (e: QueueChanged) => void;
  /** Pushed to every staff socket, the raising one included (it already has it from the acknowledgement). */
  'alarm:raised': (e: AlarmRaisedEvent) => void;
  'alarm:cleared': (e: AlarmClearedEvent) => void;
}
export interface CounterClientEvents {
  snapshot: (ack: AckFn<{ snapshot: CounterSnapshot }>) => void;
  'counter:open': (p: CounterActionPayload<'open'>, ack: TicketAck) => void;
  'counter:close': (p: CounterActionPayload<'close'>, ack: TicketAck) => void;
  'counter:call-next': (p: CounterActionPayload<'call-next'>, ack: TicketAck) => void;
  'counter:call': (p: CounterActionPayload<'call'>, ack: TicketAck) => void;
  'counter:recall': (p: CounterActionPayload<'recall'>, ack: TicketAck) => void;
  'counter:start': (p: CounterActionPayload<'start'>, ack: TicketAck) => void;
  'counter:finish': (p: CounterActionPayload<'finish'>, ack: TicketAck) => void;
  /** #17: finish this service and send the visitor, same number, to the next one (`serviceId`, default `nextServiceIds[0]`). */
  'counter:finish-next': (p: CounterActionPayload<'finish-next'>, ack: TicketAck) => void;
  'counter:no-show': (p: CounterActionPayload<'no-show'>, ack: TicketAck) => void;
  'counter:return': (p: CounterActionPayload<'return'>, ack: TicketAck) => void;
  'counter:transfer': (p: CounterActionPayload<'transfer'>, ack: TicketAck) => void;
  'counter:alarm': (p: CounterRef, ack: AckFn<{ alarm: CounterAlarm }>) => void;
  'counter:alarm-ack': (p: AlarmRef, ack: AckFn<{ cleared: AlarmCleared }>) => void;
  'counter:notes': (p: NotesPayload, ack: AckFn<{ ticket: StaffTicket }>) => void;
}

/** The staff actions on a counter, shared by the HTTP routes and socket events; their schemas are in commands.ts. */
export const COUNTER_ACTIONS = [
  'open',
  'close',
  'call-next',
  'call',
  'recall',
  'start',
  'finish',
  'finish-next',
  'no-show',
  'return',
  'transfer',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

/** Longest note staff may keep on a ticket (characters). */
export const NOTES_MAX_LENGTH = 2000;

export type { AlarmRef, CounterActionPayload, CounterRef, NotesPayload };

export interface HandshakeAuth {
  protocol?: number;
}

/**
 * What an event map says about one event: its payload (undefined when the
 * event takes only an acknowledgement) and the acknowledgement's reply. The
 * browser channel and the test helpers infer both from the event name.
 */
export type PayloadOf<M, E extends keyof M> = M[E] extends (ack: AckFn<infer _R>) => void
  ? undefined
  : M[E] extends (payload: infer P, ack: AckFn<infer _R>) => void
    ? P
    : M[E] extends (payload: infer P) => void
      ? P
      : never;
export type ReplyOf<M, E extends keyof M> = M[E] extends (...args: infer A) => void
  ? A extends [...unknown[], AckFn<infer R>]
    ? Ack<R>
    : never
  : never;

/*
 * The visitor's phone (/visitor): one ticket per socket. The handshake carries
 * the ticket token (`auth: {ticket, protocol}`); an unknown or expired token is
 * refused with connect_error TICKET_NOT_FOUND or TICKET_EXPIRED. Pushes are
 * counted per ticket rather than per namespace, so a phone sees no gaps from
 * other visitors' tickets.
 */
import type { PublicTicket } from './dto.js';

export const VISITOR_NAMESPACE = '/visitor';

export interface VisitorHandshakeAuth extends HandshakeAuth {
  ticket?: string;
}

export interface VisitorSnapshot extends Sequenced, OfficeClock {
  ticket: PublicTicket;
}

/** The ticket's public view changed: position, estimate, status or counter (a recall changes calledAt). */
export interface TicketStatusEvent extends Sequenced {
  ticket: PublicTicket;
}

export interface VisitorServerEvents {
  'visitor:snapshot': (s: VisitorSnapshot) => void;
  'ticket:status': (e: TicketStatusEvent) => void;
  /** The office day ended; the server disconnects right after. */
  'ticket:expired': (e: ErrorBody) => void;
}
export interface VisitorClientEvents {
  snapshot: (ack: AckFn<{ snapshot: VisitorSnapshot }>) => void;
}

/*
 * #16 live supervision (/supervisor): team leads and admins (use case
 * `stats.live`) with a staff session, as on /counter. A snapshot of the floor
 * on connect and on request, and the whole picture again after every committed
 * change, numbered like every namespace's pushes (a gap or a new epoch loads a
 * snapshot). The picture is small (one row per service and counter), so each
 * push carries all of it.
 */
import type { FloorPicture } from './floor.js';

export const SUPERVISOR_NAMESPACE = '/supervisor';

export interface SupervisorSnapshot extends Sequenced, OfficeClock {
  floor: FloorPicture;
}

export interface FloorChanged extends Sequenced {
  floor: FloorPicture;
}

export interface SupervisorServerEvents {
  'supervisor:snapshot': (s: SupervisorSnapshot) => void;
  'floor:changed': (e: FloorChanged) => void;
}
export interface SupervisorClientEvents {
  snapshot: (ack: AckFn<{ snapshot: SupervisorSnapshot }>) => void;
}
