import { ERROR_CATALOGUE, type ErrorBody, type ErrorCode } from '@kaolu/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error';

// Fastify's own error codes that are the client's fault, mapped onto the catalogue.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'COMMON.MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'COMMON.MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'COMMON.MALFORMED_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'COMMON.PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'COMMON.UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'COMMON.VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'COMMON.MALFORMED_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'COMMON.MALFORMED_REQUEST',
};

/** Sends the one error shape; used by the error handler and the not-found handler. */
export function sendError(
  reply: FastifyReply,
  status: number,
  body: Omit<ErrorBody['error'], 'requestId'>,
) {
  const payload: ErrorBody = { error: { ...body, requestId: String(reply.request.id) } };
  return reply.code(status).type('application/json; charset=utf-8').send(payload);
}

/** Maps every thrown error to HTTP once: AppError as declared, client errors by code, the rest 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(
    (error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        if (error.status >= 500) request.log.error({ err: error }, 'application error');
        return sendError(reply, error.status, {
          code: error.code,
          message: error.message,
          details: error.details,
        });
      }
      const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (mapped) {
        return sendError(reply, ERROR_CATALOGUE[mapped].status, {
          code: mapped,
          message: ERROR_CATALOGUE[mapped].message,
        });
      }
      if (error.statusCode === 429) {
        return sendError(reply, 429, {
          code: 'COMMON.RATE_LIMITED',
          message: ERROR_CATALOGUE['COMMON.RATE_LIMITED'].message,
        });
      }
      // Unknown: log everything, answer nothing internal — the request id lets support find the log line.
      request.log.error({ err: error }, 'unhandled error');
      return sendError(reply, 500, {
        code: 'COMMON.INTERNAL',
        message: ERROR_CATALOGUE['COMMON.INTERNAL'].message,
      });
    },
  );
}

/**
 * Fastify's `frameworkErrors`: the router refuses a URL it cannot decode (a lone surrogate can only
 * reach a path as invalid UTF-8, %ED%A0%80) before any hook or the error handler runs, and would
 * answer in its own shape; this keeps that answer in ours, with the request id (NFR-SEC-1).
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (!mapped) request.log.error({ err: error }, 'unhandled framework error');
  const code = mapped ?? 'COMMON.INTERNAL';
  reply.header('x-request-id', request.id);
  return sendError(reply, ERROR_CATALOGUE[code].status, {
    code,
    message: ERROR_CATALOGUE[code].message,
  });
}
