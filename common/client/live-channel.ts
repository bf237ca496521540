import { io, type Socket } from 'socket.io-client';
import type { ErrorCode } from '../errors.js';
import { PROTOCOL_VERSION, type Ack, type PayloadOf, type Sequenced } from '../protocol.js';
import type { CommandEvent, CommandReply, PushHandlers, SignalHandlers, SnapshotEvent, SnapshotOf } from './channel-types.js';
import { SeqTracker } from './seq-tracker.js';
import { pageWakeSource, type WakeSource } from './wake.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface ChannelTiming {
  commandTimeoutMs: number;
  resyncTimeoutMs: number;
  /** A snapshot that does not come within this after a wake-up means the socket is dead. */
  wakeTimeoutMs: number;
  /** After a snapshot request nobody answered (server busy or restarting). */
  resyncRetryMs: number;
  /** After the server closed the socket on purpose, unless the app says otherwise. */
  serverDisconnectRetryMs: number;
  /** After a handshake refused for a reason that may pass (server busy): socket.io does not retry those. */
  refusedRetryMs: number;
  /** Before reloading a page whose protocol the server no longer speaks. */
  outdatedReloadMs: number;
  /** Longest wait for a websocket probe to settle before closing the socket anyway. */
  probeWaitMs: number;
}

export const DEFAULT_TIMING: ChannelTiming = {
  // Long enough for a busy server, short enough that a click never hangs unanswered.
  commandTimeoutMs: 5000,
  resyncTimeoutMs: 10_000,
  wakeTimeoutMs: 4000,
  resyncRetryMs: 2000,
  serverDisconnectRetryMs: 2000,
  refusedRetryMs: 5000,
  outdatedReloadMs: 5000,
  probeWaitMs: 5000,
};

export interface LiveChannelOptions<S, C, K, F extends ErrorCode> {
  /** e.g. '/display' */
  namespace: string;
  /** Handshake fields besides the protocol version, e.g. the visitor's ticket. */
  auth?: Readonly<Record<string, string>>;
  /** The event the server sends on connect, e.g. 'display:snapshot'. */
  snapshotEvent: K;
  onSnapshot(snapshot: SnapshotOf<C>): void;
  /** Every numbered push of the namespace; each runs only for the next seq in order. */
  pushes: PushHandlers<S, K>;
  /** Unnumbered events (e.g. `device:changed`): they neither need nor leave a place in the sequence. */
  signals?: SignalHandlers<S, K>;
  onState?(state: ConnectionState): void;
  /** Refusals that end the channel for good, from the handshake or a snapshot request (a token that expired, a session that ended). */
  final?: { codes: readonly F[]; on(code: F): void };
  /** The server closed the socket on purpose; the channel reconnects once this settles (unless closed meanwhile). Default: wait 2 s. */
  afterServerDisconnect?(): Promise<void>;
  /** The server speaks another protocol version. Default: reload the page after a pause. */
  onOutdated?(): void;
  /** Server origin; defaults to the page's. */
  url?: string;
  /** Default: the page's visibility, network and back/forward-cache events; null for none. */
  wake?: WakeSource | null;
  timing?: Partial<ChannelTiming>;
}

type SnapshotReply<C> = Ack<{ snapshot: SnapshotOf<C> & Sequenced }>;
/** A push handler seen from inside the channel, where any numbered payload may arrive (method syntax: bivariant). */
type Applier = { apply(push: Sequenced): void }['apply'];
type SignalApplier = { apply(payload: unknown): void }['apply'];
type SnapshotOutcome = 'applied' | 'refused' | 'no-answer';

/**
 * One socket per app with the protocol's rules: pushes apply in seq order; a
 * gap, a new epoch, a reconnect or a wake-up loads a fresh snapshot; the
 * channel reconnects after the server closed it and forever after network
 * loss (screens run for weeks); refusals the app names are final; a protocol
 * mismatch reloads. Commands are typed by the namespace's event map.
 */
export class LiveChannel<S extends object, C extends object, K extends SnapshotEvent<S, C>, F extends ErrorCode = never> {
  /** Typed by the namespace's maps, for events the channel does not handle itself. */
  readonly socket: Socket<S, C>;
  state: ConnectionState = 'connecting';
  /** The same socket seen untyped: event names here are data, checked by the options' types. */
  private readonly raw: Socket;
  private readonly seq = new SeqTracker();
  private readonly timing: ChannelTiming;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly unwake: () => void;
  private resyncing = false;
  private probing = false;
  private closed = false;

  constructor(private readonly o: LiveChannelOptions<S, C, K, F>) {
    this.timing = { ...DEFAULT_TIMING, ...o.timing };
    const base = o.url ?? globalThis.location?.origin ?? '';
    this.raw = io(`${base}${o.namespace}`, {
      auth: { ...o.auth, protocol: PROTOCOL_VERSION },
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      withCredentials: true,
    });
    this.socket = this.raw;
    this.raw.io.on('open', () => this.watchProbe());
    this.raw.on('connect', () => this.setState('online'));
    this.raw.on('disconnect', (reason) => this.onDisconnect(reason));
    this.raw.on('connect_error', (err) => this.onRefused(err.message));
    const snapshotEvent: string = o.snapshotEvent;
    this.raw.on(snapshotEvent, (s: SnapshotOf<C> & Sequenced) => this.applySnapshot(s));
    const pushes: Readonly<Record<string, Applier>> = o.pushes;
    for (const [event, apply] of Object.entries(pushes)) {
      this.raw.on(event, (push: Sequenced) => this.applyPush(push, () => apply(push)));
    }
    const signals: Readonly<Record<string, SignalApplier | undefined>> = o.signals ?? {};
    for (const [event, apply] of Object.entries(signals)) {
      if (apply) this.raw.on(event, (payload: unknown) => apply(payload));
    }
    const wake = o.wake === undefined ? (typeof document === 'undefined' ? null : pageWakeSource) : o.wake;
    this.unwake = wake ? wake(this.wake) : () => undefined;
  }

