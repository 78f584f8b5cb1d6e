import { ApiError, buildUrl, type QueryValue } from '@/app/http';
import { isApiErrorBody } from '@/app/api-error';

// The JSON client cannot send multipart or read a workbook; these two share its CSRF header and
// error shape so a refused upload or export reads exactly like any other API error.
const CSRF_COOKIE = 'kaolu_csrf';

/** The double-submit CSRF token: the cookie's value echoed in a header, as the JSON client does. */
function csrfHeader(): Record<string, string> {
  const pair = document.cookie
    .split(';')
    .map((p) => p.trim().split('='))
    .find(([key]) => key === CSRF_COOKIE);
  return pair ? { 'x-csrf-token': decodeURIComponent(pair.slice(1).join('=')) } : {};
}

/**
 * The ApiError of a refused answer: the server's error body when there is one, else a generic
 * error carrying the HTTP status (a proxy's HTML page, a network-level refusal).
 */
async function failureOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isApiErrorBody(body))
    return new ApiError(
      body.error.code,
      body.error.message,
      response.status,
      body.error.details ?? null,
      body.error.requestId ?? null,
    );
  return new ApiError(
    `HTTP.${response.status}`,
    `请求失败（HTTP ${response.status}）`,
    response.status,
  );
}

/** Posts one file as multipart/form-data (field `file`) and returns the JSON answer. */
export async function uploadFile<T>(
  url: string,
  file: Blob,
  fileName: string,
  query?: Record<string, QueryValue>,
): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName);
  const response = await fetch(buildUrl(url, query), {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...csrfHeader() },
  });
  if (!response.ok) throw await failureOf(response);
  return (await response.json()) as T;
}

/** Downloads a file answer (e.g. an Excel export) and hands it to the browser under its own name. */
export async function downloadFile(
  url: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
): Promise<void> {
  const response = await fetch(buildUrl(url, query), {
    credentials: 'same-origin',
    headers: csrfHeader(),
  });
  if (!response.ok) throw await failureOf(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  // The server names the file in RFC 5987 form (filename*=UTF-8''…) so Chinese names survive.
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = encoded ? decodeURIComponent(encoded) : fallbackName;
  link.click();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
