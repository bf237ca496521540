import type { FastifyRequest } from 'fastify';

/**
 * A ticket's id is the visitor's secret: it opens the phone page and cancels
 * the ticket. Paths that carry one (`/api/tickets/<id>…`, `/t/<id>`) are logged
 * with the id replaced, so a log file opens no visitor's ticket.
 */
const TICKET_PATH = /^(\/+api\/+tickets\/+|\/+t\/+)[^/?#]+/i;
export const REDACTED = '[ticket]';

/** #17: a booking code in the path (`/api/appointments/<code>/data`, `…/contact`) opens the appointment's data. */
const APPOINTMENT_CODE_PATH = /^(\/+api\/+appointments\/+)[^/?#]+/i;
export const REDACTED_CODE = '[code]';

export function redactUrl(url: string): string {
  return url.replace(TICKET_PATH, `$1${REDACTED}`).replace(APPOINTMENT_CODE_PATH, `$1${REDACTED_CODE}`);
}

/** Fastify's default `req` log serializer, with the ticket id redacted from the URL. */
export function requestLogSerializer(req: FastifyRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
