import { createCircuitBreaker, type CircuitBreaker } from './circuit-breaker';
import { ExchangeUnavailableError } from './data-exchange.types';

/** Settings per external platform (config.ts); fetchImpl and sleep are replaced in tests. */
export type ResilientClientOptions = {
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  /** Extra attempts after the first, for network errors, timeouts, 429 and 5xx only. */
  retries: number;
  backoffMs?: number;
  breaker?: CircuitBreaker;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
};

/** A JSON answer, or "no record" (HTTP 404), with the attempts it took. */
export type HttpAnswer<T> =
  { found: true; body: T; attempts: number } | { found: false; attempts: number };

/** The transport of one external platform; its breaker is exposed so its state can be read. */
export type ResilientHttpClient = {
  post<T>(path: string, body: unknown): Promise<HttpAnswer<T>>;
  breaker: CircuitBreaker;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The production transport of every external interface (NFR-EXC-1): a timeout per attempt,
 * retries with exponential backoff for transient failures, and a circuit breaker across calls.
 * Failures throw ExchangeUnavailableError; callers turn it into 待核验, never into a decision.
 */
export function createResilientHttpClient(options: ResilientClientOptions): ResilientHttpClient {
  const breaker = options.breaker ?? createCircuitBreaker();
  const doFetch = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? wait;
  const backoff = options.backoffMs ?? 200;

  async function attempt(
    url: string,
    body: unknown,
  ): Promise<{ retry: boolean; answer?: HttpAnswer<unknown>; error?: ExchangeUnavailableError }> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return {
        retry: true,
        error: new ExchangeUnavailableError(
          timedOut ? 'timeout' : 'error',
          timedOut ? '接口超时' : '接口连接失败',
          1,
          { cause: error },
        ),
      };
    }
    // 404 is an answer ("no such record"), not a failure: it neither retries nor counts against the
    // breaker.
    if (response.status === 404) return { retry: false, answer: { found: false, attempts: 0 } };
    if (!response.ok) {
      // Other 4xx mean our request is wrong: retrying would only repeat it.
      const transient = response.status === 429 || response.status >= 500;
      return {
        retry: transient,
        error: new ExchangeUnavailableError('error', `接口返回 HTTP ${response.status}`),
      };
    }
    const json: unknown = await response.json().catch(() => undefined);
    // A body that is not JSON is treated as transient (a proxy's error page), so it is retried.
    if (json === undefined)
      return {
        retry: true,
        error: new ExchangeUnavailableError('error', '接口返回的数据无法解析'),
      };
    return { retry: false, answer: { found: true, body: json, attempts: 0 } };
  }

  async function post<T>(path: string, body: unknown): Promise<HttpAnswer<T>> {
    if (!breaker.tryPass())
      throw new ExchangeUnavailableError('circuit_open', '接口连续失败，已暂停调用（熔断）', 0);
    // Paths are relative to the base URL, whether or not it ends with a slash.
    const url = new URL(
      path.replace(/^\//, ''),
      options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`,
    ).toString();
    let last: ExchangeUnavailableError | undefined;
    let attempts = 0;
    for (let n = 1; n <= options.retries + 1; n++) {
      attempts = n;
      const result = await attempt(url, body);
      if (result.answer) {
        breaker.onSuccess();
        return { ...result.answer, attempts: n } as HttpAnswer<T>;
      }
      last = result.error;
      if (!result.retry) break;
      // Exponential backoff with full jitter, so many instances do not retry in lock-step.
      if (n <= options.retries)
        await sleep(Math.round(backoff * 2 ** (n - 1) * (0.5 + Math.random() / 2)));
    }
    breaker.onFailure();
    throw new ExchangeUnavailableError(
      last?.outcome ?? 'error',
      last?.message ?? '接口调用失败',
      attempts,
      { cause: last },
    );
  }

  return { post, breaker };
}
