import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: request logs carry method, path, request id and latency, never query strings,
 * bodies, cookies or tokens — those may hold ID numbers, phones or credentials.
 */
export function loggerOptions(level: string, pretty: boolean, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'], remove: true },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], reqId: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
}
