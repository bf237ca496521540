import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Type from 'typebox';
import { FeedbackStateSchema, FeedbackStatsSchema } from '../../../common/dto-schemas.js';
import { AppError } from '../../../common/errors.js';
import { FeedbackBody, FeedbackStatsQuery, TicketParams } from '../../../common/schemas.js';
import { feedbackGiven, feedbackStats, giveFeedback } from '../../app/feedback.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff } from '../auth.js';
import { binaryReply, replies } from '../replies.js';

/** The page itself decides what to show, so any path segment gets it; the API guards the data. */
const PageParams = Type.Object({ id: Type.String({ maxLength: 200 }) });

/**
 * The visitor's phone: the page behind every ticket's QR code (`/t/<token>`),
 * the one-question feedback after the visit, and its statistics for staff.
 */
export function visitorRoutes(app: Api, { office, config }: RouteDeps): void {
  const page = replies({ 200: binaryReply<string>('text/html', "The visitor's phone page") }, 404);
  app.get('/t/:id', { schema: { hide: true, params: PageParams, response: page }, config: { access: 'public.page' } }, async (_request, reply) => {
    const html = config.publicDir ? await readFile(join(config.publicDir, 'visitor', 'index.html'), 'utf8').catch(() => null) : null;
    if (html === null) throw new AppError('NOT_FOUND', 'The visitor page is not built (run "npm run build:web").');
    return reply
      .header('cache-control', 'no-cache')
      // The token is in the path: keep the page out of search engines and the address out of referrers.
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(html);
  });

  app.get(
    '/api/tickets/:id/feedback',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Whether the visitor already gave feedback for this ticket',
        params: TicketParams,
        response: replies({ 200: FeedbackStateSchema }, 404),
      },
      config: { access: 'visitor.ticket' },
    },
    async (request) => ({ given: await feedbackGiven(office, request.params.id) }),
  );

  app.post(
    '/api/tickets/:id/feedback',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Anonymous feedback after the visit: grade 1 (sehr gut) … 6 (ungenügend), once per ticket',
        params: TicketParams,
        body: FeedbackBody,
        response: replies({ 201: FeedbackStateSchema }, 400, 404, 409, 429),
      },
      config: { access: 'visitor.ticket', rateLimit: { max: config.ticketRateLimit, timeWindow: 60_000, hook: 'preHandler' } },
    },
    async (request, reply) => {
      await giveFeedback(office, request.params.id, request.body);
      return reply.status(201).send({ given: true });
    },
  );

  app.get(
    '/api/stats/feedback',
    {
      schema: {
        tags: ['stats'],
        summary: 'Team leads and admins: mean feedback grade and count per service and office day (dates inclusive, default today)',
        querystring: FeedbackStatsQuery,
        response: replies({ 200: FeedbackStatsSchema }, 400, 401, 403),
      },
      config: { access: 'stats.read' },
      preHandler: requireStaff,
    },
    async (request) => feedbackStats(office, request.query.from, request.query.to),
  );
}
