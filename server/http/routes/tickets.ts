import { IssuedTicketSchema, PublicTicketSchema } from '../../../common/dto-schemas.js';
import { CheckinBody, EmptyBody, IssueTicketBody, TicketParams } from '../../../common/schemas.js';
import type { Api, RouteDeps } from '../api.js';
import { replies } from '../replies.js';

export function ticketRoutes(app: Api, { office, config, print }: RouteDeps): void {
  app.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Draw a ticket (kiosk, or staff past capacity limits)',
        body: IssueTicketBody,
        response: replies({ 201: IssuedTicketSchema }, 400, 404, 409, 429),
      },
      config: {
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
      const ticket = await office.issueTicket({ ...request.body, staff: request.user });
      // The ticket exists whatever the printer does; the kiosk shows the outcome's fallback.
      return reply.status(201).send({ ...ticket, print: await print.printIssued(ticket, request.body.kioskId) });
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
    },
    async (request) => office.cancelTicket(request.params.id),
  );

  app.post(
    '/api/checkin',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Check in for an appointment with its booking code',
        body: CheckinBody,
        response: replies({ 201: IssuedTicketSchema }, 404, 409, 429),
      },
      config: { rateLimit: { max: config.ticketRateLimit, timeWindow: 60_000, hook: 'preHandler' } },
    },
    async (request, reply) => {
      const ticket = await office.checkIn(request.body.code, request.body.language);
      return reply.status(201).send({ ...ticket, print: await print.printIssued(ticket, request.body.kioskId) });
    },
  );
}
