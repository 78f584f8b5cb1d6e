import { InterfaceLogPageSchema, InterfaceLogQuerySchema } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { ZodApp } from '../../platform/http/types';
import { findInterfaceLogs } from './interface-log.repository';

/** Operators read the interface log (NFR-EXC-1) to see when and how the city platform failed. */
export function registerInterfaceLogRoutes(app: ZodApp, deps: { db: Db }): void {
  // The rows carry masked subjects only (NFR-SEC-3), so reading them needs no unmasking right.
  app.get(
    '/api/admin/interface-logs',
    {
      schema: {
        tags: ['数据交换'],
        summary: '数据交换接口日志',
        querystring: InterfaceLogQuerySchema,
        response: { 200: InterfaceLogPageSchema },
      },
      config: { access: { permission: 'data_exchange.read' } },
    },
    async (request) => findInterfaceLogs(deps.db, request.query),
  );
}
