import { AppError, type ErrorCode } from '../../../common/errors.js';
import type { RuleViolation } from '../../domain/catalog-rules.js';

/**
 * #15: what every admin write of a catalogue record shares. A write names the
 * version it read; the check and the write run in one site transaction
 * (`office.command`), so of two admins who read the same version only the
 * first writes and the second gets 409 STALE: no lost update.
 */

/** The stored version, or the record's not-found error; a different version than the one read is STALE. */
export function checkVersion(stored: number | null, read: number | undefined, notFound: ErrorCode): number {
  if (stored === null) throw new AppError(notFound);
  if (read === undefined) throw new AppError('INVALID_INPUT', 'Name the version you read (?version=N).', { field: 'version' });
  if (stored !== read) {
    throw new AppError('STALE', `This record is at version ${stored}, the change was made to version ${read}; reload it and apply your change again.`);
  }
  return stored;
}

/** A rule the input breaks: 400 INVALID_INPUT naming the field. */
export function refuse(violation: RuleViolation | null): void {
  if (violation) throw new AppError('INVALID_INPUT', violation.message, { field: violation.field });
}

/** The fields of a patch that are set, without its version. */
export function patchFields<P extends { version: number }>(patch: P): Omit<P, 'version'> {
  const { version: _version, ...fields } = patch;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<P, 'version'>;
}
