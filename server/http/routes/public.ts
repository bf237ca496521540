import Type from 'typebox';
import { HealthSchema, PublicCounterSchema, PublicServiceSchema } from '../../../common/dto-schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { replies } from '../replies.js';

export function publicRoutes(app: Api, { office, print, storage }: RouteDeps): void {
  // Still "ok" with a broken printer: the server is healthy and issuing works; details say what is wrong.
  // 503 "degraded" while the storage refuses writes, until a probe write works again.
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['public'],
        summary: 'Health: 200 ok, or 503 degraded while the database cannot be written; with the state of the kiosk printers',
        response: replies({ 200: HealthSchema, 503: HealthSchema }),
      },
      config: { access: 'public.read' },
    },
    async (_request, reply) => {
      const details = { printers: await print.publicStatuses() };
      const trouble = storage.current();
      if (!trouble) return { status: 'ok' as const, details };
      return reply.status(503).send({ status: 'degraded' as const, ...trouble, details });
    },
  );

  app.get(
    '/api/services',
    {
      schema: {
        tags: ['public'],
        summary: 'Services with open/closed state, waiting count and estimate',
        response: replies({ 200: Type.Array(PublicServiceSchema) }),
      },
      config: { access: 'public.read' },
    },
    async () => office.view((v) => v.publicServices()),
  );

  app.get(
    '/api/counters',
    { schema: { tags: ['public'], summary: 'Counters without staff names', response: replies({ 200: Type.Array(PublicCounterSchema) }) }, config: { access: 'public.read' } },
    async () => office.view((v) => v.counters.map((c) => v.publicCounter(c))),
  );
}
