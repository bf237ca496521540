import { expect } from 'vitest';

/**
 * vitest's asymmetric matchers, typed `unknown` instead of `any`: vitest declares
 * them `any`, which the no-unsafe-* lint rules refuse inside an object literal.
 * They match exactly as `expect.any(...)` and friends do.
 */

export function anyOf(type: unknown): unknown {
  return expect.any(type);
}

export function stringMatching(pattern: string | RegExp): unknown {
  return expect.stringMatching(pattern);
}

export function objectContaining(sample: Record<string, unknown>): unknown {
  return expect.objectContaining(sample);
}

export function satisfying(predicate: (value: unknown) => boolean): unknown {
  return expect.toSatisfy(predicate);
}
