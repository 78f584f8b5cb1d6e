import { ElMessage } from 'element-plus';
import { ApiError, NETWORK_ERROR_MESSAGE, describeHttpStatus, isApiErrorBody } from './api-error';

export { ApiError } from './api-error';

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  query?: Record<string, QueryValue>;
  /** The caller shows the error itself (inline state, form field): no toast. */
  silent?: boolean;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

const CSRF_COOKIE = 'kaolu_csrf';
const CSRF_HEADER = 'x-csrf-token';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Appends defined query values; empty strings are dropped so blank search fields do not filter. */
export function buildUrl(url: string, query?: Record<string, QueryValue>): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const text = params.toString();
  if (!text) return url;
  return url + (url.includes('?') ? '&' : '?') + text;
}

async function toApiError(response: Response): Promise<ApiError> {
  const headerRequestId = response.headers.get('x-request-id');
  const body: unknown = await response.json().catch(() => null);
  if (isApiErrorBody(body)) {
    const { code, message, details, requestId } = body.error;
    return new ApiError(
      code,
      message,
      response.status,
      details ?? null,
      requestId ?? headerRequestId,
    );
  }
  // Non-standard bodies (e.g. /api/ready's 503) stay readable in details.
  return new ApiError(
    `HTTP.${response.status}`,
    describeHttpStatus(response.status),
    response.status,
    body,
    headerRequestId,
  );
}

async function readBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  // The SPA fallback answers unknown paths with index.html: never hand HTML to a caller expecting JSON.
  if (!type.includes('application/json')) {
    throw new ApiError(
      'HTTP.BAD_RESPONSE',
      '服务暂不可用，返回了无法识别的数据',
      response.status,
      null,
      response.headers.get('x-request-id'),
    );
  }
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(
      'HTTP.BAD_RESPONSE',
      '服务返回的数据格式有误',
      response.status,
      null,
      response.headers.get('x-request-id'),
    );
  }
}

/** The one request path of the web app (CONVENTIONS "Errors"): JSON in and out, one error toast. */
async function request<T>(
  method: string,
  url: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  try {
    const response = await fetch(buildUrl(url, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
    if (!response.ok) throw await toApiError(response);
    return await readBody<T>(response);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const error =
      cause instanceof ApiError
        ? cause
        : new ApiError('NETWORK.UNAVAILABLE', NETWORK_ERROR_MESSAGE, 0);
    // grouping merges identical toasts when several requests of one page fail together.
    if (!options.silent) ElMessage.error({ message: toastMessage(error), grouping: true });
    throw error;
  }
}

/**
 * The toast text: staff get the request id to quote to operations; candidates read the message
 * alone (NFR-UX-1), their request id waits behind RequestState's 联系客服 fold.
 */
function toastMessage(error: ApiError): string {
  const staffPortal = /^\/(admin|hospital|interview)(\/|$)/.test(
    globalThis.location?.pathname ?? '',
  );
  return staffPortal ? error.displayMessage : error.message;
}

export const http = {
  get: <T>(url: string, options?: RequestOptions) => request<T>('GET', url, undefined, options),
  post: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', url, body, options),
  put: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', url, body, options),
  patch: <T>(url: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', url, body, options),
  delete: <T>(url: string, options?: RequestOptions) =>
    request<T>('DELETE', url, undefined, options),
};
