import type { FastifyInstance } from 'fastify';
import Type, { type TSchema } from 'typebox';
import { ErrorResponseSchema } from '../../common/dto-schemas.js';
import type { ErrorResponse } from '../../common/dto.js';

/**
 * Response declarations for routes. Every route lists each status it answers
 * with a schema: Fastify serialises by it (fast-json-stringify writes only the
 * listed properties) and the OpenAPI document shows it. Errors are always
 * ErrorResponse; the `4xx`/`5xx` ranges also cover what the framework answers
 * on any route (invalid JSON, 413, 415, 429).
 */

const ERROR_SCHEMA_ID = 'ErrorResponse';

/**
 * Makes the error shape known to a Fastify instance once, so every route
 * refers to it instead of repeating it (the OpenAPI document lists it once
 * under components, with all the codes).
 */
export function registerSharedSchemas(app: FastifyInstance): void {
  app.addSchema({ ...ErrorResponseSchema, $id: ERROR_SCHEMA_ID });
}

const errorReply = (description: string) => Type.Unsafe<ErrorResponse>({ $ref: `${ERROR_SCHEMA_ID}#`, description });

const ERROR_REPLIES = {
  400: errorReply('Invalid input (INVALID_INPUT, INVALID_JSON)'),
  401: errorReply('Not logged in (UNAUTHENTICATED) or wrong credentials'),
  403: errorReply('Not allowed for this user'),
  404: errorReply('Not found (or expired)'),
  409: errorReply('Not possible in the current state'),
  429: errorReply('Too many requests (RATE_LIMITED)'),
};
type ErrorStatus = keyof typeof ERROR_REPLIES;

const ANY_CLIENT_ERROR = errorReply('Client error (see the code)');
const SERVER_ERROR = errorReply(
  'Internal error (INTERNAL; no details leave the server), or 503 STORAGE_UNAVAILABLE while the database cannot be written',
);

type ErrorReplies<E extends ErrorStatus> = { [K in E]: (typeof ERROR_REPLIES)[K] };
const RANGES = { '4xx': ANY_CLIENT_ERROR, '5xx': SERVER_ERROR };

/** The success schemas of a route, plus the errors it is known to answer and the catch-all ranges. */
export function replies<const S extends { [status: number]: TSchema }, E extends ErrorStatus = never>(
  success: S,
  ...errors: E[]
): S & ErrorReplies<E> & typeof RANGES;
// The implementation builds the listed errors in a loop, which TypeScript cannot map back to E.
export function replies(success: { [status: number]: TSchema }, ...errors: ErrorStatus[]): { [status: string]: TSchema } {
  const named: { [status: number]: TSchema } = {};
  for (const status of errors) named[status] = ERROR_REPLIES[status];
  return { ...success, ...named, ...RANGES };
}

/** 204 No Content: Fastify sends no body, the document says so. */
export const NoContent = Type.Null({ description: 'No content' });

/**
 * A non-JSON answer (PNG, WAV, HTML). The handler sends a Buffer or a string
 * with its own content type, which Fastify passes through unserialised.
 */
export function binaryReply<T extends Buffer | string>(mediaType: string, description: string) {
  const schema = Type.Unsafe<T>(mediaType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' });
  return { description, content: { [mediaType]: { schema } } };
}
