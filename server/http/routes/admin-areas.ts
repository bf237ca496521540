import {
  AdminAreaCreate,
  AdminAreaPatch,
  AdminAreaSchema,
  AdminAreasReplySchema,
  AdminRecordParams,
  AdminVersionQuery,
} from '../../../common/admin-schemas.js';
import { createAdminArea, deleteAdminArea, getAdminAreas, updateAdminArea } from '../../app/admin/areas.js';
import { EmptyBody } from '../../../common/schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { NoContent, replies } from '../replies.js';

/** #15: the office's areas (halls, floors) that counters, kiosks and screens stand in. */
export function adminAreaRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/admin/areas',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin, supervisor: every area with its version',
        response: replies({ 200: AdminAreasReplySchema }, 401, 403),
      },
      config: { access: 'admin.catalog.read' },
      preHandler: requireStaff,
    },
    async () => getAdminAreas(office),
  );

  app.post(
    '/api/admin/areas',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: create an area',
        body: AdminAreaCreate,
        response: replies({ 201: AdminAreaSchema }, 400, 401, 403),
      },
      config: { access: 'admin.areas.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.status(201).send(await createAdminArea(office, request.body, staffUser(request))),
  );

  app.patch(
    '/api/admin/areas/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: rename an area (a stale version is 409 STALE)',
        params: AdminRecordParams,
        body: AdminAreaPatch,
        response: replies({ 200: AdminAreaSchema }, 400, 401, 403, 404, 409),
      },
      config: { access: 'admin.areas.write' },
      preHandler: requireStaff,
    },
    async (request) => updateAdminArea(office, request.params.id, request.body, staffUser(request)),
  );

  app.delete(
    '/api/admin/areas/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: delete an area no counter, kiosk or screen stands in (else 409 AREA_IN_USE)',
        params: AdminRecordParams,
        querystring: AdminVersionQuery,
        body: EmptyBody,
        response: replies({ 204: NoContent }, 400, 401, 403, 404, 409),
      },
      config: { access: 'admin.areas.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      await deleteAdminArea(office, request.params.id, request.query.version === undefined ? undefined : Number(request.query.version), staffUser(request));
      return reply.status(204).send(null);
    },
  );
}
