import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors/error-handler';

/**
 * Serves the built web app and falls back to index.html for client-side routes (history mode);
 * unknown /api paths answer the JSON error shape instead.
 */
export async function registerSpa(
  app: FastifyInstance,
  distDir: string | undefined,
): Promise<void> {
  const hasDist = distDir !== undefined && existsSync(path.join(distDir, 'index.html'));
  if (hasDist) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') && !pathname.startsWith('/api');
    if (hasDist && wantsPage && !path.extname(pathname)) {
      // index.html must not be cached: a new release changes the hashed asset names it points to.
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    }
    return sendError(reply, 404, { code: 'COMMON.ROUTE_NOT_FOUND', message: '接口不存在' });
  });
}
