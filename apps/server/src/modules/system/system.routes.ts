import { HealthSchema, ReadinessSchema } from '@kaolu/contracts';
import type { Database } from '../../db/client';
import type { ZodApp } from '../../platform/http/types';

/** Liveness and readiness for load balancers and operators (no personal data, no auth). */
export function registerSystemRoutes(
  app: ZodApp,
  deps: { database: Database; version: string },
): void {
  // Liveness touches nothing outside the process, so a database outage does not get the process
  // killed.
  app.get(
    '/api/health',
    {
      schema: { tags: ['系统'], summary: '进程存活检查', response: { 200: HealthSchema } },
      config: { access: 'public' },
    },
    async () => ({
      status: 'ok' as const,
      version: deps.version,
      // Uptime shows an operator whether a process was restarted recently.
      uptimeSeconds: Math.round(process.uptime()),
    }),
  );

  // Readiness answers 503 while the database is unreachable, so a load balancer stops sending
  // traffic.
  app.get(
    '/api/ready',
    {
      schema: {
        tags: ['系统'],
        summary: '就绪检查（数据库可用）',
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
      config: { access: 'public' },
    },
    async (_request, reply) => {
      const ok = await deps.database.ping();
      const body = {
        status: ok ? 'ok' : 'unavailable',
        database: ok ? 'ok' : 'unavailable',
        // The driver (PGlite or PostgreSQL) helps operators see which database a process runs on.
        driver: deps.database.driver,
      } as const;
      return reply.code(ok ? 200 : 503).send(body);
    },
  );
}
