import type { FastifyServerOptions } from 'fastify';
import { logSafeError } from './log-safe-error';

// Second net behind the serializers (NFR-SEC-2, NFR-SEC-3): keys that hold bodies, bound query
// parameters, credentials or the session are removed wherever a log call passes them by mistake.
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.body',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'body',
  'params',
  'parameters',
  'password',
  '*.body',
  '*.params',
  '*.parameters',
  '*.password',
];

/**
 * pino options: request logs carry method, path, request id and latency, never query strings,
 * bodies, cookies or tokens — those may hold ID numbers, phones or credentials. Errors go through
 * logSafeError, which drops the SQL parameters and values database errors carry.
 */
export function loggerOptions(
  level: string,
  pretty: boolean,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        reqId: req.id,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: logSafeError,
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}
