import type { FeedbackState, PublicService, PublicTicket } from '../common/dto.js';

/** An HTTP answer as the page needs it: the value, or the error code (NETWORK when offline). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; code: string };

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
    });
    const data = (await res.json().catch(() => null)) as unknown;
    if (res.ok) return { ok: true, value: data as T };
    const code = (data as { error?: { code?: string } } | null)?.error?.code ?? 'INTERNAL';
    return { ok: false, status: res.status, code };
  } catch {
    return { ok: false, status: 0, code: 'NETWORK' };
  }
}

const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

export const api = {
  ticket: (id: string) => call<PublicTicket>('GET', ticketPath(id)),
  cancel: (id: string) => call<PublicTicket>('DELETE', ticketPath(id)),
  services: () => call<PublicService[]>('GET', '/api/services'),
  feedbackState: (id: string) => call<FeedbackState>('GET', `${ticketPath(id)}/feedback`),
  sendFeedback: (id: string, grade: number, comment: string) =>
    call<FeedbackState>('POST', `${ticketPath(id)}/feedback`, comment ? { grade, comment } : { grade }),
};

/** The token from the page address `/t/<token>`; null on any other path. */
export function ticketIdFromPath(pathname: string): string | null {
  const m = /^\/t\/([A-Za-z0-9_.-]{1,64})\/?$/.exec(pathname);
  return m?.[1] ?? null;
}

/** The token does not (or no longer) work: which page to show instead. */
export function goneCode(res: { ok: false; code: string }): 'TICKET_NOT_FOUND' | 'TICKET_EXPIRED' | null {
  return res.code === 'TICKET_NOT_FOUND' || res.code === 'TICKET_EXPIRED' ? res.code : null;
}
