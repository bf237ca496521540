import {
  AdminCounterCreate,
  AdminCounterPatch,
  AdminCounterSchema,
  AdminCountersReplySchema,
  AdminRecordParams,
  AdminVersionQuery,
} from '../../../common/admin-schemas.js';
import { createAdminCounter, deleteAdminCounter, getAdminCounters, updateAdminCounter } from '../../app/admin/counters.js';
import { EmptyBody } from '../../../common/schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { NoContent, replies } from '../replies.js';

/** #15: counters and their service profiles; a change reaches the counter apps live. */
export function adminCounterRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/admin/counters',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin, supervisor: every counter with its services and version',
        response: replies({ 200: AdminCountersReplySchema }, 401, 403),
      },
      config: { access: 'admin.catalog.read' },
      preHandler: requireStaff,
    },
    async () => getAdminCounters(office),
  );

  app.post(
    '/api/admin/counters',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: create a counter (its area and services must exist)',
        body: AdminCounterCreate,
        response: replies({ 201: AdminCounterSchema }, 400, 401, 403),
      },
      config: { access: 'admin.counters.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.status(201).send(await createAdminCounter(office, request.body, staffUser(request))),
  );

  app.patch(
    '/api/admin/counters/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: change a counter (fields left out stay; a stale version is 409 STALE)',
        params: AdminRecordParams,
        body: AdminCounterPatch,
        response: replies({ 200: AdminCounterSchema }, 400, 401, 403, 404, 409),
      },
      config: { access: 'admin.counters.write' },
      preHandler: requireStaff,
    },
    async (request) => updateAdminCounter(office, request.params.id, request.body, staffUser(request)),
  );

  app.delete(
    '/api/admin/counters/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: delete a closed counter (an open one is 409 COUNTER_IN_USE)',
        params: AdminRecordParams,
        querystring: AdminVersionQuery,
        body: EmptyBody,
        response: replies({ 204: NoContent }, 400, 401, 403, 404, 409),
      },
      config: { access: 'admin.counters.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      await deleteAdminCounter(office, request.params.id, request.query.version === undefined ? undefined : Number(request.query.version), staffUser(request));
      return reply.status(204).send(null);
    },
  );
}
