import type { Api, RouteDeps } from '../api.js';

export function publicRoutes(app: Api, { office, print }: RouteDeps): void {
  // Still "ok" with a broken printer: the server is healthy and issuing works; details say what is wrong.
  app.get(
    '/api/health',
    { schema: { tags: ['public'], summary: 'Liveness, with the state of the kiosk printers' } },
    async () => ({ status: 'ok', details: { printers: await print.publicStatuses() } }),
  );

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
