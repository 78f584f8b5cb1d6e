/** The server's single error shape (CONVENTIONS "Errors"): { error: { code, message, details, requestId } }. */
export type ApiErrorBody = {
  error: { code: string; message: string; details?: unknown; requestId?: string };
};

/** Error thrown by the http client for every failed call; `status` is 0 when no answer arrived. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: unknown = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** The text shown to users: the message plus the request id support staff ask for. */
  get displayMessage(): string {
    return this.requestId ? `${this.message} (请求号 ${this.requestId})` : this.message;
  }
}

export const NETWORK_ERROR_MESSAGE = '网络异常，请检查网络后重试';

/** Tells a well-formed error answer from anything else (proxy pages, HTML fallbacks). */
export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Chinese message for an answer that did not follow the error model, by HTTP status. */
export function describeHttpStatus(status: number): string {
  if (status === 404) return '请求的服务不存在或尚未开放';
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 413) return '提交的数据过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务暂时不可用，请稍后再试';
  return `请求失败（HTTP ${status}）`;
}
