import type { IncomingHttpHeaders } from 'node:http';
import type { Namespace, Server } from 'socket.io';
import { handshakeRefusal } from '../../common/errors.js';
import type { ClientAccess } from '../app/client-access.js';

interface Handshake {
  handshake: { address: string; headers: IncomingHttpHeaders };
}

/**
 * Guards every namespace's handshake before its own middlewares run (it
 * listens for namespaces as they are created, so call it before `io.of`):
 * a browser page of a foreign origin is refused with BAD_ORIGIN; a handshake
 * without Origin comes from no browser (the print agent, scripts) and is
 * judged by its credentials alone. The staff namespaces also refuse clients
 * outside STAFF_NETWORKS with NETWORK_NOT_ALLOWED, the client address decided
 * as for HTTP (handshake.address and X-Forwarded-For, by TRUST_PROXY).
 */
export function guardHandshakes(io: Server, access: ClientAccess, staffNamespaces: readonly string[]): void {
  io.on('new_namespace', (ns: Namespace) => {
    ns.use((socket: Handshake, next) => {
      const { origin } = socket.handshake.headers;
      if (origin !== undefined && !access.originAllowed(origin)) return next(handshakeRefusal('BAD_ORIGIN', access.originRefusal(origin)));
      if (staffNamespaces.includes(ns.name)) {
        const client = access.clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for']);
        if (!access.staffNetwork(client)) return next(handshakeRefusal('NETWORK_NOT_ALLOWED'));
      }
      next();
    });
  });
}
