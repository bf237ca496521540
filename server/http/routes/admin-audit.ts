import { AuditCsvQuery, AuditPage, AuditQuery } from '../../../common/audit-schemas.js';
import { auditCsv, auditPage } from '../../app/audit.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { binaryReply, replies } from '../replies.js';

/**
 * #17: the audit trail for admins (use case `audit.read`): who did what, newest first, as JSON
 * pages and as one CSV (German Excel by default, like the statistics CSVs; its export is itself
 * recorded as `data.exported`).
 */
export function adminAuditRoutes(app: Api, { office }: RouteDeps): void {
  const filters =
    'Dates local and inclusive; `userId` matches every actor key still linked to that user; `type` an event type; `number` a ticket number (any day). Staff actions and the server’s own (refused sign-ins, purges).';

  app.get(
    '/api/admin/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'Admin: the audit trail, newest first, paged (`limit`, `before`)',
        description: filters,
        querystring: AuditQuery,
        response: replies({ 200: AuditPage }, 400, 401, 403),
      },
      config: { access: 'audit.read' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await auditPage(office, staffUser(request), request.query)),
  );

  app.get(
    '/api/admin/audit.csv',
    {
      schema: {
        tags: ['admin'],
        summary: 'Admin: the audit trail of the filters as CSV (German Excel by default, `dialect=rfc4180` for tools)',
        description: filters,
        querystring: AuditCsvQuery,
        response: replies({ 200: binaryReply<string>('text/csv', 'The audit trail') }, 400, 401, 403),
      },
      config: { access: 'audit.read' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      const { dialect = 'excel', ...query } = request.query;
      const body = await auditCsv(office, staffUser(request), query, dialect);
      const range = [query.from, query.to].filter((d) => d !== undefined).join('-');
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="protokoll${range ? `-${range}` : ''}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(body);
    },
  );
}
