import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers on every answer, errors and 404s included. The
 * middleware is built once: @fastify/helmet builds it again for every request
 * (parsing the CSP directives each time), which cost more than many handlers.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const middleware = helmet(options);
  app.addHook('onRequest', (request, reply, done) => {
    middleware(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined));
  });
}
