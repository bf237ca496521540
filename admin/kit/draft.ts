/**
 * A form's draft: a plain copy of the record, read and written by JSON path
 * (`names.de`, `hours.1.0.to`), the same paths the server names in `error.field`.
 */
export type Draft = Record<string, unknown>;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export function getPath(draft: unknown, path: string): unknown {
  let at: unknown = draft;
  for (const key of path.split('.')) {
    if (!isObject(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** A new draft with `value` at `path`; arrays stay arrays, missing objects are made. */
export function setPath<D>(draft: D, path: string, value: unknown): D {
  const [key, ...rest] = path.split('.');
  if (key === undefined) return draft;
  const base: Record<string, unknown> | unknown[] = Array.isArray(draft) ? [...(draft as unknown[])] : { ...(draft as Record<string, unknown>) };
  const current = (base as Record<string, unknown>)[key];
  (base as Record<string, unknown>)[key] = rest.length === 0 ? value : setPath(isObject(current) ? current : {}, rest.join('.'), value);
  return base as D;
}

/** The error belongs to this field: the server named it, or something inside it (`hours.1` → `hours.1.0.to` shows at the period). */
export function fieldMatches(errorField: string | undefined, path: string): boolean {
  return errorField !== undefined && (errorField === path || errorField.startsWith(`${path}.`));
}

/** The fields of `after` that differ from `before` (one level), for a PATCH that sends only what changed. */
export function changedFields(before: Draft, after: Draft): Draft {
  const out: Draft = {};
  for (const [k, v] of Object.entries(after)) if (JSON.stringify(v) !== JSON.stringify(before[k])) out[k] = v;
  return out;
}

/** A draft's text field; '' when it holds anything else. */
export function text(x: unknown): string {
  return typeof x === 'string' ? x : '';
}
