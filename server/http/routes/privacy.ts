import { AppointmentCodeParams, VisitorDataSchema } from '../../../common/privacy-schemas.js';
import { EmptyBody, TicketParams } from '../../../common/schemas.js';
import { appointmentDataOf, deleteContact, ticketDataOf } from '../../app/visitor-data.js';
import type { Api, RouteDeps } from '../api.js';
import { replies } from '../replies.js';

/**
 * #17 a visitor's right of access (README "Data protection"): what is stored about a ticket
 * (its token) or an appointment (its booking code), and the early deletion of contact data.
 * Rate-limited like the other public ticket routes: a booking code is short.
 */
export function privacyRoutes(app: Api, { office, config }: RouteDeps): void {
  const limit = { max: config.ticketRateLimit, timeWindow: 60_000, hook: 'preHandler' } as const;
  app.get(
    '/api/tickets/:id/data',
    {
      schema: { tags: ['tickets'], summary: 'What the office stores about this ticket (its id is the token)', params: TicketParams, response: replies({ 200: VisitorDataSchema }, 404, 429) },
      config: { access: 'visitor.ticket', rateLimit: limit },
    },
    async (request) => ticketDataOf(office, request.params.id),
  );
  app.delete(
    '/api/tickets/:id/contact',
    {
      schema: { tags: ['tickets'], summary: "Delete the contact data of this ticket's appointment now", params: TicketParams, body: EmptyBody, response: replies({ 200: VisitorDataSchema }, 404, 429) },
      config: { access: 'visitor.ticket', rateLimit: limit },
    },
    async (request) => deleteContact(office, { ticketId: request.params.id }),
  );
  app.get(
    '/api/appointments/:code/data',
    {
      schema: { tags: ['tickets'], summary: 'What the office stores about this appointment (its booking code)', params: AppointmentCodeParams, response: replies({ 200: VisitorDataSchema }, 400, 404, 429) },
      config: { access: 'visitor.ticket', rateLimit: limit },
    },
    async (request) => appointmentDataOf(office, request.params.code),
  );
  app.delete(
    '/api/appointments/:code/contact',
    {
      schema: { tags: ['tickets'], summary: "Delete this appointment's contact data now", params: AppointmentCodeParams, body: EmptyBody, response: replies({ 200: VisitorDataSchema }, 400, 404, 429) },
      config: { access: 'visitor.ticket', rateLimit: limit },
    },
    async (request) => deleteContact(office, { code: request.params.code }),
  );
}
