import Type from 'typebox';
import { AppError } from '../../../common/errors.js';
import { Id, TicketParams } from '../../../common/schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';

const strict = { additionalProperties: false } as const;
const ReceiptQuery = Type.Object(
  { width: Type.Optional(Type.Union([Type.Literal('576'), Type.Literal('384')], { description: 'Paper width in dots: 576 (80 mm, default) or 384 (58 mm)' })) },
  strict,
);
const ReprintBody = Type.Union([Type.Object({ kioskId: Type.Optional(Id) }, strict), Type.Null()]);
const KioskParams = Type.Object({ id: Id }, strict);

/** Receipt preview, reprint, printer status and print agent enrolment. */
export function printingRoutes(app: Api, { print }: RouteDeps): void {
  app.get(
    '/api/tickets/:id/receipt.png',
    {
      schema: {
        tags: ['tickets'],
        summary: 'The printed ticket as a PNG (the id is the token; staff also after it expired)',
        params: TicketParams,
        querystring: ReceiptQuery,
      },
      config: { rateLimit: { max: 60, timeWindow: 60_000, hook: 'preHandler', allowList: (request) => request.user !== null } },
    },
    async (request, reply) => {
      const width = request.query.width === '384' ? 384 : 576;
      const png = await print.receiptPng(request.params.id, width, request.user);
      // Position and estimate change by the minute, and the address is a bearer token: never cache.
      return reply.header('content-type', 'image/png').header('cache-control', 'no-store').send(png);
    },
  );

  app.post(
    '/api/tickets/:id/reprint',
    {
      schema: {
        tags: ['staff'],
        summary: 'Print a ticket again, on the kiosk that issued it or on `kioskId`',
        params: TicketParams,
        body: ReprintBody,
      },
      preHandler: requireStaff,
    },
    async (request) => print.reprint(request.params.id, request.body?.kioskId, staffUser(request)),
  );

  app.get(
    '/api/printers',
    { schema: { tags: ['staff'], summary: 'Kiosk printers: ok / error with reason, last success' }, preHandler: requireStaff },
    async () => print.statuses(),
  );

  app.post(
    '/api/printers/:id/agent-token',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: a new print agent token for a kiosk (shown once; replaces the previous one)',
        params: KioskParams,
        body: Type.Union([Type.Object({}, strict), Type.Null()]),
      },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      // Staff may learn that a kiosk exists (they see the kiosks anyway); only an admin enrols its agent.
      if (!(await print.isKiosk(request.params.id))) throw new AppError('NOT_FOUND', 'No kiosk with this id.');
      if (staffUser(request).role !== 'admin') throw new AppError('FORBIDDEN');
      const token = await print.createAgentToken(request.params.id);
      return reply.status(201).header('cache-control', 'no-store').send({ kioskId: request.params.id, token });
    },
  );
}
