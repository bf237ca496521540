import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_MESSAGES, type ErrorCode } from '../../common/errors.js';

/** Fastify's own error codes → ours, so framework-made 4xx have the same shape as the rest. */
const FRAMEWORK_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_INPUT',
  FST_ERR_VALIDATION: 'INVALID_INPUT',
};

function statusCode(code: ErrorCode, fallback: number): number {
  return new AppError(code).status || fallback;
}

export function toErrorReply(err: FastifyError | AppError | Error): { status: number; code: ErrorCode; message: string; field?: string } {
  if (err instanceof AppError) return { status: err.status, ...err.toBody() };
  const fe = err as FastifyError;
  const mapped = fe.code ? FRAMEWORK_CODES[fe.code] : undefined;
  if (fe.validation) {
    const field = validationField(fe.validation[0]);
    return { status: 400, code: 'INVALID_INPUT', message: fe.message, ...(field ? { field } : {}) };
  }
  if (mapped) return { status: statusCode(mapped, 400), code: mapped, message: fe.message || ERROR_MESSAGES[mapped] };
  if (fe.statusCode === 429) return { status: 429, code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED };
  if (fe.statusCode === 413) return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: ERROR_MESSAGES.PAYLOAD_TOO_LARGE };
  if (fe.statusCode === 415) return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: ERROR_MESSAGES.UNSUPPORTED_MEDIA_TYPE };
  if (fe.statusCode === 414) return { status: 414, code: 'URI_TOO_LONG', message: ERROR_MESSAGES.URI_TOO_LONG };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, code: 'INVALID_INPUT', message: fe.message || ERROR_MESSAGES.INVALID_INPUT };
  }
  return { status: 500, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
}

/**
 * The input field a schema violation is about, as a JSON path (`hours.1.0.to`), so a form can show
 * the message next to it (#15): the failing property, or the missing one.
 */
function validationField(v: FastifyError['validation'] extends (infer E)[] | undefined ? E | undefined : never): string | undefined {
  if (!v) return undefined;
  const path = v.instancePath.split('/').filter(Boolean);
  const missing: unknown = v.params['missingProperty'];
  const extra: unknown = v.params['additionalProperty'];
  if (typeof missing === 'string') path.push(missing);
  else if (typeof extra === 'string') path.push(extra);
  return path.length > 0 ? path.join('.') : undefined;
}

/** Every error leaves as `{"error":{"code","message"}}`; 5xx never leak internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  // The API speaks JSON only. Fastify also parses text/plain by default, which let
  // `Content-Type: text/plain` bodies through to routes; without it they are a 415.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    const { status, ...body } = toErrorReply(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (status === 429 && err instanceof Error && 'retryAfter' in err) reply.header('retry-after', String(err.retryAfter));
    return reply.status(status).send({ error: body });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split("?")[0]?.slice(0, 200) ?? ""}` } }),
  );
}

/**
 * Errors Fastify's router answers before any hook or error handler runs (a
 * malformed %-escape in the path, a path parameter longer than maxParamLength).
 * Pass as the `frameworkErrors` option of `Fastify()`.
 */
export function frameworkErrorHandler(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, code, message } =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? { status: 414, code: 'URI_TOO_LONG' as const, message: ERROR_MESSAGES.URI_TOO_LONG }
      : err.code === 'FST_ERR_BAD_URL'
        ? { status: 400, code: 'INVALID_INPUT' as const, message: 'The address is not valid.' }
        : toErrorReply(err);
  void reply.status(status).send({ error: { code, message } });
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (request line
 * or headers over maxHeaderSize, malformed HTTP). Written straight to the socket
 * in our error shape. Pass as the `clientErrorHandler` option of `Fastify()`.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The address or the request headers are too long.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'INVALID_INPUT', 'The request took too long to arrive.']
        : [400, 'INVALID_INPUT', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
