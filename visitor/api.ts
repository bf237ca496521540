import { http, type HttpFailure } from '../common/client/http.js';
import type { FeedbackState, PublicService, PublicTicket } from '../common/dto.js';
import type { VisitorData } from '../common/privacy-schemas.js';

const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

/** The page's requests; each answer is a value (see HttpResult), NETWORK when offline. */
export const api = {
  ticket: (id: string) => http<PublicTicket>('GET', ticketPath(id)),
  cancel: (id: string) => http<PublicTicket>('DELETE', ticketPath(id)),
  services: () => http<PublicService[]>('GET', '/api/services'),
  feedbackState: (id: string) => http<FeedbackState>('GET', `${ticketPath(id)}/feedback`),
  sendFeedback: (id: string, grade: number, comment: string) =>
    http<FeedbackState>('POST', `${ticketPath(id)}/feedback`, { body: comment ? { grade, comment } : { grade } }),
  /** #17: what is stored about the ticket; deleting its appointment's contact data. */
  data: (id: string) => http<VisitorData>('GET', `${ticketPath(id)}/data`),
  deleteContact: (id: string) => http<VisitorData>('DELETE', `${ticketPath(id)}/contact`),
};

/** The token from the page address `/t/<token>`; null on any other path. */
export function ticketIdFromPath(pathname: string): string | null {
  const m = /^\/t\/([A-Za-z0-9_.-]{1,64})\/?$/.exec(pathname);
  return m?.[1] ?? null;
}

/** The token no longer works: which page to show instead. */
export type GoneCode = 'TICKET_NOT_FOUND' | 'TICKET_EXPIRED';
export const GONE_CODES: readonly GoneCode[] = ['TICKET_NOT_FOUND', 'TICKET_EXPIRED'];

export function goneCode(res: HttpFailure): GoneCode | null {
  return GONE_CODES.find((c) => c === res.code) ?? null;
}
