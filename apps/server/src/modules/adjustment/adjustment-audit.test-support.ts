import { sql } from 'drizzle-orm';
import type { KaoluApp } from '../../app';

/**
 * The audit actions recorded so far, sealed or still pending: the sealer moves entries from
 * audit_pending into the chain on its own schedule, so a test reads both.
 */
export async function auditedActions(app: KaoluApp): Promise<Set<string>> {
  const result = await app.kaolu.database.db.execute(
    sql`select action from audit_pending union all select action from audit_entry`,
  );
  const rows = (result as unknown as { rows: Array<{ action: string }> }).rows;
  return new Set(rows.map((r) => r.action));
}
