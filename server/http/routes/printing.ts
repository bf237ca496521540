import Type from 'typebox';
import { AgentTokenIssuedSchema, PrinterStatusSchema, ReprintOutcomeSchema } from '../../../common/dto-schemas.js';
import { EmptyBody, Id, TicketParams } from '../../../common/schemas.js';
import { AGENT_TOKEN_MAX_DAYS, issueAgentToken, revokeAgentToken } from '../../app/print-agents.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { binaryReply, NoContent, replies } from '../replies.js';

const strict = { additionalProperties: false } as const;
const ReceiptQuery = Type.Object(
  { width: Type.Optional(Type.Union([Type.Literal('576'), Type.Literal('384')], { description: 'Paper width in dots: 576 (80 mm, default) or 384 (58 mm)' })) },
  strict,
);
const ReprintBody = Type.Union([Type.Object({ kioskId: Type.Optional(Id) }, strict), Type.Null()]);
const KioskParams = Type.Object({ id: Id }, strict);
/** A reprint names the ticket by its staff reference; its id, as before protocol 3, still works. */
const ReprintParams = Type.Object({ id: { ...Id, description: "The ticket's staff reference `ref` (its id still works, deprecated)" } }, strict);
const AgentTokenBody = Type.Union([
  Type.Object(
    {
      expiresInDays: Type.Optional(
        Type.Integer({ minimum: 1, maximum: AGENT_TOKEN_MAX_DAYS, description: 'The token stops working after this many days; never when left out' }),
      ),
    },
    strict,
  ),
  Type.Null(),
]);

/** Receipt preview, reprint, printer status and print agent enrolment. */
export function printingRoutes(app: Api, { office, print }: RouteDeps): void {
  app.get(
    '/api/tickets/:id/receipt.png',
    {
      schema: {
        tags: ['tickets'],
        summary: 'The printed ticket as a PNG (the id is the token; staff also after it expired)',
        params: TicketParams,
        querystring: ReceiptQuery,
        response: replies({ 200: binaryReply<Buffer>('image/png', 'The ticket as printed, 1 bit per pixel') }, 400, 404, 429),
      },
      config: { access: 'visitor.ticket', rateLimit: { max: 60, timeWindow: 60_000, hook: 'preHandler', allowList: (request) => request.user !== null } },
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
        summary: 'Print a ticket again (by its staff reference), on the kiosk that issued it or on `kioskId`',
        params: ReprintParams,
        body: ReprintBody,
        response: replies({ 200: ReprintOutcomeSchema }, 400, 401, 404),
      },
      config: { access: 'counter.work' },
      preHandler: requireStaff,
    },
    async (request) => print.reprint(request.params.id, request.body?.kioskId, staffUser(request)),
  );

  app.get(
    '/api/printers',
    {
      schema: {
        tags: ['staff'],
        summary: 'Kiosk printers: ok / error with reason, last success',
        response: replies({ 200: Type.Array(PrinterStatusSchema) }, 401),
      },
      config: { access: 'counter.work' },
      preHandler: requireStaff,
    },
    async () => print.statuses(),
  );

  app.post(
    '/api/printers/:id/agent-token',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: a new print agent token for a kiosk (shown once; replaces the previous one), optionally expiring',
        params: KioskParams,
        body: AgentTokenBody,
        response: replies({ 201: AgentTokenIssuedSchema }, 400, 401, 403, 404),
      },
      config: { access: 'printers.agentToken' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      const issued = await issueAgentToken(office, request.params.id, staffUser(request), request.body?.expiresInDays);
      return reply.status(201).header('cache-control', 'no-store').send({ kioskId: request.params.id, ...issued });
    },
  );

  app.delete(
    '/api/printers/:id/agent-token',
    {
      schema: {
        tags: ['staff'],
        summary: 'Admin: revoke the print agent token of a kiosk without issuing a new one (its agent is disconnected)',
        params: KioskParams,
        body: EmptyBody,
        response: replies({ 204: NoContent }, 401, 403, 404),
      },
      config: { access: 'printers.agentToken' },
      preHandler: requireStaff,
    },
    async (request, reply) => {
      await revokeAgentToken(office, request.params.id, staffUser(request));
      return reply.status(204).send(null);
    },
  );
}