  /** Sends a command; resolves to the namespace's reply for it, or TIMEOUT. Never rejects. */
  async command<E extends CommandEvent<C>>(event: E, payload: PayloadOf<C, E>, timeoutMs = this.timing.commandTimeoutMs): Promise<CommandReply<C, E>> {
    try {
      return await this.ask<CommandReply<C, E>>(timeoutMs, event, payload);
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer.' } };
    }
  }

  /** Loads a fresh snapshot (after a gap, or when the app suspects time has changed what it shows). */
  async resync(): Promise<void> {
    if (this.resyncing || this.closed) return;
    this.resyncing = true;
    const outcome = await this.requestSnapshot(this.timing.resyncTimeoutMs);
    this.resyncing = false;
    // A reconnect brings a snapshot anyway; only a live socket that did not answer is asked again.
    if (outcome === 'no-answer' && this.raw.connected) this.later(this.timing.resyncRetryMs, () => void this.resync());
  }

  /** The device may have slept or been offline: a socket that looks connected may be dead without knowing it. */
  readonly wake = (): void => {
    if (this.closed) return;
    if (!this.raw.connected) return this.reconnect();
    void this.requestSnapshot(this.timing.wakeTimeoutMs).then((outcome) => {
      if (outcome !== 'no-answer' || this.closed) return;
      this.raw.disconnect();
      this.raw.connect();
    });
  };

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unwake();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.release();
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.o.onState?.(state);
  }

  private applySnapshot(s: SnapshotOf<C> & Sequenced): void {
    if (!this.closed && this.seq.snapshot(s)) this.o.onSnapshot(s);
  }

  private applyPush(push: Sequenced, apply: () => void): void {
    if (this.closed) return;
    const verdict = this.seq.push(push);
    if (verdict === 'apply') apply();
    else if (verdict === 'resync') void this.resync();
  }

  private async requestSnapshot(timeoutMs: number): Promise<SnapshotOutcome> {
    let reply: SnapshotReply<C>;
    try {
      reply = await this.ask<SnapshotReply<C>>(timeoutMs, 'snapshot');
    } catch {
      return 'no-answer';
    }
    if (reply.ok) {
      this.applySnapshot(reply.snapshot);
      return 'applied';
    }
    const final = this.finalCode(reply.error.code);
    if (final) this.finish(final);
    return 'refused';
  }

  /**
   * An event with an acknowledgement; rejects when none comes in time. The one place an
   * answer is taken to be what the event map says, as socket.io's typed sockets do.
   */
  private async ask<R>(timeoutMs: number, event: string, ...args: unknown[]): Promise<R> {
    const reply: unknown = await this.raw.timeout(timeoutMs).emitWithAck(event, ...args);
    return reply as R;
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    this.seq.reset();
    this.setState('offline');
    if (reason !== 'io server disconnect' || this.closed) return;
    // socket.io does not reconnect by itself after the server closed the socket on purpose.
    const before = this.o.afterServerDisconnect?.() ?? this.pause(this.timing.serverDisconnectRetryMs);
    void before.then(this.reconnect, this.reconnect);
  }

  private onRefused(code: string): void {
    this.setState('offline');
    if (this.closed) return;
    if (code === 'PROTOCOL_MISMATCH') {
      this.close();
      const reload = () => setTimeout(() => globalThis.location?.reload(), this.timing.outdatedReloadMs);
      return void (this.o.onOutdated ?? reload)();
    }
    const final = this.finalCode(code);
    if (final) return this.finish(final);
    // socket.io retries lost connections itself, but not a handshake the server refused.
    if (!this.raw.active) this.later(this.timing.refusedRetryMs, this.reconnect);
  }

  private readonly reconnect = (): void => {
    if (!this.closed && !this.raw.active) this.raw.connect();
  };

  private finalCode(code: string): F | undefined {
    return this.o.final?.codes.find((c) => c === code);
  }

  private finish(code: F): void {
    this.close();
    this.o.final?.on(code);
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => this.later(ms, resolve));
  }

  /** After each engine start socket.io probes a websocket next to long-polling. */
  private watchProbe(): void {
    this.probing = true;
    const settled = () => (this.probing = false);
    this.raw.io.engine.once('upgrade', settled);
    this.raw.io.engine.once('upgradeError', settled);
  }

  /** Closes the socket, but not while its websocket probe is connecting: a websocket closed then is logged as an error. */
  private release(): void {
    if (!this.probing) return void this.raw.close();
    const engine = this.raw.io.engine;
    let done = false;
    const close = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.raw.close();
    };
    const timer = setTimeout(close, this.timing.probeWaitMs);
    engine.once('upgrade', close);
    engine.once('upgradeError', close);
  }
}
