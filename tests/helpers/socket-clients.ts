import { io, type Socket } from 'socket.io-client';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';
import type { StaffTicket } from '../../common/dto.js';
import type { ErrorBody } from '../../common/errors.js';
import {
  PROTOCOL_VERSION,
  SUPERVISOR_NAMESPACE,
  VISITOR_NAMESPACE,
  type Ack,
  type CounterClientEvents,
  type CounterServerEvents,
  type DisplayClientEvents,
  type DisplayServerEvents,
  type KioskClientEvents,
  type KioskServerEvents,
  type PayloadOf,
  type ReplyOf,
  type SupervisorClientEvents,
  type SupervisorServerEvents,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '../../common/protocol.js';

/**
 * Real socket.io-client sockets against a real test server, typed with the
 * event maps of common/protocol.ts: a push's payload and an acknowledgement's
 * reply are inferred from the event name. Every socket made here is
 * remembered so a test file can close them all in afterEach/afterAll.
 */

/** Per namespace: what the server sends (`pushes`) and what the client sends (`requests`). */
interface Channels {
  '/display': { pushes: DisplayServerEvents; requests: DisplayClientEvents };
  '/kiosk': { pushes: KioskServerEvents; requests: KioskClientEvents };
  '/counter': { pushes: CounterServerEvents; requests: CounterClientEvents };
  [VISITOR_NAMESPACE]: { pushes: VisitorServerEvents; requests: VisitorClientEvents };
  [SUPERVISOR_NAMESPACE]: { pushes: SupervisorServerEvents; requests: SupervisorClientEvents };
}
export type NamespaceName = keyof Channels;
export type ClientSocket<N extends NamespaceName> = Socket<Channels[N]['pushes'], Channels[N]['requests']>;

/** A push as received: the event's name and its payload. */
export type Received<S> = { [E in keyof S & string]: { event: E; payload: PayloadOf<S, E> } }[keyof S & string];
/** The arguments of a request before its acknowledgement: none, or the payload (per event of a union). */
type RequestArgs<C, E extends keyof C> = E extends unknown ? (PayloadOf<C, E> extends undefined ? [] : [payload: PayloadOf<C, E>]) : never;
/** The reply to a request (per event of a union, e.g. `counter:${action}`). */
type Reply<C, E extends keyof C> = E extends unknown ? ReplyOf<C, E> : never;

export interface ConnectOptions {
  /** Cookie header value (the staff session), sent with the websocket handshake. */
  cookie?: string;
  /** Handshake auth; defaults to the current protocol version (and, on /kiosk, the test kiosk's device token). Pass `null` to send no auth at all. */
  auth?: Record<string, unknown> | null;
  timeoutMs?: number;
  /** More handshake headers, e.g. `origin` or `x-forwarded-for`. */
  headers?: Record<string, string>;
  /** Connect from this local address, e.g. 127.0.0.2 for a second client address on loopback. */
  localAddress?: string;
}

/** The error a refused handshake rejects with: socket.io's connect_error message and data. */
export class ConnectRefused extends Error {
  constructor(
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = 'ConnectRefused';
  }
}

interface Wire {
  event: string;
  payload: unknown;
}

/**
 * The tests take the server at its word that a push carries what the
 * protocol's map says for its name (as socket.io's typed listeners do);
 * the assertions check what matters.
 */
function isPush<S, E extends keyof S & string>(entry: Wire, event: E): entry is { event: E; payload: PayloadOf<S, E> } {
  return entry.event === event;
}
function isReceived<S>(entry: Wire): entry is Received<S> {
  return typeof entry.event === 'string';
}
/** Likewise for a reply: it is an acknowledgement (`ok` tells which kind); the rest is the map's word. */
function isReply<C, E extends keyof C>(reply: unknown, _event: E): reply is Reply<C, E> {
  return typeof reply === 'object' && reply !== null && 'ok' in reply && typeof reply.ok === 'boolean';
}

const open = new Set<Socket>();
const logs = new WeakMap<Socket, Wire[]>();

/** Every event the server sent this socket since it was created (acks excluded), in arrival order. */
export function history<S extends object, C extends object>(socket: Socket<S, C>): Array<Received<S>> {
  return (logs.get(socket) ?? []).filter(isReceived<S>);
}

/** The payloads of one event in `history`. */
export function received<S extends object, C extends object, E extends keyof S & string>(socket: Socket<S, C>, event: E): Array<PayloadOf<S, E>> {
  const out: Array<PayloadOf<S, E>> = [];
  for (const entry of logs.get(socket) ?? []) if (isPush<S, E>(entry, event)) out.push(entry.payload);
  return out;
}

/** Like waitFor, but an event already in the socket's history counts too. */
export function firstOf<S extends object, C extends object, E extends keyof S & string>(
  socket: Socket<S, C>,
  event: E,
  predicate: (payload: PayloadOf<S, E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<PayloadOf<S, E>> {
  const seen = received(socket, event).find(predicate);
  return seen !== undefined ? Promise.resolve(seen) : waitFor(socket, event, predicate, timeoutMs);
}

/** Connects to `${url}${ns}`; resolves once connected, rejects on connect_error with its message and data. */
/** The protocol version; /kiosk serves paired kiosks only, so its sockets show the test kiosk's device token. */
function defaultAuth(ns: NamespaceName): Record<string, unknown> {
  return ns === '/kiosk' ? { protocol: PROTOCOL_VERSION, device: TEST_KIOSK_TOKEN } : { protocol: PROTOCOL_VERSION };
}

export function connect<N extends NamespaceName>(url: string, ns: N, opts: ConnectOptions = {}): Promise<ClientSocket<N>> {
  const socket: ClientSocket<N> = io(`${url}${ns}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: opts.timeoutMs ?? 5000,
    ...(opts.auth === null ? {} : { auth: opts.auth ?? defaultAuth(ns) }),
    extraHeaders: { ...opts.headers, ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
  });
  open.add(socket);
  const log: Wire[] = [];
  logs.set(socket, log);
  socket.onAny((event: string, payload: unknown) => log.push({ event, payload }));
  return new Promise((resolve, reject) => {
    const onConnect = () => {
      socket.off('connect_error', onError);
      resolve(socket);
    };
    const onError = (err: Error & { data?: unknown }) => {
      socket.off('connect', onConnect);
      socket.close();
      open.delete(socket);
      reject(new ConnectRefused(err.message, err.data));
    };
    socket.once('connect', onConnect);
    socket.once('connect_error', onError);
  });
}

/**
 * Resolves with the first `event` payload after this call that satisfies
 * `predicate`; rejects after `timeoutMs`.
 */
export function waitFor<S extends object, C extends object, E extends keyof S & string>(
  socket: Socket<S, C>,
  event: E,
  predicate: (payload: PayloadOf<S, E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<PayloadOf<S, E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${event}"`));
    }, timeoutMs);
    const listener = (name: string, payload: unknown) => {
      const entry = { event: name, payload };
      if (!isPush<S, E>(entry, event)) return;
      let matches: boolean;
      try {
        matches = predicate(entry.payload);
      } catch (err) {
        clearTimeout(timer);
        socket.offAny(listener);
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (!matches) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(entry.payload);
    };
    socket.onAny(listener);
  });
}

