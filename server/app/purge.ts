import { event } from '../domain/events.js';
import { noCounts, purgeCutoffs, totalOf, type PurgeCounts, type PurgeCutoffs } from '../domain/retention.js';
import { retentionSettings } from '../domain/settings.js';
import type { SiteReader, SiteTx } from '../store/store.js';
import type { Office } from './office.js';

/**
 * #17 data protection: the purge. Removes the personal data whose retention ended
 * (README "Data protection"; the rules are server/domain/retention.ts) in small units of
 * work, then writes one `data.purged` event with the counts. It clears free text and
 * contact fields where they live and deletes expired sessions and actor keys; it never
 * touches the event log's rows or the statistics facts.
 */

/** Items one unit of work removes at most: a purge never holds the write lock for long. */
export const PURGE_BATCH = 500;

export interface PurgeOutcome {
  counts: PurgeCounts;
  cutoffs: PurgeCutoffs;
  /** The `data.purged` event's seq; null for a dry run, or a quiet run that wrote none. */
  seq: number | null;
}

async function cutoffsIn(r: SiteReader, now: number): Promise<PurgeCutoffs> {
  const settings = await r.catalog.settings();
  return purgeCutoffs(now, settings.timeZone, retentionSettings(settings));
}

/** What a purge at the office's `now` would remove, removing nothing (`npm run purge -- --dry-run`). */
export async function purgeDue(office: Office): Promise<{ counts: PurgeCounts; cutoffs: PurgeCutoffs }> {
  const now = office.now();
  const due = await office.store.read(office.siteId, async (r) => {
    const cutoffs = await cutoffsIn(r, now);
    const counts: PurgeCounts = {
      notes: await r.privacy.notesDue(cutoffs.notesBefore),
      feedback_comments: await r.privacy.feedbackCommentsDue(cutoffs.feedbackCommentsBefore),
      appointment_contact: await r.privacy.appointmentContactsDue(cutoffs.appointmentContactBefore),
      sessions: 0,
      actor_link: await r.privacy.actorKeysDue(cutoffs.actorPeriodsBefore),
    };
    return { counts, cutoffs };
  });
  due.counts.sessions = await office.store.shared((s) => s.expiredSessions(due.cutoffs.sessionsExpiredAt));
  return due;
}

/**
 * Runs the purge at the office's `now`. `quiet`: write the event only when something was
 * removed (the start-up catch-up run); the nightly run always writes it, so the log shows
 * that it ran.
 */
export async function runPurge(office: Office, options: { quiet?: boolean; batch?: number } = {}): Promise<PurgeOutcome> {
  const batch = options.batch ?? PURGE_BATCH;
  const now = office.now();
  const cutoffs = await office.store.read(office.siteId, (r) => cutoffsIn(r, now));
  const counts = noCounts();
  const steps: Array<[keyof PurgeCounts, (tx: SiteTx) => Promise<number>]> = [
    ['notes', (tx) => tx.privacy.clearNotes(cutoffs.notesBefore, batch)],
    ['feedback_comments', (tx) => tx.privacy.clearFeedbackComments(cutoffs.feedbackCommentsBefore, batch)],
    ['appointment_contact', (tx) => tx.privacy.clearAppointmentContacts(cutoffs.appointmentContactBefore, batch)],
    ['sessions', (tx) => tx.shared.purgeExpiredSessions(cutoffs.sessionsExpiredAt, batch)],
    ['actor_link', (tx) => tx.privacy.deleteActorKeys(cutoffs.actorPeriodsBefore, batch)],
  ];
  for (const [kind, step] of steps) {
    for (;;) {
      const removed = await office.command(async (tx) => ({ result: await step(tx), events: [] }));
      counts[kind] += removed;
      if (removed < batch) break;
    }
  }
  if (options.quiet && totalOf(counts) === 0) return { counts, cutoffs, seq: null };
  let seq: number | null = null;
  const listen = (logged: Array<{ type: string; seq: number }>) => {
    for (const e of logged) if (e.type === 'data.purged') seq = e.seq;
  };
  office.events.on('committed', listen);
  try {
    await office.command((_tx, at) => Promise.resolve({ result: null, events: [event('data.purged', at, { data: { counts: { ...counts } } })] }));
  } finally {
    office.events.off('committed', listen);
  }
  return { counts, cutoffs, seq };
}

/**
 * At start-up: a night was missed when something is due now (the nightly purge would have
 * removed it); then the purge runs, and writes its event. Nothing due: nothing happens.
 */
export async function purgeIfMissed(office: Office): Promise<PurgeOutcome | null> {
  const due = await purgeDue(office);
  if (totalOf(due.counts) === 0) return null;
  return runPurge(office, { quiet: true });
}
