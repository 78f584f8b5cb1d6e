import { AppError } from '../../platform/errors/app-error';

import type { RealNameVerifier } from '../data-exchange';

// The interface's shape is the data-exchange module's (identity depends on it, not the reverse).
export type { RealNameVerifier };

/**
 * Built-in simulator for development and tests: a name matches unless it starts with 测试不符
 * (how testers provoke a mismatch). No personal data leaves the process.
 */
export function createRealNameSimulator(): RealNameVerifier {
  return { verify: async ({ name }) => ({ match: !name.startsWith('测试不符') }) };
}

/**
 * Production adapter: POST {name, idNumber} as JSON with a bearer token, answer {match: boolean}.
 * Failures and timeouts answer 503 so registration can be retried later.
 */
export function createHttpRealNameVerifier(options: {
  url: string;
  token?: string;
  timeoutMs?: number;
}): RealNameVerifier {
  return {
    async verify(input) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
      } catch (error) {
        throw new AppError('IDENTITY.REAL_NAME_UNAVAILABLE', { cause: error });
      }
      if (!response.ok)
        throw new AppError('IDENTITY.REAL_NAME_UNAVAILABLE', {
          details: { status: response.status },
        });
      // Anything but a boolean match is treated as the interface failing, never as a match.
      const body = (await response.json().catch(() => undefined)) as
        { match?: unknown } | undefined;
      if (typeof body?.match !== 'boolean') throw new AppError('IDENTITY.REAL_NAME_UNAVAILABLE');
      return { match: body.match };
    },
  };
}
