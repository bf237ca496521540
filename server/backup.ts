import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ConfigError, loadConfig } from './config.js';

/**
 * #17 `npm run backup -- <file>`: a consistent copy of the database while the server runs
 * (SQLite's online backup API through better-sqlite3's `db.backup()`: it copies page by page
 * and starts again where a write came between, so the copy is one committed state).
 * Restore: stop the server, put the copy where DB_FILE points (remove the old file's
 * `-wal` and `-shm` beside it), start the server. The copy ages like any file: the purge
 * reaches the data in it only once it is restored (README "Backup and restore").
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  if (existsSync(target)) throw new ConfigError(`${target} exists already; choose a new file name`);
  if (!existsSync(source)) throw new ConfigError(`no database at ${source}`);
  const db = new Database(source, { fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    return { pages: totalPages };
  } finally {
    db.close();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const [target, ...rest] = argv;
  if (!target || rest.length > 0) throw new ConfigError('usage: npm run backup -- <file>');
  const config = loadConfig();
  const started = process.hrtime.bigint();
  const { pages } = await backupDatabase(config.dbFile, target);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`Backed up ${config.dbFile} to ${target} (${pages} pages) in ${seconds.toFixed(1)} s.\n`);
}

if (process.argv[1]?.endsWith('backup.js')) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? 'Backup refused' : 'Backup failed'}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
