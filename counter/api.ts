import type { PublicService, SessionUser } from '../common/dto.js';

/** An error as the UI shows it: a code to translate and the server's own message as fallback. */
export interface DeskError {
  code: string;
  message: string;
}

export class ApiError extends Error implements DeskError {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError('NETWORK', 'The server cannot be reached.', 0);
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page: keep the status.
  }
  if (!res.ok) {
    const err = (parsed as { error?: Partial<DeskError> } | null)?.error;
    throw new ApiError(err?.code ?? `HTTP_${res.status}`, err?.message ?? `${res.status} ${res.statusText}`, res.status);
  }
  return parsed as T;
}

/** The HTTP part of the contract: session, service names, reprint. Everything else goes over the socket. */
export const api = {
  login: (username: string, password: string) => request<SessionUser>('POST', '/api/auth/login', { username, password }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout', {}),
  services: () => request<PublicService[]>('GET', '/api/services'),
  reprint: (ticketId: string) => request<unknown>('POST', `/api/tickets/${encodeURIComponent(ticketId)}/reprint`, {}),
};
