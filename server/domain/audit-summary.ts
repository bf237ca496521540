import type { ConfigFieldChange, LoggedEvent } from '../../common/events.js';

/** A summary is one line; a long configuration change is cut here (the event keeps it all). */
export const AUDIT_SUMMARY_MAX = 600;

/**
 * #17 audit trail: an event's payload in one line for the admins' table and CSV. Payloads hold
 * ids, codes, counts, instants and durations only (no free text), so this shows them as they
 * are: `key=value` pairs, durations in seconds, a configuration change as
 * `record id action (vN): field: before → after; …`.
 */
export function auditSummary(e: LoggedEvent): string {
  const line = e.type === 'config.changed' ? configLine(e.data) : pairs(e.data as Record<string, unknown>);
  return line.length > AUDIT_SUMMARY_MAX ? `${line.slice(0, AUDIT_SUMMARY_MAX - 1)}…` : line;
}

function configLine(d: Extract<LoggedEvent, { type: 'config.changed' }>['data']): string {
  const head = `${d.record} ${d.recordId} ${d.action} (v${d.version})`;
  const fields = Object.entries(d.changes).map(([field, change]) => `${field}: ${changeText(change)}`);
  return fields.length === 0 ? head : `${head}: ${fields.join('; ')}`;
}

function changeText(c: ConfigFieldChange): string {
  if ('redacted' in c) return 'changed (personal, not recorded)';
  return `${value(c.before)} → ${value(c.after)}`;
}

function pairs(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => (k.endsWith('Ms') && typeof v === 'number' ? `${k.slice(0, -2)}=${Math.round(v / 1000)}s` : `${k}=${value(v)}`))
    .join(', ');
}

function value(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) || typeof v === 'object') return JSON.stringify(v);
  return '?';
}
