import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../../common/errors.js';
import type { ClientAccess } from '../app/client-access.js';
import { SESSION_COOKIE } from '../app/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The client address lies in STAFF_NETWORKS (always, when that is unset). */
    fromStaffNetwork: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Before the session is looked up: notes whether the client (request.ip, which
 * Fastify's trustProxy takes from ClientAccess) is in a staff network, and
 * refuses a state-changing request that carries a session cookie unless a page
 * of an allowed origin sent it. Browsers send Origin with every such request;
 * a client that sends none (a script) must send a JSON body, which no plain
 * HTML form and no cross-site request without a CORS preflight can.
 */
export function registerClientGuards(app: FastifyInstance, access: ClientAccess): void {
  app.decorateRequest('fromStaffNetwork', true);
  app.addHook('onRequest', (request, _reply, done) => {
    request.fromStaffNetwork = access.staffNetwork(request.ip);
    if (!STATE_CHANGING.has(request.method) || !request.cookies[SESSION_COOKIE]) return done();
    const origin = request.headers.origin;
    if (origin !== undefined) {
      return done(access.originAllowed(origin) ? undefined : new AppError('BAD_ORIGIN', access.originRefusal(origin)));
    }
    done(jsonWithBody(request) ? undefined : new AppError('BAD_ORIGIN', 'A staff request without an Origin header must send a JSON body.'));
  });
}

function jsonWithBody(request: FastifyRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const length = Number(request.headers['content-length'] ?? 0);
  return type === 'application/json' && (length > 0 || request.headers['transfer-encoding'] !== undefined);
}

/** Staff entry points that need no session (the login): only from STAFF_NETWORKS. */
export function requireStaffNetwork(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  done(request.fromStaffNetwork ? undefined : new AppError('NETWORK_NOT_ALLOWED'));
}
