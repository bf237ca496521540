import type { Static, TSchema } from 'typebox';
import Value from 'typebox/value';
import { expect } from 'vitest';

/**
 * `value` checked against a schema (usually a response schema of
 * common/dto-schemas.ts) and typed by it: a test reads typed fields, and an
 * answer that breaks its declared schema fails here. `shown` is what the
 * failure message quotes.
 */
export function checked<S extends TSchema>(schema: S, value: unknown, shown: string = JSON.stringify(value)): Static<S> {
  expect(Value.Check(schema, value), `does not match its schema: ${shown.slice(0, 300)}`).toBe(true);
  Value.Assert(schema, value);
  return value;
}
