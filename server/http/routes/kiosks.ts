import Type from 'typebox';
import { AppError } from '../../../common/errors.js';
import type { Device } from '../../../common/model.js';
import { Id } from '../../../common/schemas.js';
import type { Api, RouteDeps } from '../api.js';

const KioskParams = Type.Object({ id: Id }, { additionalProperties: false });

/** What anyone may know about a kiosk: printer settings stay on the server. */
const publicKiosk = (d: Device) => ({ id: d.id, name: d.name, area: d.area });

/**
 * Kiosks' public set-up. The kiosk page uses it at start-up: with
 * `?kiosk=<id>` to check that the office knows the device, without it to
 * find the office's only kiosk (whose printer then prints).
 */
export function kioskRoutes(app: Api, { office }: RouteDeps): void {
  app.get('/api/kiosks', { schema: { tags: ['public'], summary: 'The kiosks: id, name, area' } }, async () =>
    office.store.read((r) => r.devices().filter((d) => d.kind === 'kiosk').map(publicKiosk)),
  );

  app.get(
    '/api/kiosks/:id',
    { schema: { tags: ['public'], summary: "A kiosk's public set-up: id, name, area", params: KioskParams } },
    async (request) => {
      const device = await office.store.read((r) => r.device(request.params.id));
      if (!device || device.kind !== 'kiosk') throw new AppError('NOT_FOUND', 'No kiosk with this id.');
      return publicKiosk(device);
    },
  );
}
