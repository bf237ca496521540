import type { Namespace, Server, Socket } from 'socket.io';
import { handshakeRefusal } from '../../common/errors.js';
import {
  PROTOCOL_VERSION,
  type CounterClientEvents,
  type CounterServerEvents,
  type DisplayClientEvents,
  type DisplayServerEvents,
  type KioskClientEvents,
  type KioskServerEvents,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '../../common/protocol.js';

/**
 * The socket.io server and its namespaces, each typed with its event maps
 * from common/protocol.ts. `io.of()` hands out the root namespace's types;
 * the root is not used, and typed as carrying no events and no socket data
 * (`never` fits every namespace's), so each namespace takes its own.
 */
export type NoEvents = Record<string, never>;
export type RealtimeServer = Server<NoEvents, NoEvents, NoEvents, never>;

export interface CounterSocketData {
  /** Re-resolved on every command, so a logout takes effect on open sockets at once. */
  sessionToken: string;
}
/** The room of the areas the screen shows (display-rooms.ts). */
export interface DisplaySocketData {
  areas: readonly string[] | null;
}
export interface VisitorSocketData {
  ticketId: string;
}
/** The kiosk namespace keeps nothing on its sockets. */
type NoData = Record<string, never>;

export type DisplayNamespace = Namespace<DisplayClientEvents, DisplayServerEvents, NoEvents, DisplaySocketData>;
export type KioskNamespace = Namespace<KioskClientEvents, KioskServerEvents, NoEvents, NoData>;
export type CounterNamespace = Namespace<CounterClientEvents, CounterServerEvents, NoEvents, CounterSocketData>;
export type CounterSocket = Socket<CounterClientEvents, CounterServerEvents, NoEvents, CounterSocketData>;
export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, NoEvents, VisitorSocketData>;
export type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, NoEvents, VisitorSocketData>;

/** An app built for another protocol is told to reload (checked before anything else, a session included). */
export function protocolGuard(socket: { handshake: { auth: Record<string, unknown> } }, next: (err?: Error) => void): void {
  const protocol = socket.handshake.auth.protocol;
  if (protocol !== undefined && protocol !== PROTOCOL_VERSION) {
    return next(handshakeRefusal('PROTOCOL_MISMATCH', `Server speaks protocol ${PROTOCOL_VERSION}; reload the app.`));
  }
  next();
}
