import { io } from 'socket.io-client';
import { LiveChannel, type ConnectionState } from '../common/client/live-channel.js';
import type { StaffCounter, StaffTicket } from '../common/dto.js';
import { PROTOCOL_VERSION, type AlarmCleared, type CounterAlarm, type CounterSnapshot, type QueueChanged } from '../common/protocol.js';
import type { DeskError } from './api.js';

export type CommandReply<T> = ({ ok: true } & T) | { ok: false; error: DeskError };
export type TicketReply = CommandReply<{ ticket: StaffTicket | null; counter: StaffCounter }>;

export interface DeskHandlers {
  onSnapshot(s: CounterSnapshot): void;
  onQueueChanged(e: QueueChanged): void;
  onState(state: ConnectionState): void;
  onAlarms(alarms: CounterAlarm[]): void;
  onAlarm(alarm: CounterAlarm): void;
  onAlarmCleared(cleared: AlarmCleared): void;
  /** The session is gone (logged out elsewhere, expired): back to the login. */
  onUnauthenticated(): void;
}

/** Long enough for a busy server, short enough that a click never hangs unanswered. */
export const COMMAND_TIMEOUT_MS = 5000;

/**
 * The counter app's one socket: the queue through LiveChannel (snapshot, seq
 * resync), commands as events with acknowledgements, and the alarm events.
 */
export class DeskConnection {
  private readonly channel: LiveChannel<CounterSnapshot>;

  constructor(h: DeskHandlers) {
    this.channel = new LiveChannel<CounterSnapshot>({
      namespace: '/counter',
      snapshotEvent: 'counter:snapshot',
      onSnapshot: (s) => h.onSnapshot(s),
      events: { 'queue:changed': (e: QueueChanged) => h.onQueueChanged(e) },
      onState: (s) => h.onState(s),
    });
    const socket = this.channel.socket;
    socket.on('counter:alarms', (e: { alarms: CounterAlarm[] }) => h.onAlarms(e.alarms));
    socket.on('counter:alarm', (a: CounterAlarm) => h.onAlarm(a));
    socket.on('counter:alarm-cleared', (c: AlarmCleared) => h.onAlarmCleared(c));
    socket.on('connect_error', (err: Error) => {
      if (err.message === 'UNAUTHENTICATED') h.onUnauthenticated();
    });
    // The server drops sockets whose session ended; socket.io does not retry those by itself.
    socket.on('disconnect', (reason: string) => {
      if (reason === 'io server disconnect') socket.connect();
    });
  }

  async command<T extends object>(event: string, payload: object): Promise<CommandReply<T>> {
    try {
      return (await this.channel.socket.timeout(COMMAND_TIMEOUT_MS).emitWithAck(event, payload)) as CommandReply<T>;
    } catch {
      return { ok: false, error: { code: 'TIMEOUT', message: 'The server did not answer.' } };
    }
  }

  close(): void {
    this.channel.close();
  }
}

/**
 * Is there a staff session? Asked over a websocket-only /counter handshake, because
 * the alternatives leave errors in the console of every signed-out page: GET
 * /api/auth/me answers 401, and a refused LiveChannel tears its connection down
 * in the middle of the polling-to-websocket upgrade.
 */
export function probeSession(timeoutMs = COMMAND_TIMEOUT_MS): Promise<'ok' | 'unauthenticated' | 'unknown'> {
  return new Promise((resolve) => {
    const socket = io(`${globalThis.location.origin}/counter`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
      auth: { protocol: PROTOCOL_VERSION },
    });
    const done = (result: 'ok' | 'unauthenticated' | 'unknown') => {
      socket.close();
      resolve(result);
    };
    socket.once('connect', () => done('ok'));
    socket.once('connect_error', (err: Error) => done(err.message === 'UNAUTHENTICATED' ? 'unauthenticated' : 'unknown'));
  });
}
