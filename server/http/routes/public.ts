import type { Api, RouteDeps } from '../api.js';

export function publicRoutes(app: Api, { office }: RouteDeps): void {
  app.get('/api/health', { schema: { tags: ['public'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));

  app.get(
    '/api/services',
    { schema: { tags: ['public'], summary: 'Services with open/closed state, waiting count and estimate' } },
    async () => office.view((v) => v.publicServices()),
  );

  app.get(
    '/api/counters',
    { schema: { tags: ['public'], summary: 'Counters without staff names' } },
    async () => office.view((v) => v.counters.map((c) => v.publicCounter(c))),
  );
}
