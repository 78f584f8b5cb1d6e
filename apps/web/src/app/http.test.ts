import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The toast is a side effect of the client: record it instead of rendering Element Plus.
const toast = vi.hoisted(() => vi.fn());
vi.mock('element-plus', () => ({ ElMessage: { error: toast } }));

import { ApiError, buildUrl, http } from './http';

type Answer = { status: number; body?: unknown; text?: string; headers?: Record<string, string> };

/** A fetch stub answering once; returns the mock so a test can read the request it got. */
function answer({ status, body, text, headers = {} }: Answer) {
  const payload = text ?? (body === undefined ? '' : JSON.stringify(body));
  const type = text === undefined ? 'application/json' : 'text/html';
  const fetchMock = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(status === 204 ? null : payload, {
        status,
        headers: { 'content-type': type, ...headers },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentHeaders(fetchMock: ReturnType<typeof answer>): Record<string, string> {
  return fetchMock.mock.calls[0]![1]!.headers as Record<string, string>;
}

beforeEach(() => {
  toast.mockClear();
  document.cookie = 'kaolu_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});
afterEach(() => vi.unstubAllGlobals());

describe('buildUrl', () => {
  it('drops undefined, null and empty values so blank search fields do not filter', () => {
    expect(buildUrl('/api/x', { a: 1, b: undefined, c: null, d: '', e: false })).toBe(
      '/api/x?a=1&e=false',
    );
  });
  it('returns the url unchanged when nothing is left', () => {
    expect(buildUrl('/api/x', { a: '' })).toBe('/api/x');
    expect(buildUrl('/api/x')).toBe('/api/x');
  });
  it('appends with & to a url that already has a query, and encodes values', () => {
    expect(buildUrl('/api/x?v=1', { q: '张 三&' })).toBe('/api/x?v=1&q=%E5%BC%A0+%E4%B8%89%26');
  });
});

describe('http', () => {
  it('sends JSON with the query string and answers the parsed body', async () => {
    const fetchMock = answer({ status: 200, body: { items: [], total: 0 } });
    await expect(
      http.post('/api/things', { name: 'a' }, { query: { page: 2, keyword: '' } }),
    ).resolves.toEqual({ items: [], total: 0 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/things?page=2');
    expect(init!.method).toBe('POST');
    expect(init!.body).toBe('{"name":"a"}');
    expect(sentHeaders(fetchMock)['content-type']).toBe('application/json');
  });

  it('copies the CSRF cookie into the x-csrf-token header (NFR-SEC-1)', async () => {
    document.cookie = 'kaolu_csrf=tok%3D1';
    const fetchMock = answer({ status: 200, body: {} });
    await http.get('/api/x');
    expect(sentHeaders(fetchMock)['x-csrf-token']).toBe('tok=1');
  });

  it('sends no CSRF header without the cookie', async () => {
    const fetchMock = answer({ status: 200, body: {} });
    await http.get('/api/x');
    expect(sentHeaders(fetchMock)).not.toHaveProperty('x-csrf-token');
  });

  it('maps the error model to ApiError with code, message, status, details and request id, and toasts once', async () => {
    // A staff page: the toast carries the request id operations ask for.
    window.history.pushState({}, '', '/admin/events');
    answer({
      status: 409,
      body: {
        error: {
          code: 'EVENT.BAD_STATE',
          message: '状态不允许',
          details: { a: 1 },
          requestId: 'r-1',
        },
      },
    });
    const error = await http.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'EVENT.BAD_STATE',
      message: '状态不允许',
      status: 409,
      details: { a: 1 },
      requestId: 'r-1',
    });
    expect(toast).toHaveBeenCalledOnce();
    expect(toast.mock.calls[0]![0]).toMatchObject({ message: '状态不允许 (请求号 r-1)' });
    window.history.pushState({}, '', '/');
  });

  it('toasts a candidate the message alone, without code or request id (NFR-UX-1)', async () => {
    window.history.pushState({}, '', '/registrations');
    answer({
      status: 409,
      body: { error: { code: 'TICKET.NOT_READY', message: '准考证尚未生成', requestId: 'r-2' } },
    });
    await http.get('/api/x').catch(() => undefined);
    expect(toast.mock.calls[0]![0]).toMatchObject({ message: '准考证尚未生成' });
    window.history.pushState({}, '', '/');
  });

  it('falls back to the x-request-id header and a Chinese status message for non-standard bodies', async () => {
    answer({ status: 503, body: { status: 'unavailable' }, headers: { 'x-request-id': 'h-9' } });
    const error = (await http.get('/api/ready').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('HTTP.503');
    expect(error.message).toBe('服务暂时不可用，请稍后再试');
    expect(error.details).toEqual({ status: 'unavailable' });
    expect(error.requestId).toBe('h-9');
  });

  it('refuses an HTML answer to a JSON call (the SPA fallback) as HTTP.BAD_RESPONSE', async () => {
    answer({ status: 200, text: '<!doctype html>' });
    await expect(http.get('/api/x')).rejects.toMatchObject({ code: 'HTTP.BAD_RESPONSE' });
  });

  it('turns a failed fetch into NETWORK.UNAVAILABLE with status 0, without a toast when silent', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(http.get('/api/x', { silent: true })).rejects.toMatchObject({
      code: 'NETWORK.UNAVAILABLE',
      status: 0,
    });
    expect(toast).not.toHaveBeenCalled();
  });

  it('rethrows an abort as is, without a toast', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new DOMException('aborted', 'AbortError');
      }),
    );
    await expect(http.get('/api/x')).rejects.toMatchObject({ name: 'AbortError' });
    expect(toast).not.toHaveBeenCalled();
  });

  it('answers undefined for 204 No Content', async () => {
    answer({ status: 204 });
    await expect(http.delete('/api/x/1')).resolves.toBeUndefined();
  });
});
