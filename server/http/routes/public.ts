import Type from 'typebox';
import { HealthSchema, PublicCounterSchema, PublicServiceSchema } from '../../../common/dto-schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { replies } from '../replies.js';

export function publicRoutes(app: Api, { office, print }: RouteDeps): void {
  // Still "ok" with a broken printer: the server is healthy and issuing works; details say what is wrong.
  app.get(
    '/api/health',
    { schema: { tags: ['public'], summary: 'Liveness, with the state of the kiosk printers', response: replies({ 200: HealthSchema }) } },
    async () => ({ status: 'ok' as const, details: { printers: await print.publicStatuses() } }),
  );

  app.get(
    '/api/services',
    {
      schema: {
        tags: ['public'],
        summary: 'Services with open/closed state, waiting count and estimate',
        response: replies({ 200: Type.Array(PublicServiceSchema) }),
      },
    },
    async () => office.view((v) => v.publicServices()),
  );

  app.get(
    '/api/counters',
    { schema: { tags: ['public'], summary: 'Counters without staff names', response: replies({ 200: Type.Array(PublicCounterSchema) }) } },
    async () => office.view((v) => v.counters.map((c) => v.publicCounter(c))),
  );
}
