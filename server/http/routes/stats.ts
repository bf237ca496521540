import { StatsComments, StatsCommentsQuery, StatsCsvQuery, StatsQuery, StatsSummary } from '../../../common/stats-schemas.js';
import { statsComments } from '../../app/stats/comments.js';
import { statsExportCsv, statsSummary, statsSummaryCsv } from '../../app/stats/summary.js';
import type { Api, RouteDeps } from '../api.js';
import { requireStaff, staffUser } from '../auth.js';
import { binaryReply, replies } from '../replies.js';

/**
 * #16: the office's figures for team leads and admins (use case `stats.read`):
 * the summary as JSON and as CSV, and one CSV row per ticket segment. The
 * definitions are in the README ("Statistics") and server/domain/stats/.
 */
export function statsRoutes(app: Api, { office }: RouteDeps): void {
  const csv = (description: string) => replies({ 200: binaryReply<string>('text/csv', description) }, 400, 401, 403);
  const filters = 'Dates local and inclusive (at most 400 days); `counterId` and `groupBy=counter` only where an admin switched per-counter figures on (else 403 COUNTER_STATS_OFF).';

  app.get(
    '/api/stats/summary',
    {
      schema: {
        tags: ['stats'],
        summary: 'The office’s figures for a date range, whole and grouped: counts, wait and service time (minutes), within target, feedback, appointments',
        description: filters,
        querystring: StatsQuery,
        response: replies({ 200: StatsSummary }, 400, 401, 403),
      },
      config: { access: 'stats.read' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await statsSummary(office, staffUser(request), request.query)),
  );

  const csvRoute = (url: string, summary: string, description: string, filename: string, build: typeof statsExportCsv) =>
    app.get(
      url,
      {
        schema: { tags: ['stats'], summary, description: filters, querystring: StatsCsvQuery, response: csv(description) },
        config: { access: 'stats.read' },
        preHandler: requireStaff,
      },
      async (request, reply) => {
        const { dialect = 'excel', ...query } = request.query;
        const body = await build(office, staffUser(request), query, dialect);
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${filename}-${query.from}-${query.to}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(body);
      },
    );
  csvRoute(
    '/api/stats/summary.csv',
    'The summary as CSV: the whole range, then one row per group (German Excel by default, `dialect=rfc4180` for tools)',
    'The grouped figures',
    'statistik',
    statsSummaryCsv,
  );
  csvRoute(
    '/api/stats/export.csv',
    'One CSV row per ticket segment (date, number, service, channel, language, priority class, times, wait, service time, outcome), nothing personal',
    'The ticket segments',
    'vorgaenge',
    statsExportCsv,
  );

  app.get(
    '/api/stats/comments',
    {
      schema: {
        tags: ['stats'],
        summary: 'The visitors’ anonymous comments of a date range, newest first, with the service and the day only',
        querystring: StatsCommentsQuery,
        response: replies({ 200: StatsComments }, 400, 401, 403),
      },
      config: { access: 'stats.read' },
      preHandler: requireStaff,
    },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await statsComments(office, staffUser(request), request.query)),
  );
}
