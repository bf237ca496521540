import {
  AdminRecordParams,
  AdminServiceCreate,
  AdminServiceOrder,
  AdminServicePatch,
  AdminServiceSchema,
  AdminServicesReplySchema,
  AdminVersionQuery,
} from '../../../common/admin-schemas.js';
import {
  createAdminService,
  deleteAdminService,
  getAdminServices,
  orderAdminServices,
  updateAdminService,
} from '../../app/admin/services.js';
import { EmptyBody } from '../../../common/schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { NoContent, replies } from '../replies.js';

/** #15: the office's services; every change reaches kiosks, screens and counters live. */
export function adminServiceRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/admin/services',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin, supervisor: every service with its version, in kiosk order',
        response: replies({ 200: AdminServicesReplySchema }, 401, 403),
      },
      config: { access: 'admin.catalog.read' },
      preHandler: requireStaff,
    },
    async () => getAdminServices(office),
  );

  app.post(
    '/api/admin/services',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: create a service (the server gives its id; it goes last on the kiosk)',
        body: AdminServiceCreate,
        response: replies({ 201: AdminServiceSchema }, 400, 401, 403, 409),
      },
      config: { access: 'admin.services.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.status(201).send(await createAdminService(office, request.body, staffUser(request))),
  );

  app.post(
    '/api/admin/services/order',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: the kiosk order of all services (every service id once)',
        body: AdminServiceOrder,
        response: replies({ 200: AdminServicesReplySchema }, 400, 401, 403),
      },
      config: { access: 'admin.services.write' },
      preHandler: requireStaff,
    },
    async (request) => orderAdminServices(office, request.body, staffUser(request)),
  );

  app.patch(
    '/api/admin/services/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: change a service (fields left out stay; a stale version is 409 STALE)',
        params: AdminRecordParams,
        body: AdminServicePatch,
        response: replies({ 200: AdminServiceSchema }, 400, 401, 403, 404, 409),
      },
      config: { access: 'admin.services.write' },
      preHandler: requireStaff,
    },
    async (request) => updateAdminService(office, request.params.id, request.body, staffUser(request)),
  );

  app.delete(
    '/api/admin/services/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: delete a service nothing open refers to (else 409 SERVICE_IN_USE: deactivate it instead)',
        params: AdminRecordParams,
        querystring: AdminVersionQuery,
        body: EmptyBody,
        response: replies({ 204: NoContent }, 400, 401, 403, 404, 409),
      },
      config: { access: 'admin.services.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      await deleteAdminService(office, request.params.id, request.query.version === undefined ? undefined : Number(request.query.version), staffUser(request));
      return reply.status(204).send(null);
    },
  );
}
