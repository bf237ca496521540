import { StorageError, type StorageFailure } from '../store.js';

/** SQLite's (extended) result codes, by prefix, that mean the storage failed rather than the statement. */
const FAILURES: ReadonlyArray<[prefix: string, reason: StorageFailure]> = [
  ['SQLITE_READONLY', 'read_only'],
  ['SQLITE_PERM', 'read_only'],
  ['SQLITE_FULL', 'disk_full'],
  ['SQLITE_NOLFS', 'disk_full'],
  ['SQLITE_IOERR', 'io_error'],
  ['SQLITE_PROTOCOL', 'io_error'],
  ['SQLITE_CANTOPEN', 'cannot_open'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
];

const WHAT: Record<StorageFailure, string> = {
  read_only: 'cannot be written (the file, its folder or the disk is read-only)',
  disk_full: 'cannot grow (the disk is full, or a file-size limit was reached)',
  io_error: 'cannot be written (the disk reported an input/output error)',
  cannot_open: 'cannot be opened',
  corrupt: 'is damaged',
  busy: 'is locked by another process',
};

/** A StorageError for what better-sqlite3 threw when the storage failed; anything else comes back as it was. */
export function classifySqliteError(err: unknown, file: string): unknown {
  if (err instanceof StorageError) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';
  const found = FAILURES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  if (!found) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new StorageError(found[1], `The database ${file} ${WHAT[found[1]]}: ${code}, ${detail}.`, { cause: err });
}
