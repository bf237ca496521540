import type { ConfigFieldChange, ConfigRecordKind } from '../../common/events.js';
import { event, type EventOf } from '../domain/events.js';

/** Fields that name a person: the log records only that they changed. */
const PERSONAL_FIELDS: ReadonlySet<string> = new Set(['username', 'displayName']);
/** Fields every record has that are no change of their own. */
const ENVELOPE_FIELDS: ReadonlySet<string> = new Set(['id', 'version']);

/** A JSON value written with its object keys sorted, so equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * The changed fields of a configuration record, before and after (null on the
 * side where the record does not exist: created or deleted); `id` and
 * `version` are left out, personal fields only say that they changed.
 */
export function configDiff(before: object | null, after: object | null): Record<string, ConfigFieldChange> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const changes: Record<string, ConfigFieldChange> = {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !ENVELOPE_FIELDS.has(f)).sort();
  for (const field of fields) {
    const was = b[field] === undefined || before === null ? null : b[field];
    const is = a[field] === undefined || after === null ? null : a[field];
    if (canonical(was) === canonical(is)) continue;
    changes[field] = PERSONAL_FIELDS.has(field) ? { redacted: true } : { before: was, after: is };
  }
  return changes;
}

/**
 * The `config.changed` event of one create, update or delete (#15), appended
 * in the same transaction as the change: who changed which record, and each
 * changed field before and after. `before`/`after` are the record as the admin
 * API shows it (null where it does not exist); `version` is the record's
 * version after the change (0 when deleted).
 */
export function configChange(
  record: ConfigRecordKind,
  id: string,
  action: 'created' | 'updated' | 'deleted',
  before: object | null,
  after: object | null,
  userId: string | null,
  at: number,
  version: number,
): EventOf<'config.changed'> {
  return event('config.changed', at, {
    userId,
    ...(record === 'service' ? { serviceId: id } : {}),
    ...(record === 'counter' ? { counterId: id } : {}),
    data: { record, recordId: id, action, version: action === 'deleted' ? 0 : version, changes: configDiff(before, after) },
  });
}
