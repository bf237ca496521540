import type { SessionUser } from '../../../common/dto.js';
import { STATS_COMMENTS_MAX, type StatsComments, type StatsCommentsQuery } from '../../../common/stats-schemas.js';
import { recordExport } from '../audit.js';
import type { Office } from '../office.js';
import { checkQuery } from './read.js';

/**
 * #16 `GET /api/stats/comments`: what visitors wrote with their grade, newest
 * first, with the service and the day only. The grade, the hour and the counter
 * are left out: together they could point to one visit and one desk.
 */
export async function statsComments(office: Office, user: SessionUser, q: StatsCommentsQuery): Promise<StatsComments> {
  checkQuery(user, q);
  const answers = await office.store.read(office.siteId, (r) => r.feedback.range(q.from, q.to));
  const written = answers
    .filter((f) => f.comment !== null && f.comment.trim() !== '' && (q.serviceId === undefined || f.serviceId === q.serviceId))
    .sort((a, b) => b.createdAt - a.createdAt);
  const comments = written.slice(0, STATS_COMMENTS_MAX).map((f) => ({ date: f.businessDate, serviceId: f.serviceId, text: f.comment ?? '' }));
  // #17: free text visitors wrote leaves the system here: recorded (`data.exported`) before it is answered.
  await recordExport(office, user, { kind: 'stats_comments', fromDate: q.from, toDate: q.to, rows: comments.length });
  return { comments, more: written.length > STATS_COMMENTS_MAX };
}
