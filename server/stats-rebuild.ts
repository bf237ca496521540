import { Office } from './app/office.js';
import { statsProjection, type ProjectionCounts } from './app/stats/projection.js';
import { ConfigError, loadConfig } from './config.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';
import type { QueueStore } from './store/store.js';

/**
 * #16 `npm run stats:rebuild`: drops every site's statistics facts, sets the
 * projection's cursor to 0 and projects the whole event log again (after a
 * definition in server/domain/stats/ changed). The event log is not touched.
 * A server running meanwhile keeps working: its projection follows the same
 * cursor, so it continues where the rebuild got to.
 */
export async function rebuildStats(store: QueueStore, now: () => number = Date.now): Promise<Map<string, ProjectionCounts>> {
  const sites = await store.shared((tx) => tx.sites());
  const out = new Map<string, ProjectionCounts>();
  for (const site of sites) {
    const office = new Office({ store, siteId: site.id, now, publicUrl: '' });
    out.set(site.id, await statsProjection(office).rebuild());
  }
  return out;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const store = new SqliteStore(config.dbFile);
  const started = process.hrtime.bigint();
  try {
    for (const [siteId, c] of await rebuildStats(store)) {
      process.stdout.write(
        `site ${siteId}: ${c.events} events → ${c.segments} segments, ${c.refusals} refusals, ${c.appointments} appointments\n`,
      );
    }
  } finally {
    await store.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`Statistics rebuilt from ${config.dbFile} in ${seconds.toFixed(1)} s.\n`);
}

if (process.argv[1]?.endsWith('stats-rebuild.js')) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? 'Configuration error' : 'Rebuild failed'}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
