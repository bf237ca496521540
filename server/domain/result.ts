import type { ErrorCode } from '../../common/errors.js';

/** What the pure core returns instead of throwing. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message?: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message?: string): Result<T> =>
  message === undefined ? { ok: false, code } : { ok: false, code, message };
