import { io, type Socket } from 'socket.io-client';
import type { PublicTicket } from '../common/dto.js';
import {
  PROTOCOL_VERSION,
  VISITOR_NAMESPACE,
  type Sequenced,
  type TicketStatusEvent,
  type VisitorClientEvents,
  type VisitorServerEvents,
  type VisitorSnapshot,
} from '../common/protocol.js';

export type ConnectionState = 'connecting' | 'online' | 'offline';
export type GoneCode = 'TICKET_NOT_FOUND' | 'TICKET_EXPIRED';

export interface VisitorChannelOptions {
  ticketId: string;
  onTicket(ticket: PublicTicket): void;
  /** The token no longer works: show the matching page and stop. */
  onGone(code: GoneCode): void;
  /** The server closed the socket for a reason it did not name: check over HTTP. */
  onDropped(): void;
  onState(state: ConnectionState): void;
}

/** A snapshot that does not come within this time means the socket is dead (a phone woke up). */
export const WAKE_RESYNC_TIMEOUT_MS = 4000;
const RETRY_REFUSED_MS = 5000;

/**
 * The phone's socket for one ticket: the token goes in the handshake, pushes
 * apply in seq order, and a gap, a new epoch, a reconnect or the phone waking
 * up loads a fresh snapshot. Like LiveChannel, but a refused token is final.
 */
export class VisitorChannel {
  readonly socket: Socket<VisitorServerEvents, VisitorClientEvents>;
  private last: Sequenced | null = null;
  private resyncing = false;
  private closed = false;

  constructor(private readonly o: VisitorChannelOptions) {
    this.socket = io(`${location.origin}${VISITOR_NAMESPACE}`, {
      auth: { protocol: PROTOCOL_VERSION, ticket: o.ticketId },
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
    });
    this.socket.on('connect', () => o.onState('online'));
    this.socket.on('disconnect', (reason) => {
      this.last = null;
      o.onState('offline');
      if (reason === 'io server disconnect' && !this.closed) o.onDropped();
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      o.onState('offline');
      const code = err.data?.code ?? err.message;
      if (code === 'TICKET_NOT_FOUND' || code === 'TICKET_EXPIRED') return this.gone(code);
      if (code === 'PROTOCOL_MISMATCH') return void setTimeout(() => location.reload(), RETRY_REFUSED_MS);
      // A refusal for another reason (server busy) is not retried by socket.io itself.
      if (!this.socket.active) setTimeout(() => !this.closed && this.socket.connect(), RETRY_REFUSED_MS);
    });
    this.socket.on('visitor:snapshot', (s) => this.applySnapshot(s));
    this.socket.on('ticket:status', (e) => this.applyPush(e));
    this.socket.on('ticket:expired', () => this.gone('TICKET_EXPIRED'));
    document.addEventListener('visibilitychange', this.onVisibility);
    addEventListener('online', this.wake);
    addEventListener('pageshow', this.onPageShow);
  }

  private gone(code: GoneCode): void {
    this.close();
    this.o.onGone(code);
  }

  private applySnapshot(s: VisitorSnapshot): void {
    this.last = { seq: s.seq, epoch: s.epoch };
    this.o.onTicket(s.ticket);
  }

  private applyPush(p: TicketStatusEvent): void {
    if (!this.last) return; // the snapshot on its way includes it
    if (p.epoch === this.last.epoch && p.seq <= this.last.seq) return;
    if (p.epoch !== this.last.epoch || p.seq !== this.last.seq + 1) return void this.resync().catch(() => undefined);
    this.last = { seq: p.seq, epoch: p.epoch };
    this.o.onTicket(p.ticket);
  }

  /** Loads a fresh snapshot; rejects when no answer comes in time. */
  async resync(timeoutMs = 10_000): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    try {
      const reply = await this.socket.timeout(timeoutMs).emitWithAck('snapshot');
      if (reply.ok) this.applySnapshot(reply.snapshot);
      else if (reply.error.code === 'TICKET_EXPIRED' || reply.error.code === 'TICKET_NOT_FOUND') this.gone(reply.error.code);
    } finally {
      this.resyncing = false;
    }
  }

  /** The phone woke up or came back online: the socket may be dead without knowing it. */
  readonly wake = (): void => {
    if (this.closed) return;
    if (!this.socket.connected) {
      if (!this.socket.active) this.socket.connect();
      return;
    }
    this.resync(WAKE_RESYNC_TIMEOUT_MS).catch(() => {
      this.socket.disconnect();
      this.socket.connect();
    });
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.wake();
  };

  private readonly onPageShow = (e: PageTransitionEvent): void => {
    if (e.persisted) this.wake();
  };

  /** After the server dropped the socket and an HTTP check found the ticket still valid. */
  reconnect(): void {
    if (!this.closed && !this.socket.active) this.socket.connect();
  }

  close(): void {
    this.closed = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    removeEventListener('online', this.wake);
    removeEventListener('pageshow', this.onPageShow);
    this.socket.close();
  }
}
