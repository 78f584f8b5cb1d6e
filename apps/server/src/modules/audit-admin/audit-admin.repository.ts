import type { AuditEntryQuery, AuditRange } from '@kaolu/contracts';
import { and, count, desc, eq, gte, like, lte, max, min, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditEntry } from '../../platform/audit';

// Read-only queries over the audit log for the auditor's screens; writes go through audit.record only.

/** A page of entries matching the filters, newest first (REG-08 filter by time, actor, action, target). */
export async function findAuditEntries(db: DbOrTx, query: AuditEntryQuery) {
  const where = and(...filtersOf(query));
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(auditEntry)
      .where(where)
      // By id, not by time: ids follow the chain's order, which is what an auditor checks against.
      .orderBy(desc(auditEntry.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditEntry).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

/** The WHERE parts of the auditor's filters; an absent filter adds nothing. */
function filtersOf(query: AuditEntryQuery): SQL[] {
  const filters: SQL[] = [];
  if (query.from) filters.push(gte(auditEntry.occurredAt, new Date(query.from)));
  if (query.to) filters.push(lte(auditEntry.occurredAt, new Date(query.to)));
  // The actor is found by account id or login name, exactly: audit search must not over-match.
  if (query.actor)
    filters.push(or(eq(auditEntry.actorId, query.actor), eq(auditEntry.actorName, query.actor))!);
  if (query.action) {
    // "login" finds every login.* action; "login.failed" only that one.
    filters.push(
      query.action.includes('.')
        ? eq(auditEntry.action, query.action)
        : like(auditEntry.action, `${escapeLike(query.action)}.%`),
    );
  }
  // Target and result filters are exact, like the actor: an audit search must not over-match.
  if (query.targetType) filters.push(eq(auditEntry.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditEntry.targetId, query.targetId));
  if (query.result) filters.push(eq(auditEntry.result, query.result));
  return filters;
}

/** Escapes LIKE wildcards so an action prefix such as "sms_" matches literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Entry ids of a range given by ids or by time (times win over absent ids); undefined bounds
 * mean "from the first retained" / "to the last". Empty when the times select no entry.
 */
export async function resolveAuditRange(
  db: DbOrTx,
  range: AuditRange,
): Promise<{ fromId?: number; toId?: number; empty: boolean }> {
  // Ids are the chain's own positions; times are turned into the ids they cover.
  let { fromId, toId } = range;
  if (range.from || range.to) {
    const timeFilters = [
      ...(range.from ? [gte(auditEntry.occurredAt, new Date(range.from))] : []),
      ...(range.to ? [lte(auditEntry.occurredAt, new Date(range.to))] : []),
    ];
    const [bounds] = await db
      .select({ first: min(auditEntry.id), last: max(auditEntry.id) })
      .from(auditEntry)
      .where(and(...timeFilters));
    // min/max over no rows are null: the times select nothing, so there is nothing to verify or
    // export.
    if (bounds?.first == null || bounds.last == null) return { empty: true };
    // Given both ids and times, the range is their intersection.
    fromId = Math.max(fromId ?? 0, Number(bounds.first));
    toId = Math.min(toId ?? Number.MAX_SAFE_INTEGER, Number(bounds.last));
  }
  return { fromId, toId, empty: fromId !== undefined && toId !== undefined && toId < fromId };
}
