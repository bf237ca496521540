import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the Vite build (dist/public): /kiosk/, /display/, /counter/, /visitor/, /admin/ → <page>/index.html,
 * /kiosk etc. → the same file (query strings untouched), /assets/* → hashed bundles.
 * Routes are registered per file found at start-up (no catch-all), so API 404s stay intact.
 * Without a web build (e.g. unit tests) nothing is registered and a warning is logged.
 * The pages themselves are public files: what a staff or admin page shows comes only from
 * API routes, and those check the session, its role and STAFF_NETWORKS.
 */
export async function registerStatic(app: FastifyInstance, publicDir: string): Promise<void> {
  const root = resolve(publicDir);
  if (!existsSync(root)) {
    app.log.warn({ publicDir: root }, 'web build not found; static pages are not served (run "npm run build:web")');
    return;
  }
  const cfg = app.initialConfig as { ignoreTrailingSlash?: boolean; routerOptions?: { ignoreTrailingSlash?: boolean } };
  const ignoreTrailingSlash = cfg.routerOptions?.ignoreTrailingSlash === true || cfg.ignoreTrailingSlash === true;

  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // Also answer /kiosk (without slash). With ignoreTrailingSlash the router already does.
    redirect: !ignoreTrailingSlash,
    cacheControl: false,
    // @fastify/static 10 passes the FastifyReply here (not the raw ServerResponse).
    setHeaders: (reply, filePath) => {
      const hashed = filePath.includes('/assets/');
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
