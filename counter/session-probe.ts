import { io } from 'socket.io-client';
import { DEFAULT_TIMING } from '../common/client/live-channel.js';
import { NAMESPACES, PROTOCOL_VERSION } from '../common/protocol.js';

/**
 * Is there a staff session? Asked over a websocket-only /counter handshake, because
 * the alternatives leave errors in the console of every signed-out page: GET
 * /api/auth/me answers 401, and a refused live channel tears its connection down
 * in the middle of the polling-to-websocket upgrade.
 */
export function probeSession(timeoutMs = DEFAULT_TIMING.commandTimeoutMs): Promise<'ok' | 'unauthenticated' | 'unknown'> {
  return new Promise((resolve) => {
    const socket = io(`${globalThis.location.origin}${NAMESPACES.counter}`, {
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
