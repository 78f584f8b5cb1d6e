import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';

/** The readable cookie the web client copies into the header (double submit bound to the session). */
export const CSRF_COOKIE = 'kaolu_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfOptions = {
  /** The session cookie's name; requests carrying it must prove they come from our pages. */
  sessionCookie: string;
  /** The CSRF token bound to a session token (a keyed hash of it, so no storage is needed). */
  tokenForSession: (sessionToken: string) => string;
};

/**
 * Refuses state-changing /api requests that a third-party page could forge (NFR-SEC-1): with a
 * session cookie, the x-csrf-token header must equal the token bound to that session; without
 * one (login, registration), a browser-sent Origin or Sec-Fetch-Site must show the same origin.
 */
export function registerCsrfProtection(app: FastifyInstance, options: CsrfOptions): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const sessionToken = request.cookies?.[options.sessionCookie];
    if (sessionToken) {
      const header = request.headers[CSRF_HEADER];
      const expected = options.tokenForSession(sessionToken);
      if (typeof header !== 'string' || !equalText(header, expected))
        throw new AppError('IDENTITY.CSRF_REJECTED');
      return;
    }
    if (isCrossSite(request)) throw new AppError('IDENTITY.CSRF_REJECTED');
  });
}

function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

function equalText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
