/**
 * The client address of a socket, as per-address limits count it. Until the
 * server trusts proxies (TRUST_PROXY) this is the peer address of the
 * handshake; the one function that decides the client address for HTTP and
 * sockets replaces this body.
 */
export function socketClientAddress(socket: { handshake: { address: string } }): string {
  return socket.handshake.address;
}
