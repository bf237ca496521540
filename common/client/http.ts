import { isErrorCode, type ErrorCode } from '../errors.js';

/**
 * An HTTP answer as a value, never a throw: the apps must show something for
 * every failure. `status` is 0 and `code` NETWORK when no answer came (offline,
 * server away, or not within the timeout); an error page without our error
 * body (a proxy's) keeps its status and reads as INTERNAL.
 */
export type HttpResult<T> = { ok: true; value: T } | HttpFailure;

export interface HttpFailure {
  ok: false;
  status: number;
  code: ErrorCode | 'NETWORK';
  message: string;
  /** The input the server names as wrong (`hours.1.0.to`), when it names one: a form shows the message there. */
  field?: string;
}

export interface HttpOptions {
  body?: unknown;
  /** Give up after this long; default 10 s. */
  timeoutMs?: number;
  /** Extra request headers, e.g. a kiosk's `authorization: Device <token>`. */
  headers?: Readonly<Record<string, string>>;
}

export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

function errorBody(json: unknown): { code?: unknown; message?: unknown; field?: unknown } {
  if (typeof json !== 'object' || json === null || !('error' in json)) return {};
  const { error } = json;
  return typeof error === 'object' && error !== null ? error : {};
}

/** One request to our server's JSON API (same origin: the session cookie goes along). */
export async function http<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, o: HttpOptions = {}): Promise<HttpResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { ...o.headers, ...(o.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: o.body === undefined ? null : JSON.stringify(o.body),
      signal: AbortSignal.timeout(o.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: 'The server cannot be reached.' };
  }
  const json: unknown = await res.json().catch(() => null);
  // The one place an answer's type is taken on trust: the route's response schema promises it.
  if (res.ok) return { ok: true, value: json as T };
  const { code, message, field } = errorBody(json);
  return {
    ok: false,
    status: res.status,
    code: isErrorCode(code) ? code : 'INTERNAL',
    message: typeof message === 'string' ? message : `${res.status} ${res.statusText}`.trim(),
    ...(typeof field === 'string' ? { field } : {}),
  };
}
