import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type Sequenced } from '../protocol.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface LiveChannelOptions<Snapshot extends Sequenced> {
  /** e.g. '/display' */
  namespace: string;
  /** The event the server sends on connect, e.g. 'display:snapshot'. */
  snapshotEvent: string;
  onSnapshot(snapshot: Snapshot): void;
  /** Handlers for sequenced pushes; they run only for the next seq in order. */
  events: Record<string, (payload: never) => void>;
  onState?(state: ConnectionState): void;
  /** Server origin; defaults to the page's. */
  url?: string;
  /** Called when the server speaks another protocol version; default reloads the page. */
  onOutdated?(): void;
}

/**
 * One socket per app, with the resync rule of the protocol: apply pushes in
 * seq order; on a gap, a new epoch or a reconnect, load a fresh snapshot.
 * Screens run for weeks, so it reconnects forever with a capped back-off.
 */
export class LiveChannel<Snapshot extends Sequenced> {
  readonly socket: Socket;
  state: ConnectionState = 'connecting';
  private last: Sequenced | null = null;
  private resyncing = false;

  constructor(private readonly o: LiveChannelOptions<Snapshot>) {
    const base = o.url ?? globalThis.location?.origin ?? '';
    this.socket = io(`${base}${o.namespace}`, {
      auth: { protocol: PROTOCOL_VERSION },
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      withCredentials: true,
    });
    this.socket.on('connect', () => this.setState('online'));
    this.socket.on('disconnect', () => {
      this.last = null;
      this.setState('offline');
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      this.setState('offline');
      if (err.data?.code === 'PROTOCOL_MISMATCH' || err.message === 'PROTOCOL_MISMATCH') {
        (o.onOutdated ?? (() => setTimeout(() => globalThis.location?.reload(), 5000)))();
      }
    });
    this.socket.on(o.snapshotEvent, (s: Snapshot) => this.applySnapshot(s));
    for (const [event, handler] of Object.entries(o.events)) {
      this.socket.on(event, (payload: Sequenced) => this.applyPush(payload, handler as (p: Sequenced) => void));
    }
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.o.onState?.(state);
  }

  private applySnapshot(s: Snapshot): void {
    this.last = { seq: s.seq, epoch: s.epoch };
    this.o.onSnapshot(s);
  }

  private applyPush(p: Sequenced, handler: (p: Sequenced) => void): void {
    if (!this.last) return; // the snapshot on its way includes it
    if (p.epoch === this.last.epoch && p.seq <= this.last.seq) return; // already applied
    if (p.epoch !== this.last.epoch || p.seq !== this.last.seq + 1) {
      void this.resync();
      return;
    }
    this.last = { seq: p.seq, epoch: p.epoch };
    handler(p);
  }

  /** Asks for a fresh snapshot (after a gap). */
  async resync(): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    try {
      const reply = (await this.socket.timeout(10_000).emitWithAck('snapshot')) as
        | { ok: true; snapshot: Snapshot }
        | { ok: false };
      if (reply.ok) this.applySnapshot(reply.snapshot);
    } catch {
      // No answer (server busy or just restarting): try again shortly.
      setTimeout(() => void this.resync(), 2000);
    } finally {
      this.resyncing = false;
    }
  }

  close(): void {
    this.socket.close();
  }
}
