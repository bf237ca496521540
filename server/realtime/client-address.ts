import type { IncomingHttpHeaders } from 'node:http';
import type { ClientAccess } from '../app/client-access.js';

/**
 * The client address of a socket, as per-address limits count it: decided by
 * the same rule as an HTTP request's (TRUST_PROXY), from the handshake's peer
 * address and its X-Forwarded-For.
 */
export function socketClientAddress(
  socket: { handshake: { address: string; headers: IncomingHttpHeaders } },
  access: Pick<ClientAccess, 'clientAddress'>,
): string {
  return access.clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
}
