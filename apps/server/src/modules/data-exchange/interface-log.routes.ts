import {
  InterfaceLogPageSchema,
  InterfaceLogQuerySchema,
  type InterfaceLogQuery,
} from '@kaolu/contracts';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { ZodApp } from '../../platform/http/types';
import { interfaceLog } from './interface-log.table';

/** One page of the interface log, newest first, filtered by adapter and outcome. */
export async function findInterfaceLogs(db: Db, query: InterfaceLogQuery) {
  const filters: SQL[] = [];
  if (query.adapter) filters.push(eq(interfaceLog.adapter, query.adapter));
  if (query.outcome) filters.push(eq(interfaceLog.outcome, query.outcome));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(interfaceLog)
      .where(where)
      .orderBy(desc(interfaceLog.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(interfaceLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total: totals?.total ?? 0,
  };
}

/** Operators read the interface log (NFR-EXC-1) to see when and how the city platform failed. */
export function registerInterfaceLogRoutes(app: ZodApp, deps: { db: Db }): void {
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
