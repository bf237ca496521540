import { isErrorCode } from '../common/errors.js';
import type { FailureCode } from './logic/error-texts.js';

/** A request's outcome as a value: the kiosk must show something for every failure, never throw. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: FailureCode };

/** Printing happens before the answer; a slow printer must not look like a dead server. */
export const REQUEST_TIMEOUT_MS = 20_000;

export async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T };
    const code = (json as { error?: { code?: unknown } } | null)?.error?.code;
    return { ok: false, code: isErrorCode(code) ? code : 'INTERNAL' };
  } catch {
    return { ok: false, code: 'NETWORK' };
  }
}