/** Emits a request with an acknowledgement and resolves with the reply; rejects when none comes within 5 s. */
export function emitAck<S extends object, C extends object, E extends keyof C & string>(
  socket: Socket<S, C>,
  event: E,
  ...args: RequestArgs<C, E>
): Promise<Reply<C, E>> {
  return emitAckUnchecked(socket, event, ...args);
}

/** `emitAck` with any arguments at all: for tests of what a well-behaved client would never send. */
export async function emitAckUnchecked<S extends object, C extends object, E extends keyof C & string>(
  socket: Socket<S, C>,
  event: E,
  ...args: unknown[]
): Promise<Reply<C, E>> {
  const reply: unknown = await untyped(socket).timeout(5000).emitWithAck(event, ...args);
  if (!isReply<C, E>(reply, event)) throw new Error(`"${event}" was answered with something else than an acknowledgement`);
  return reply;
}

/** Sends anything without waiting for an answer: junk events and payloads, no acknowledgement. */
export function emitUnchecked<S extends object, C extends object>(socket: Socket<S, C>, event: string, ...args: unknown[]): void {
  untyped(socket).emit(event, ...args);
}

function untyped<S extends object, C extends object>(socket: Socket<S, C>): Socket {
  return socket;
}

/** Reply of an acknowledged request when it succeeded; fails the test with the error otherwise. */
export function ok<R>(reply: Ack<R>): { ok: true } & R {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply;
}

/** Resolves when the server closes the socket (or it is already disconnected). */
export function waitForDisconnect<S extends object, C extends object>(socket: Socket<S, C>, timeoutMs = 5000): Promise<string> {
  if (socket.disconnected) return Promise.resolve('already disconnected');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket was not disconnected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export function closeAll(): void {
  for (const s of open) s.close();
  open.clear();
}

/** The ticket a counter command answered with, failing the test when it failed or answered none. */
export function ticketOf(reply: Ack<{ ticket: StaffTicket | null }>): StaffTicket {
  const { ticket } = ok(reply);
  if (!ticket) throw new Error('expected a ticket in the reply, got none');
  return ticket;
}

/** The error of a refused request, failing the test when it succeeded. */
export function failure<R>(reply: Ack<R>): ErrorBody {
  if (reply.ok) throw new Error('expected the request to be refused, it succeeded');
  return reply.error;
}
