import { handshakeRefusal } from '../../common/errors.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { ClientAccess } from '../app/client-access.js';
import { socketClientAddress } from './client-address.js';

/** The part of a socket.io namespace the cap uses (every namespace's type fits). */
interface CappedNamespace {
  use(fn: (socket: CappedSocket, next: (err?: Error) => void) => void): unknown;
  on(event: 'connection', listener: (socket: CappedSocket) => void): unknown;
}
interface CappedSocket {
  handshake: { address: string; headers: IncomingHttpHeaders };
  once(event: 'disconnect', listener: () => void): unknown;
}

/**
 * At most `max` sockets per client address on the given (anonymous)
 * namespaces together; a handshake past that is refused with
 * TOO_MANY_CONNECTIONS. Register it after the namespaces' other middleware,
 * so that only sockets that are about to connect are let through it.
 * Returns the open sockets per address (for tests and the bench).
 */
export function capSocketsPerAddress(
  namespaces: readonly CappedNamespace[],
  max: number,
  access: Pick<ClientAccess, 'clientAddress'>,
): ReadonlyMap<string, number> {
  const open = new Map<string, number>();
  for (const ns of namespaces) {
    ns.use((socket, next) => {
      if ((open.get(socketClientAddress(socket, access)) ?? 0) >= max) return next(handshakeRefusal('TOO_MANY_CONNECTIONS'));
      next();
    });
    ns.on('connection', (socket) => {
      const address = socketClientAddress(socket, access);
      open.set(address, (open.get(address) ?? 0) + 1);
      socket.once('disconnect', () => {
        const left = (open.get(address) ?? 1) - 1;
        if (left > 0) open.set(address, left);
        else open.delete(address);
      });
    });
  }
  return open;
}
