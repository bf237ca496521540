import { ConfigDocumentSchema, ImportQuery, ImportResultSchema } from '../../../common/config-schemas.js';
import { exportConfig, importConfig } from '../../app/admin/config-transfer.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { replies } from '../replies.js';

/**
 * #15: the office's configuration as one JSON document (no tickets, no
 * passwords, no device tokens), and importing one into an empty or existing
 * office; `?dryRun=1` shows what would change and writes nothing.
 */
export function adminConfigRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/admin/config',
    {
      schema: { tags: ['admin'], summary: "Admin: the office's whole configuration as one document", response: replies({ 200: ConfigDocumentSchema }, 401, 403) },
      config: { access: 'admin.config' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await exportConfig(office, staffUser(request))),
  );

  app.post(
    '/api/admin/config',
    {
      schema: {
        tags: ['admin'],
        summary: 'Admin: import a configuration document (records it does not name are deleted); ?dryRun=1 only lists the changes',
        querystring: ImportQuery,
        body: ConfigDocumentSchema,
        bodyLimit: 2 * 1024 * 1024,
        response: replies({ 200: ImportResultSchema }, 400, 401, 403, 409),
      },
      config: { access: 'admin.config' },
      preHandler: requireStaff,
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await importConfig(office, request.body, request.query.dryRun === '1', staffUser(request))),
  );
}
