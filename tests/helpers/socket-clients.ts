import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../common/protocol.js';

/**
 * Real socket.io-client sockets against a real test server. Every socket made
 * here is remembered so a test file can close them all in afterEach/afterAll.
 */

export interface ConnectOptions {
  /** Cookie header value (the staff session), sent with the websocket handshake. */
  cookie?: string;
  /** Handshake auth; defaults to the current protocol version. Pass `null` to send no auth at all. */
  auth?: Record<string, unknown> | null;
  timeoutMs?: number;
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

const open = new Set<Socket>();
const logs = new WeakMap<Socket, Array<{ event: string; payload: any }>>();

/** Every event the server sent this socket since it was created (acks excluded), in arrival order. */
export function history<T = any>(socket: Socket): Array<{ event: string; payload: T }> {
  return logs.get(socket) ?? [];
}

/** The payloads of one event in `history`. */
export function received<T = any>(socket: Socket, event: string): T[] {
  return history<T>(socket)
    .filter((e) => e.event === event)
    .map((e) => e.payload);
}

/** Like waitFor, but an event already in the socket's history counts too. */
export function firstOf<T = any>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  const seen = received<T>(socket, event).find(predicate);
  return seen !== undefined ? Promise.resolve(seen) : waitFor(socket, event, predicate, timeoutMs);
}

/** Connects to `${url}${ns}`; resolves once connected, rejects on connect_error with its message and data. */
export function connect(url: string, ns: string, opts: ConnectOptions = {}): Promise<Socket> {
  const socket = io(`${url}${ns}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: opts.timeoutMs ?? 5000,
    ...(opts.auth === null ? {} : { auth: opts.auth ?? { protocol: PROTOCOL_VERSION } }),
    ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
  });
  open.add(socket);
  const log: Array<{ event: string; payload: any }> = [];
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
export function waitFor<T = any>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for "${event}"`));
    }, timeoutMs);
    const listener = (payload: T) => {
      let matches: boolean;
      try {
        matches = predicate(payload);
      } catch (err) {
        clearTimeout(timer);
        socket.off(event, listener);
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (!matches) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Records every payload of the given events, in arrival order. */
export function record<T = any>(socket: Socket, ...events: string[]): Array<{ event: string; payload: T }> {
  const seen: Array<{ event: string; payload: T }> = [];
  for (const event of events) socket.on(event, (payload: T) => seen.push({ event, payload }));
  return seen;
}

/** Emits with an acknowledgement and resolves with the ack; rejects when no ack comes within 5 s. */
export function emitAck<T = any>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, ...args) as Promise<T>;
}

/** Resolves when the server closes the socket (or it is already disconnected). */
export function waitForDisconnect(socket: Socket, timeoutMs = 5000): Promise<string> {
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
