import { io } from 'socket.io-client';
import { DEFAULT_TIMING } from '../common/client/live-channel.js';
import { NAMESPACES, PROTOCOL_VERSION } from '../common/protocol.js';

/** `password`: signed in with a one-time password that must be changed before any counter work. */
export type SessionProbe = 'ok' | 'unauthenticated' | 'password' | 'unknown' | RefusedHere;
/** Refusals no sign-in can fix: this page's origin or this device's network. */
export type RefusedHere = 'BAD_ORIGIN' | 'NETWORK_NOT_ALLOWED';
const REFUSED_HERE: readonly string[] = ['BAD_ORIGIN', 'NETWORK_NOT_ALLOWED'] satisfies RefusedHere[];

/**
 * Is there a staff session? Asked over a websocket-only /counter handshake, because
 * the alternatives leave errors in the console of every signed-out page: GET
 * /api/auth/me answers 401, and a refused live channel tears its connection down
 * in the middle of the polling-to-websocket upgrade.
 */
export function probeSession(timeoutMs = DEFAULT_TIMING.commandTimeoutMs): Promise<SessionProbe> {
  return new Promise((resolve) => {
    const socket = io(`${globalThis.location.origin}${NAMESPACES.counter}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
      auth: { protocol: PROTOCOL_VERSION },
    });
    const done = (result: SessionProbe) => {
      socket.close();
      resolve(result);
    };
    socket.once('connect', () => done('ok'));
    socket.once('connect_error', (err: Error) => done(refusal(err.message)));
  });
}

function refusal(code: string): SessionProbe {
  if (code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (code === 'PASSWORD_CHANGE_REQUIRED') return 'password';
  return REFUSED_HERE.includes(code) ? (code as RefusedHere) : 'unknown';
}
