import type { FastifyError, FastifyInstance } from 'fastify';
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

export function toErrorReply(err: FastifyError | AppError | Error): { status: number; code: ErrorCode; message: string } {
  if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message };
  const fe = err as FastifyError;
  const mapped = fe.code ? FRAMEWORK_CODES[fe.code] : undefined;
  if (fe.validation) return { status: 400, code: 'INVALID_INPUT', message: fe.message };
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

/** Every error leaves as `{"error":{"code","message"}}`; 5xx never leak internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    const { status, code, message } = toErrorReply(err);
    if (status >= 500) request.log.error({ err }, 'request failed');
    if (status === 429 && err instanceof Error && 'retryAfter' in err) reply.header('retry-after', String(err.retryAfter));
    return reply.status(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split("?")[0]?.slice(0, 200) ?? ""}` } }),
  );
}
