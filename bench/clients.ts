import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../common/protocol.js';
import { atExit } from './cleanup.js';

/** Every client socket the bench opens, so a failing scenario still closes them. */
const open = new Set<Socket>();
atExit(() => closeSockets([...open]));

/**
 * The bench server's default kiosk token (KIOSK_TOKEN at its first start,
 * see server-process.ts): /kiosk serves paired kiosks only, so the bench's
 * kiosk sockets show it, as a paired kiosk does.
 */
export const BENCH_KIOSK_TOKEN = 'bench-kiosk-token-0123456789abcdefghijklmnopq';

export interface ConnectOptions {
  cookie?: string;
  timeoutMs?: number;
  /** Connect from this local address (e.g. 127.0.0.2, to be another client than the probes). */
  localAddress?: string;
  /** More handshake fields: a display's `area`, a phone's `ticket`. */
  auth?: Readonly<Record<string, string>>;
  /** Counts as connected only once this event (e.g. the first snapshot) has arrived. */
  ready?: string;
}

/** One socket on its own websocket connection (what a display or a phone is), connected. */
export function connectSocket(url: string, ns: string, opts: ConnectOptions = {}): Promise<Socket> {
  const socket = io(`${url}${ns}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: opts.timeoutMs ?? 20_000,
    auth: { ...opts.auth, ...(ns === '/kiosk' ? { protocol: PROTOCOL_VERSION, device: BENCH_KIOSK_TOKEN } : { protocol: PROTOCOL_VERSION }) },
    ...(opts.cookie ? { extraHeaders: { cookie: opts.cookie } } : {}),
    ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
  });
  open.add(socket);
  return new Promise((resolve, reject) => {
    // Listening before the handshake: the event may come right with it.
    const ready = opts.ready ? new Promise<void>((done) => socket.once(opts.ready as string, () => done())) : Promise.resolve();
    socket.once('connect', () => {
      socket.off('connect_error');
      void ready.then(() => resolve(socket));
    });
    socket.once('connect_error', (err: Error) => {
      socket.close();
      open.delete(socket);
      reject(new Error(`connecting to ${ns} failed: ${err.message}`));
    });
  });
}

/**
 * Connects `count` sockets, `nsFor(i)` choosing each one's namespace, with at
 * most `concurrency` handshakes in flight (a burst of thousands at once only
 * measures the accept queue). With `deadline` (a performance.now() instant) no
 * new handshake starts after it, and fewer sockets may come back.
 */
export async function connectMany(
  url: string,
  count: number,
  nsFor: (i: number) => string,
  opts: { concurrency?: number; deadline?: number; authFor?: (i: number) => Readonly<Record<string, string>>; ready?: string } = {},
): Promise<Socket[]> {
  const sockets: Socket[] = [];
  let next = 0;
  const deadline = opts.deadline ?? Number.POSITIVE_INFINITY;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      sockets.push(await connectSocket(url, nsFor(i), { ...(opts.authFor ? { auth: opts.authFor(i) } : {}), ...(opts.ready ? { ready: opts.ready } : {}) }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 64, count) }, worker));
  return sockets;
}

export function closeSockets(sockets: readonly Socket[]): void {
  for (const s of sockets) {
    s.removeAllListeners();
    s.close();
    open.delete(s);
  }
}

export type AckReply = { ok: true; ticket: { id: string; number: string; serviceId: string; status: string } | null } | {
  ok: false;
  error: { code: string; message: string };
};

/** Emits a staff command and resolves with its acknowledgement and round-trip time in ms. */
export async function command(
  socket: Socket,
  event: string,
  payload: Record<string, unknown>,
  timeoutMs = 10_000,
): Promise<{ reply: AckReply; ms: number }> {
  const t0 = performance.now();
  const reply = (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as AckReply;
  return { reply, ms: performance.now() - t0 };
}

/**
 * Watches `ticket:called` on a set of display sockets and tells when a given
 * number has reached all of them (the time of the last arrival).
 */
export class Arrivals {
  private readonly seen = new Map<string, { count: number; last: number; done?: (t: number) => void }>();

  constructor(private readonly expected: number) {}

  attach(sockets: readonly Socket[]): void {
    for (const s of sockets) s.on('ticket:called', (call: { number: string }) => this.arrived(call.number));
  }

  private arrived(number: string): void {
    const now = performance.now();
    let entry = this.seen.get(number);
    if (!entry) {
      entry = { count: 0, last: now };
      this.seen.set(number, entry);
    }
    entry.count++;
    entry.last = now;
    if (entry.count === this.expected && entry.done) {
      entry.done(now);
      this.seen.delete(number);
    }
  }

  /** Resolves with the arrival time at the last of the sockets. */
  allReached(number: string, timeoutMs = 10_000): Promise<number> {
    const entry = this.seen.get(number);
    if (entry && entry.count >= this.expected) {
      this.seen.delete(number);
      return Promise.resolve(entry.last);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const got = this.seen.get(number)?.count ?? 0;
        this.seen.delete(number);
        reject(new Error(`ticket:called ${number} reached ${got} of ${this.expected} displays within ${timeoutMs} ms`));
      }, timeoutMs);
      const e = entry ?? { count: 0, last: 0 };
      e.done = (t) => {
        clearTimeout(timer);
        resolve(t);
      };
      this.seen.set(number, e);
    });
  }
}
