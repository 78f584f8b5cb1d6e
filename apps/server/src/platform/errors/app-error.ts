import { ERROR_CATALOGUE, type ErrorCode } from '@kaolu/contracts';

/**
 * The one error type of kaolu: a stable code from the catalogue (which fixes the HTTP status and
 * the default zh-CN message), an optional more specific message, and details for the client.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(
    code: ErrorCode,
    options: { message?: string; details?: unknown; cause?: unknown } = {},
  ) {
    super(options.message ?? ERROR_CATALOGUE[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].status;
    this.details = options.details;
  }
}

/** Shorthand for the common "not found" answer with the catalogue's message for that code. */
export function notFound(code: ErrorCode = 'COMMON.NOT_FOUND'): AppError {
  return new AppError(code);
}
