import Type from 'typebox';
import { KioskSettingsSchema } from '../../../common/device-schemas.js';
import { PublicKioskSchema } from '../../../common/dto-schemas.js';
import { Id } from '../../../common/schemas.js';
import { AppError } from '../../../common/errors.js';
import { authenticateKiosk, deviceTokenFromHeader } from '../../app/devices.js';
import { findPublicKiosk, ownKioskSettings, publicKiosks } from '../../app/kiosks.js';
import type { Api, RouteDeps } from '../api.js';
import { replies } from '../replies.js';

const KioskParams = Type.Object({ id: Id }, { additionalProperties: false });

/**
 * Kiosks' public set-up. The kiosk page uses it at start-up: with
 * `?kiosk=<id>` to check that the office knows the device, without it to
 * find the office's only kiosk (whose printer then prints).
 */
export function kioskRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/kiosks',
    { schema: { tags: ['public'], summary: 'The kiosks: id, name, area', response: replies({ 200: Type.Array(PublicKioskSchema) }) }, config: { access: 'public.read' } },
    async () => publicKiosks(office),
  );

  // Registered before /:id; "me" is no kiosk id a seed or an admin would choose.
  app.get(
    '/api/kiosks/me',
    {
      schema: {
        tags: ['public'],
        summary: 'The kiosk a device token belongs to (`Authorization: Device <token>`); 401 DEVICE_REQUIRED when unpaired or revoked',
        response: replies({ 200: PublicKioskSchema }, 401),
      },
      config: { access: 'kiosk.draw' },
    },
    async (request) => {
      const kiosk = await authenticateKiosk(office, deviceTokenFromHeader(request.headers.authorization));
      if (!kiosk) throw new AppError('DEVICE_REQUIRED');
      return findPublicKiosk(office, kiosk.id);
    },
  );

  // #15: the kiosk follows its device record; it reads it again on `device:changed` naming its id.
  app.get(
    '/api/kiosks/me/settings',
    {
      schema: {
        tags: ['public'],
        summary:
          "The paired kiosk's own settings (`Authorization: Device <token>`): services offered in kiosk order (null: all), languages offered (null: all), idle seconds, the record's version; 401 DEVICE_REQUIRED when unpaired or revoked",
        response: replies({ 200: KioskSettingsSchema }, 401),
      },
      config: { access: 'kiosk.draw' },
    },
    async (request, reply) => {
      const kiosk = await authenticateKiosk(office, deviceTokenFromHeader(request.headers.authorization));
      if (!kiosk) throw new AppError('DEVICE_REQUIRED');
      return reply.header('cache-control', 'no-store').send(await ownKioskSettings(office, kiosk));
    },
  );

  app.get(
    '/api/kiosks/:id',
    {
      schema: {
        tags: ['public'],
        summary: "A kiosk's public set-up: id, name, area",
        params: KioskParams,
        response: replies({ 200: PublicKioskSchema }, 404),
      },
      config: { access: 'public.read' },
    },
    async (request) => findPublicKiosk(office, request.params.id),
  );
}
