import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { SessionUser } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { accessRule, allow, isUseCase, type UseCase } from '../app/access.js';
import type { Office } from '../app/office.js';
import { resolveSession, SESSION_COOKIE } from '../app/sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member behind the session cookie, if any. */
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** The route's use case in the one role table (server/app/access.ts); every route of ours names one. */
    access?: UseCase;
  }
}

/**
 * Resolves the session cookie on every request; routes decide whether they need it.
 * Outside STAFF_NETWORKS a session counts for nothing (client-guards.ts runs first).
 */
export function registerSessionLookup(app: FastifyInstance, office: Office): void {
  app.decorateRequest('user', null);
  const table: RouteAccess[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const access: unknown = route.config?.access;
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access: isUseCase(access) ? access : null });
  });
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token && request.fromStaffNetwork ? await resolveSession(office, token) : null;
  });
  app.addHook('onRequest', (request, _reply, done) => {
    try {
      guardAccess(request);
      done();
    } catch (err) {
      done(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

export interface RouteAccess {
  method: string;
  url: string;
  /** The route's use case; null for a route that names none (the static apps, the API documentation). */
  access: UseCase | null;
}
const routeTables = new WeakMap<FastifyInstance, RouteAccess[]>();

/** Every route registered on `app` after registerSessionLookup, with its use case (for the access matrix test). */
export function routeAccessTable(app: FastifyInstance): readonly RouteAccess[] {
  return routeTables.get(app) ?? [];
}

/**
 * The one role check of every route (#15), before its body is read: the route's `config.access`
 * names its use case, server/app/access.ts says who may run it. A route of the API without an
 * entry is refused (a new route must be added to the table); the static apps and the API
 * documentation, registered by plugins, name none and are public.
 */
function guardAccess(request: FastifyRequest): void {
  const useCase: unknown = request.routeOptions.config.access;
  if (!isUseCase(useCase)) {
    const url = request.routeOptions.url ?? '';
    if (url.startsWith('/api/') && !url.startsWith('/api/docs')) throw new AppError('FORBIDDEN', 'This route has no entry in the access table.');
    return;
  }
  const rule = accessRule(useCase);
  if (!request.user && !rule.anonymous && !request.fromStaffNetwork) throw new AppError('NETWORK_NOT_ALLOWED');
  allow(request.user, useCase);
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
