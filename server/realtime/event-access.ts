import type { SessionUser } from '../../common/dto.js';
import { AppError, handshakeRefusal } from '../../common/errors.js';
import { NAMESPACES, SUPERVISOR_NAMESPACE, VISITOR_NAMESPACE, type CounterClientEvents } from '../../common/protocol.js';
import { allow, type UseCase } from '../app/access.js';

/**
 * The socket side of the one role table (server/app/access.ts, #15): each namespace's handshake and
 * each event of the staff namespace names its use case. The compiler insists on an entry for every
 * event of CounterClientEvents; tests/http/access-matrix.test.ts tries each with each role.
 */
export const NAMESPACE_ACCESS: Record<string, UseCase> = {
  [NAMESPACES.display]: 'public.read',
  [NAMESPACES.kiosk]: 'kiosk.draw',
  [VISITOR_NAMESPACE]: 'visitor.ticket',
  [NAMESPACES.counter]: 'counter.work',
  // #16: the live floor, team leads and admins.
  [SUPERVISOR_NAMESPACE]: 'stats.live',
  // /print-agent (server/print) is 'printAgent.connect': its agent token, checked there.
};

export const COUNTER_EVENT_ACCESS: { readonly [E in keyof CounterClientEvents]: UseCase } = {
  snapshot: 'counter.work',
  'counter:open': 'counter.work',
  'counter:close': 'counter.work',
  'counter:call-next': 'counter.work',
  'counter:call': 'counter.work',
  'counter:recall': 'counter.work',
  'counter:start': 'counter.work',
  'counter:finish': 'counter.work',
  'counter:finish-next': 'counter.work',
  'counter:no-show': 'counter.work',
  'counter:return': 'counter.work',
  'counter:transfer': 'counter.work',
  'counter:alarm': 'counter.work',
  'counter:alarm-ack': 'counter.work',
  'counter:notes': 'counter.work',
};

/** The user, if the table lets them send this event (else UNAUTHENTICATED, PASSWORD_CHANGE_REQUIRED or FORBIDDEN). */
export function allowedFor(user: SessionUser, event: keyof CounterClientEvents): SessionUser {
  allow(user, COUNTER_EVENT_ACCESS[event]);
  return user;
}

/** For a namespace middleware: the refusal the client sees in `connect_error` (`err.data`), or null. */
export function handshakeAccess(user: SessionUser | null, namespace: string): Error | null {
  const useCase = NAMESPACE_ACCESS[namespace];
  if (!useCase) return handshakeRefusal('FORBIDDEN', 'This namespace has no entry in the access table.');
  try {
    allow(user, useCase);
    return null;
  } catch (err) {
    if (err instanceof AppError) return handshakeRefusal(err.code, err.message);
    throw err;
  }
}
