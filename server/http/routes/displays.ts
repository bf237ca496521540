import Type from 'typebox';
import { PublicDisplaySchema } from '../../../common/device-schemas.js';
import { Id } from '../../../common/schemas.js';
import { findPublicDisplay } from '../../app/admin-devices.js';
import type { Api, RouteDeps } from '../api.js';
import { replies } from '../replies.js';

const DisplayParams = Type.Object({ id: Id }, { additionalProperties: false });

/**
 * A waiting-room screen's own record (#15): `/display/?device=<id>` reads its
 * area, languages, ticker texts and layout here and follows changes live.
 * Public like the screen itself; nothing in it is secret.
 */
export function displayRoutes(app: Api, { office }: RouteDeps): void {
  app.get(
    '/api/displays/:id',
    {
      schema: {
        tags: ['public'],
        summary: "A screen's settings as an admin set them (area, announced languages, ticker texts, history, waiting counts, orientation)",
        params: DisplayParams,
        response: replies({ 200: PublicDisplaySchema }, 404),
      },
      config: { access: 'public.read' },
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await findPublicDisplay(office, request.params.id)),
  );
}
