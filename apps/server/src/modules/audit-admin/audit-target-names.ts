// Readable names of audit targets (NFR-UX-1): the auditor reads 「用户 zhangsan」 or the event's
// name instead of `staff_user <uuid>`. Names come from the owning modules' read-only queries, one
// batch per type for the whole page; targets of other types keep their type label only.
import type { DbOrTx } from '../../db/client';
import { findEventsByIds } from '../events';
import { findStaffUsernames } from '../identity';
import { findUnitsByIds } from '../units';

type Target = { targetType: string | null; targetId: string | null };

// Audit rows name events both ways: the older modules wrote 'event', the newer 'recruitment_event'.
const EVENT_TYPES = new Set(['event', 'recruitment_event']);

/** `type:id` → readable name for the targets of one page of entries that have one. */
export async function auditTargetNames(
  db: DbOrTx,
  entries: readonly Target[],
): Promise<Map<string, string>> {
  const idsOf = (match: (type: string) => boolean) => [
    ...new Set(
      entries
        .filter((e) => e.targetType && e.targetId && match(e.targetType))
        .map((e) => e.targetId!),
    ),
  ];
  const [users, events, units] = await Promise.all([
    findStaffUsernames(db, idsOf((t) => t === 'staff_user').filter(isUuid)),
    findEventsByIds(db, idsOf((t) => EVENT_TYPES.has(t)).filter(isUuid)),
    findUnitsByIds(db, idsOf((t) => t === 'unit').filter(isUuid)),
  ]);
  const names = new Map<string, string>();
  for (const u of users) names.set(`staff_user:${u.id}`, u.username);
  for (const e of events) for (const t of EVENT_TYPES) names.set(`${t}:${e.id}`, e.name);
  for (const u of units) names.set(`unit:${u.id}`, u.name);
  return names;
}

// Target ids are free text in the log; a uuid column would refuse anything else in the query.
function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
