import { CommandTimingsSchema } from '../../../common/dto-schemas.js';
import { EmptyBody } from '../../../common/schemas.js';
import { readCommandTimings, resetCommandTimings } from '../../app/command-timing.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { NoContent, replies } from '../replies.js';

/**
 * #14: what each command costs the server, for operators and the bench: per
 * command name the count, errors and the handler's time (p50, p99, max, mean in
 * µs) since the start or the last reset. Admins only (403 staff, 401 anonymous).
 */
export function adminMetricsRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/admin/metrics/commands',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: server time per command (count, errors, p50/p99/max/mean µs) since the start or the last reset',
        response: replies({ 200: CommandTimingsSchema }, 401, 403),
      },
      config: { access: 'metrics.commands' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(readCommandTimings(office, staffUser(request))),
  );

  app.delete(
    '/api/admin/metrics/commands',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: start the command timings afresh (204)',
        body: EmptyBody,
        response: replies({ 204: NoContent }, 401, 403),
      },
      config: { access: 'metrics.commands' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      resetCommandTimings(office, staffUser(request));
      return reply.status(204).send(null);
    },
  );
}
