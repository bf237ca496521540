import Type from 'typebox';
import { DeviceTokenIssuedSchema, DeviceTokenRevokedSchema } from '../../../common/dto-schemas.js';
import { EmptyBody, Id } from '../../../common/schemas.js';
import { issueDeviceToken, revokeDeviceToken } from '../../app/devices.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { replies } from '../replies.js';

const DeviceParams = Type.Object({ id: Id }, { additionalProperties: false });

/**
 * #13 part 1: admins enrol kiosks. A new token (with its pairing link) is
 * shown once and replaces the previous one; revoking refuses the kiosk at
 * once, its open sockets too. Staff get 403, anonymous callers 401.
 */
export function adminDeviceRoutes(app: Api, { office }: RouteDeps): void {
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
