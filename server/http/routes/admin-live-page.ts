import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../common/errors.js';
import type { Api, RouteDeps } from '../api.js';
import { binaryReply, replies } from '../replies.js';

/**
 * #16: `/admin/live`, the live supervision page, is the admin app opened on its
 * live page (the app reads the path). The page is a public file like the app
 * itself: what it shows comes only from the `/supervisor` namespace, which checks
 * the session, its role and STAFF_NETWORKS.
 */
export function adminLivePageRoutes(app: Api, { config }: RouteDeps): void {
  const page = replies({ 200: binaryReply<string>('text/html', 'The admin app on its live supervision page') }, 404);
  app.get('/admin/live', { schema: { hide: true, response: page }, config: { access: 'public.page' } }, async (_request, reply) => {
    const html = config.publicDir ? await readFile(join(config.publicDir, 'admin', 'index.html'), 'utf8').catch(() => null) : null;
    if (html === null) throw new AppError('NOT_FOUND', 'The admin app is not built (run "npm run build:web").');
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });
}
