import { http } from '../common/client/http.js';
import type { PublicService, SessionUser } from '../common/dto.js';

/** The HTTP part of the contract: session, service names, reprint. Everything else goes over the socket. */
export const api = {
  login: (username: string, password: string) => http<SessionUser>('POST', '/api/auth/login', { body: { username, password } }),
  /** Who is signed in; allowed while a one-time password still has to be changed. */
  me: () => http<SessionUser>('GET', '/api/auth/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    http<unknown>('POST', '/api/auth/password', { body: { currentPassword, newPassword } }),
  logout: () => http<{ ok: true }>('POST', '/api/auth/logout', { body: {} }),
  services: () => http<PublicService[]>('GET', '/api/services'),
  /** Its answer belongs to the printing side: read it defensively (see reprintOutcome). */
  reprint: (ticketRef: string) => http<unknown>('POST', `/api/tickets/${encodeURIComponent(ticketRef)}/reprint`, { body: {} }),
};
