import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import type { QueueStore } from '../../../server/store/store.js';
import { storeContract, type OpenedStore } from './store-contract.js';

/** A group's time bound is the server's business, not the contract's: a slow machine must not split the test's groups. */
const options = { maxMs: 60_000 };

const sqlite = (store: QueueStore) => {
  if (!(store instanceof SqliteStore)) throw new Error('not the SQLite store');
  return store;
};

/** Whether this process may set its own file-size limit (util-linux prlimit). */
const canLimitFiles = spawnSync('prlimit', ['--version']).status === 0;

function setFileSizeLimit(bytes: number | 'unlimited'): void {
  const { status, stderr } = spawnSync('prlimit', ['--pid', String(process.pid), `--fsize=${bytes}:`]);
  if (status !== 0) throw new Error(`prlimit failed: ${String(stderr)}`);
}

/** A real SQLite file in a temp dir; reopening is a new store on the same file. */
function sqliteStore(): Promise<OpenedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'amtsqueue-contract-'));
  const file = join(dir, 'db.sqlite');
  let observer: Database.Database | null = null;
  return Promise.resolve({
    store: new SqliteStore(file, options),
    reopen: () => Promise.resolve(new SqliteStore(file, options)),
    cleanup: () => {
      observer?.close();
      return Promise.resolve(rmSync(dir, { recursive: true, force: true }));
    },
    groupCommit: {
      commits: (store) => sqlite(store).commits,
      committedTicketIds: (siteId) => {
        // A second connection sees only what was committed; the read happens now, not when the promise is awaited.
        observer ??= new Database(file, { readonly: true, fileMustExist: true });
        const ids = observer.prepare('SELECT id FROM tickets WHERE site_id = ? ORDER BY id').pluck().all(siteId) as string[];
        return Promise.resolve(ids);
      },
      ...(canLimitFiles
        ? {
            refuseWrites: async (store: QueueStore) => {
              const { db } = sqlite(store);
              // The last group ends at the end of its turn of the event loop.
              while (db.inTransaction) await new Promise((resolve) => setImmediate(resolve));
              // An empty write-ahead log that may not grow: the next COMMIT cannot write its pages.
              db.pragma('wal_checkpoint(TRUNCATE)');
              setFileSizeLimit(16);
              return () => setFileSizeLimit('unlimited');
            },
          }
        : {}),
    },
  });
}

// One line per adapter: each runs the same contract.
storeContract('SQLite', sqliteStore);
