import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../server/store/sqlite/sqlite-store.js';
import { storeContract, type OpenedStore } from './store-contract.js';

/** A real SQLite file in a temp dir; reopening is a new store on the same file. */
function sqliteStore(): Promise<OpenedStore> {
  const dir = mkdtempSync(join(tmpdir(), 'amtsqueue-contract-'));
  const file = join(dir, 'db.sqlite');
  return Promise.resolve({
    store: new SqliteStore(file),
    reopen: () => Promise.resolve(new SqliteStore(file)),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  });
}

// One line per adapter: each runs the same contract.
storeContract('SQLite', sqliteStore);
