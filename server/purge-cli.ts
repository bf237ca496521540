import { existsSync } from 'node:fs';
import { RETENTION_KINDS } from '../common/events.js';
import { Office } from './app/office.js';
import { purgeDue, runPurge } from './app/purge.js';
import { ConfigError, loadConfig } from './config.js';
import type { PurgeCounts, PurgeCutoffs } from './domain/retention.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { QueueStore } from './store/store.js';

/**
 * #17 `npm run purge` (and `npm run purge -- --dry-run`): the purge the server runs every
 * night (server/app/purge.ts), run now for every site of the database. The dry run only
 * counts what would go and changes nothing (no event either). A server running meanwhile is
 * fine: the purge's units of work take their turn like any command.
 */
export async function purgeSites(store: QueueStore, dryRun: boolean, now: () => number = Date.now): Promise<Map<string, { counts: PurgeCounts; cutoffs: PurgeCutoffs }>> {
  const out = new Map<string, { counts: PurgeCounts; cutoffs: PurgeCutoffs }>();
  for (const site of await store.shared((tx) => tx.sites())) {
    const office = new Office({ store, siteId: site.id, now, publicUrl: '' });
    out.set(site.id, dryRun ? await purgeDue(office) : await runPurge(office));
  }
  return out;
}

const LABELS: Record<(typeof RETENTION_KINDS)[number], string> = {
  notes: 'counter notes',
  feedback_comments: 'feedback comments',
  appointment_contact: 'appointment contact data',
  sessions: 'expired sessions',
  actor_link: 'actor key links',
};

export function purgeReport(result: Map<string, { counts: PurgeCounts; cutoffs: PurgeCutoffs }>, dryRun: boolean): string {
  const lines: string[] = [];
  if (result.size === 0) lines.push('No office in this database: nothing to purge.');
  for (const [siteId, { counts, cutoffs }] of result) {
    lines.push(`site ${siteId}: ${dryRun ? 'would remove (dry run, nothing changed)' : 'removed'}`);
    const before: Record<(typeof RETENTION_KINDS)[number], string> = {
      notes: `tickets of office days before ${cutoffs.notesBefore}`,
      feedback_comments: `feedback of office days before ${cutoffs.feedbackCommentsBefore}`,
      appointment_contact: `appointments before ${new Date(cutoffs.appointmentContactBefore).toISOString()}`,
      sessions: `expired by ${new Date(cutoffs.sessionsExpiredAt).toISOString()}`,
      actor_link: `keys of months before ${cutoffs.actorPeriodsBefore}`,
    };
    for (const kind of RETENTION_KINDS) lines.push(`  ${LABELS[kind].padEnd(26)} ${String(counts[kind]).padStart(6)}   (${before[kind]})`);
  }
  return lines.join('\n') + '\n';
}

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== '--dry-run');
  if (unknown.length > 0) throw new ConfigError(`unknown argument ${unknown.join(' ')} (only --dry-run)`);
  const dryRun = argv.includes('--dry-run');
  const config = loadConfig();
  // A purge of a path with no database would create an empty one there and report nothing.
  if (!existsSync(config.dbFile)) throw new ConfigError(`no database at ${config.dbFile} (set DATA_DIR or DB_FILE)`);
  const store = new SqliteStore(config.dbFile);
  try {
    process.stdout.write(purgeReport(await purgeSites(store, dryRun), dryRun));
  } finally {
    await store.close();
  }
}

if (process.argv[1]?.endsWith('purge-cli.js')) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? 'Configuration error' : 'Purge failed'}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
