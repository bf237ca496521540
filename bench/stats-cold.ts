import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { SessionUser } from '../common/dto.js';
import type { StatsQuery } from '../common/stats-schemas.js';
import { Office } from '../server/app/office.js';
import { statsSummary } from '../server/app/stats/summary.js';
import { SqliteStore } from '../server/store/sqlite/sqlite-store.js';
import { trackChild } from './cleanup.js';

/**
 * #16: a summary as the first request of a fresh process (bench scenario
 * `stats`): nothing compiled yet, the store just opened, no page cached by
 * SQLite (the OS file cache is what it is). The parent forks this file per
 * query; it answers with the summary's milliseconds and the process's peak RSS.
 */

export interface ColdSummary {
  ms: number;
  peakRssMiB: number;
}

interface Job {
  file: string;
  siteId: string;
  now: number;
  query: StatsQuery;
}

const ADMIN: SessionUser = { id: 'usr_bench', username: 'bench', displayName: 'Bench', role: 'admin', languages: [], mustChangePassword: false };

/** Forks a process that opens `file` and answers one summary. */
export async function coldSummary(job: Job): Promise<ColdSummary> {
  const child = fork(import.meta.filename, [JSON.stringify(job)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  trackChild(child);
  return new Promise<ColdSummary>((resolve, reject) => {
    child.once('message', (m: unknown) => resolve(m as ColdSummary));
    child.once('exit', (code) => reject(new Error(`the cold summary process exited (${code}) without an answer`)));
  });
}

async function main(job: Job): Promise<void> {
  const store = new SqliteStore(job.file);
  try {
    const office = new Office({ store, siteId: job.siteId, now: () => job.now, publicUrl: '' });
    const t0 = performance.now();
    await statsSummary(office, ADMIN, job.query);
    const ms = performance.now() - t0;
    const answer: ColdSummary = { ms, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
    await new Promise<void>((done) => process.send?.(answer, () => done()));
  } finally {
    await store.close();
  }
}

if (process.argv[1] === import.meta.filename && process.send) {
  main(JSON.parse(process.argv[2] ?? '{}') as Job).then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`cold summary failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
