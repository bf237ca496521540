import Type from 'typebox';
import { PublicKioskSchema } from '../../../common/dto-schemas.js';
import { Id } from '../../../common/schemas.js';
import { findPublicKiosk, publicKiosks } from '../../app/kiosks.js';
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
    { schema: { tags: ['public'], summary: 'The kiosks: id, name, area', response: replies({ 200: Type.Array(PublicKioskSchema) }) } },
    async () => publicKiosks(office),
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
    },
    async (request) => findPublicKiosk(office, request.params.id),
  );
}
