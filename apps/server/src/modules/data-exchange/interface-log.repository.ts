import type { InterfaceLogQuery } from '@kaolu/contracts';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { interfaceLog } from './interface-log.table';

// Read side of the interface log; rows are written only by the interface logger (interface-log.ts).

/** One page of the interface log, newest first, filtered by adapter and outcome. */
export async function findInterfaceLogs(db: Db, query: InterfaceLogQuery) {
  const filters: SQL[] = [];
  if (query.adapter) filters.push(eq(interfaceLog.adapter, query.adapter));
  if (query.outcome) filters.push(eq(interfaceLog.outcome, query.outcome));
  const where = filters.length ? and(...filters) : undefined;
  // Page and total are read at once with the same WHERE, so they describe one result.
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
