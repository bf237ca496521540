import { IssuedTicketSchema, PublicTicketSchema } from '../../../common/dto-schemas.js';
import { CheckinBody, EmptyBody, IssueTicketBody, TicketParams } from '../../../common/schemas.js';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../common/errors.js';
import { commandTimings } from '../../app/command-timing.js';
import { authenticateKiosk, countKioskDraw, deviceTokenFromHeader } from '../../app/devices.js';
import { checkKioskOffers } from '../../app/kiosks.js';
import { visitServices, type Office } from '../../app/office.js';
import type { Api, RouteDeps } from '../api.js';
import { replies } from '../replies.js';

/**
 * Who draws (#13 part 1): a staff session may name any kiosk to print on; an
 * anonymous request must come from an active kiosk (`Authorization: Device
 * <token>`, else 401 DEVICE_REQUIRED), prints only on that kiosk whatever the
 * body says, and counts against the kiosk's per-minute limit.
 */
async function printerFor(office: Office, request: FastifyRequest, named: string | undefined, serviceIds: readonly string[] = []): Promise<string | undefined> {
  if (request.user) return named;
  const kiosk = await authenticateKiosk(office, deviceTokenFromHeader(request.headers.authorization));
  if (!kiosk) throw new AppError('DEVICE_REQUIRED');
  // #15: only the services its record offers (a check-in names none: appointments are for any service); #17: each of the visit's.
  for (const serviceId of serviceIds) checkKioskOffers(kiosk, serviceId);
  await countKioskDraw(office, kiosk.id);
  return kiosk.id;
}

export function ticketRoutes(app: Api, { office, config, print }: RouteDeps): void {
  // Server time per command (#14): the handler up to the answer, without the wait for the printer.
  const timings = commandTimings(office);
  app.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Draw a ticket: a paired kiosk (`Authorization: Device <token>`), or staff past capacity limits',
        body: IssueTicketBody,
        response: replies({ 201: IssuedTicketSchema }, 400, 401, 404, 409, 429),
      },
      config: {
        access: 'kiosk.draw',
        rateLimit: {
          max: config.ticketRateLimit,
          timeWindow: 60_000,
          hook: 'preHandler',
          // A staff session is never limited: the office must always be able to issue.
          allowList: (request) => request.user !== null,
        },
      },
    },
    async (request, reply) => {
      const { kioskId, ticket } = await timings.time('issue', async () => ({
        kioskId: await printerFor(office, request, request.body.kioskId, [
          request.body.serviceId,
          ...visitServices(request.body.serviceId, request.body.alsoServiceIds),
        ]),
        ticket: await office.issueTicket({ ...request.body, staff: request.user }),
      }));
      // The ticket exists whatever the printer does; the kiosk shows the outcome's fallback.
      return reply.status(201).send({ ...ticket, print: await print.printIssued(ticket, kioskId) });
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      schema: {
        tags: ['tickets'],
        summary: "A ticket's public view (its id is the token)",
        params: TicketParams,
        response: replies({ 200: PublicTicketSchema }, 404),
      },
      config: { access: 'visitor.ticket' },
    },
    async (request) => office.publicTicket(request.params.id),
  );

  app.delete(
    '/api/tickets/:id',
    {
      schema: {
        tags: ['tickets'],
        summary: 'The visitor cancels their ticket',
        params: TicketParams,
        body: EmptyBody,
        response: replies({ 200: PublicTicketSchema }, 404, 409),
      },
      config: { access: 'visitor.ticket' },
    },
    async (request) => timings.time('cancel', () => office.cancelTicket(request.params.id)),
  );

  app.post(
    '/api/checkin',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Check in for an appointment with its booking code (a paired kiosk, or staff)',
        body: CheckinBody,
        response: replies({ 201: IssuedTicketSchema }, 401, 404, 409, 429),
      },
      config: { access: 'kiosk.draw', rateLimit: { max: config.ticketRateLimit, timeWindow: 60_000, hook: 'preHandler' } },
    },
    async (request, reply) => {
      const { kioskId, ticket } = await timings.time('checkin', async () => ({
        kioskId: await printerFor(office, request, request.body.kioskId),
        ticket: await office.checkIn(request.body.code, request.body.language),
      }));
      return reply.status(201).send({ ...ticket, print: await print.printIssued(ticket, kioskId) });
    },
  );
}
