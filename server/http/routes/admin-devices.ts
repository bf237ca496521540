import Type from 'typebox';
import { AdminDeviceListSchema, AdminDeviceSchema, CreateDeviceBody, PatchDeviceBody, VersionQuery } from '../../../common/device-schemas.js';
import { DeviceTokenIssuedSchema, DeviceTokenRevokedSchema, PrintOutcomeSchema } from '../../../common/dto-schemas.js';
import { EmptyBody, Id } from '../../../common/schemas.js';
import { createDevice, deleteDevice, listDevices, updateDevice } from '../../app/admin-devices.js';
import { issueDeviceToken, revokeDeviceToken } from '../../app/devices.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { NoContent, replies } from '../replies.js';

const DeviceParams = Type.Object({ id: Id }, { additionalProperties: false });

/**
 * #13 part 1: admins enrol kiosks. A new token (with its pairing link) is
 * shown once and replaces the previous one; revoking refuses the kiosk at
 * once, its open sockets too. Staff get 403, anonymous callers 401.
 */
export function adminDeviceRoutes(app: Api, { office, print }: RouteDeps): void {
  const tags = ['admin'];
  app.get(
    '/api/admin/devices',
    {
      schema: { tags, summary: 'Admin, supervisor: the kiosks and screens with their settings', response: replies({ 200: AdminDeviceListSchema }, 401, 403) },
      config: { access: 'admin.catalog.read' },
      preHandler: requireStaff,
    },
    async () => ({ devices: await listDevices(office) }),
  );

  app.post(
    '/api/admin/devices',
    {
      schema: {
        tags,
        summary: 'Admin: a new kiosk or screen (settings left out take their defaults)',
        body: CreateDeviceBody,
        response: replies({ 201: AdminDeviceSchema }, 400, 401, 403),
      },
      config: { access: 'admin.devices.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.status(201).send(await createDevice(office, request.body, staffUser(request))),
  );

  app.patch(
    '/api/admin/devices/:id',
    {
      schema: {
        tags,
        summary: 'Admin: change a kiosk or screen; `version` is the one read (409 STALE when someone changed it meanwhile)',
        params: DeviceParams,
        body: PatchDeviceBody,
        response: replies({ 200: AdminDeviceSchema }, 400, 401, 403, 404, 409),
      },
      config: { access: 'admin.devices.write' },
      preHandler: requireStaff,
    },
    async (request) => updateDevice(office, request.params.id, request.body, staffUser(request)),
  );

  app.delete(
    '/api/admin/devices/:id',
    {
      schema: {
        tags,
        summary: "Admin: remove a kiosk or screen (a kiosk's token stops working at once)",
        params: DeviceParams,
        querystring: VersionQuery,
        body: EmptyBody,
        response: replies({ 204: NoContent }, 401, 403, 404, 409),
      },
      config: { access: 'admin.devices.write' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      await deleteDevice(office, request.params.id, Number(request.query.version), staffUser(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/admin/devices/:id/test-print',
    {
      schema: {
        tags,
        summary: "Admin: print a sample ticket (number TEST) on the kiosk's printer",
        params: DeviceParams,
        body: EmptyBody,
        response: replies({ 200: PrintOutcomeSchema }, 401, 403, 404),
      },
      config: { access: 'admin.devices.write' },
      preHandler: requireStaff,
    },
    async (request) => print.printTest(request.params.id),
  );

  app.post(
    '/api/admin/devices/:id/token',
    {
      schema: {
        tags: ['staff'],
        summary: "Admin: a new device token for a kiosk and its pairing link (shown once; the previous token stops working)",
        params: DeviceParams,
        body: EmptyBody,
        response: replies({ 201: DeviceTokenIssuedSchema }, 401, 403, 404),
      },
      config: { access: 'devices.tokens' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      const issued = await issueDeviceToken(office, request.params.id, staffUser(request));
      return reply.status(201).header('cache-control', 'no-store').send(issued);
    },
  );

  app.delete(
    '/api/admin/devices/:id/token',
    {
      schema: {
        tags: ['staff'],
        summary: "Admin: revoke a kiosk's device token (the kiosk is refused at once, its open sockets too)",
        params: DeviceParams,
        body: EmptyBody,
        response: replies({ 200: DeviceTokenRevokedSchema }, 401, 403, 404),
      },
      config: { access: 'devices.tokens' },
      preHandler: requireStaff,
    },
    async (request) => revokeDeviceToken(office, request.params.id, staffUser(request)),
  );
}
