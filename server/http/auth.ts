import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import type { Office } from '../app/office.js';
import { resolveSession, SESSION_COOKIE } from '../app/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member behind the session cookie, if any. */
    user: SessionUser | null;
  }
}

/**
 * Resolves the session cookie on every request; routes decide whether they need it.
 * Outside STAFF_NETWORKS a session counts for nothing (client-guards.ts runs first).
 */
export function registerSessionLookup(app: FastifyInstance, office: Office): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token && request.fromStaffNetwork ? await resolveSession(office, token) : null;
  });
}

export function requireStaff(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  done(staffRefusal(request));
}

export function staffUser(request: FastifyRequest): SessionUser {
  const { user } = request;
  if (!user || !request.fromStaffNetwork) throw staffRefusal(request) ?? new AppError('UNAUTHENTICATED');
  return user;
}

/** Staff routes answer only from STAFF_NETWORKS, and only with a session. */
function staffRefusal(request: FastifyRequest): AppError | undefined {
  if (!request.fromStaffNetwork) return new AppError('NETWORK_NOT_ALLOWED');
  return request.user ? undefined : new AppError('UNAUTHENTICATED');
}
