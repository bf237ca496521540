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

/** Resolves the session cookie on every request; routes decide whether they need it. */
export function registerSessionLookup(app: FastifyInstance, office: Office): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await resolveSession(office, token) : null;
  });
}

export function requireStaff(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  done(request.user ? undefined : new AppError('UNAUTHENTICATED'));
}

export function staffUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED');
  return request.user;
}
