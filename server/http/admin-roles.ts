import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError } from '../../common/errors.js';
import { staffUser } from './auth.js';

/**
 * #15 catalogue routes, until the one role table (server/app/access.ts) lands:
 * the roles a route allows, checked in this one place. Each route names its use
 * case in a comment (`admin.catalog.read`: admin and supervisor;
 * `admin.catalog.write`: admin), so switching to `allow(user, useCase)` is
 * mechanical. Anonymous → 401, another role → 403.
 */
export function requireRole(roles: readonly string[]): (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => void {
  return (request, _reply, done) => {
    try {
      const user = staffUser(request);
      done(roles.includes(user.role) ? undefined : new AppError('FORBIDDEN', `Only ${roles.join(' or ')} may do this.`));
    } catch (err) {
      done(err instanceof Error ? err : new AppError('UNAUTHENTICATED'));
    }
  };
}

/** admin.catalog.read */
export const CATALOG_READ = ['admin', 'supervisor'] as const;
/** admin.catalog.write */
export const CATALOG_WRITE = ['admin'] as const;
