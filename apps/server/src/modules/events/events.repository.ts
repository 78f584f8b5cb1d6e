import type {
  EventPolicy,
  EventStatus,
  EventType,
  PageQuery,
  PublicEvent,
  StageWindow,
} from '@kaolu/contracts';
import { and, asc, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { eventPolicyVersion, recruitmentEvent } from './event.table';

/** A recruitment_event row as Drizzle reads it (JSON columns untyped). */
export type EventRow = typeof recruitmentEvent.$inferSelect;
/** An event row with its JSON documents typed (they are validated by zod before every write). */
export type EventRecord = Omit<EventRow, 'schedule' | 'policy' | 'type' | 'status'> & {
  type: EventType;
  status: EventStatus;
  schedule: StageWindow[];
  policy: EventPolicy;
};

// Drafts are the org department's work in progress; the public never sees them.
const visible = ne(recruitmentEvent.status, 'draft');

/** Events visible to the public, newest year first. */
export async function findPublicEvents(
  db: DbOrTx,
  page: PageQuery,
): Promise<{ items: PublicEvent[]; total: number }> {
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: recruitmentEvent.id,
        code: recruitmentEvent.code,
        name: recruitmentEvent.name,
        type: recruitmentEvent.type,
        year: recruitmentEvent.year,
        status: recruitmentEvent.status,
      })
      .from(recruitmentEvent)
      .where(visible)
      .orderBy(desc(recruitmentEvent.year), desc(recruitmentEvent.createdAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(recruitmentEvent).where(visible),
  ]);
  const items = rows.map((r) => ({
    ...r,
    type: r.type as EventType,
    status: r.status as EventStatus,
  }));
  return { items, total: totals?.total ?? 0 };
}

/** Whether any event exists: the demo seed runs only on an empty database. */
export async function hasAnyEvent(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: recruitmentEvent.id }).from(recruitmentEvent).limit(1);
  return rows.length > 0;
}

/** One event, optionally locked FOR UPDATE so concurrent edits of its documents serialise. */
export async function findEventById(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<EventRecord | undefined> {
  const query = db.select().from(recruitmentEvent).where(eq(recruitmentEvent.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row as EventRecord | undefined;
}

/** The event with this code, if any: codes are unique and shown on exports. */
export async function findEventByCode(db: DbOrTx, code: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(recruitmentEvent).where(eq(recruitmentEvent.code, code));
  return row;
}

/** The staff list's filters; `ids` restricts event-scoped callers to their events. */
export type EventFilter = {
  page: number;
  pageSize: number;
  type?: EventType;
  status?: EventStatus;
  year?: number;
  ids?: string[];
};

/** Staff list of events, newest first; closed events stay listed for comparison (NFR-HIS-1). */
export async function findEvents(db: DbOrTx, filter: EventFilter) {
  const parts: SQL[] = [];
  if (filter.type) parts.push(eq(recruitmentEvent.type, filter.type));
  if (filter.status) parts.push(eq(recruitmentEvent.status, filter.status));
  if (filter.year) parts.push(eq(recruitmentEvent.year, filter.year));
  // Event-scoped staff see only their events (an empty list matches nothing).
  if (filter.ids)
    parts.push(
      filter.ids.length
        ? inArray(recruitmentEvent.id, filter.ids)
        : eq(recruitmentEvent.id, '00000000-0000-0000-0000-000000000000'),
    );
  // Page and total are read at once and use the same WHERE, so they describe one result.
  const where = parts.length ? and(...parts) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(recruitmentEvent)
      .where(where)
      .orderBy(desc(recruitmentEvent.year), desc(recruitmentEvent.createdAt))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ total: count() }).from(recruitmentEvent).where(where),
  ]);
  return { items: rows as EventRecord[], total: totals?.total ?? 0 };
}

/** Inserts an event row and returns it typed. */
export async function insertEvent(
  db: DbOrTx,
  values: typeof recruitmentEvent.$inferInsert,
): Promise<EventRecord> {
  const [row] = await db.insert(recruitmentEvent).values(values).returning();
  return row as EventRecord;
}

/**
 * Writes some columns of an event and stamps updatedAt, which also moves the public search version.
 */
export async function updateEventRow(
  db: DbOrTx,
  id: string,
  values: Partial<typeof recruitmentEvent.$inferInsert>,
  now: Date,
): Promise<EventRecord> {
  const [row] = await db
    .update(recruitmentEvent)
    .set({ ...values, updatedAt: now })
    .where(eq(recruitmentEvent.id, id))
    .returning();
  return row as EventRecord;
}

/** Records one version of an event's policy (the unique index refuses a duplicate number). */
export async function insertPolicyVersion(
  db: DbOrTx,
  values: typeof eventPolicyVersion.$inferInsert,
): Promise<void> {
  await db.insert(eventPolicyVersion).values(values);
}

/** Every policy version of an event, oldest first. */
export async function findPolicyVersions(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(eventPolicyVersion)
    .where(eq(eventPolicyVersion.eventId, eventId))
    .orderBy(asc(eventPolicyVersion.version));
}

/** One policy version of an event, by number. */
export async function findPolicyVersion(db: DbOrTx, eventId: string, version: number) {
  const [row] = await db
    .select()
    .from(eventPolicyVersion)
    .where(and(eq(eventPolicyVersion.eventId, eventId), eq(eventPolicyVersion.version, version)));
  return row;
}

/** Stamps the event's updatedAt alone: the public search version is the newest of these stamps. */
export async function touchEventRow(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(recruitmentEvent).set({ updatedAt: now }).where(eq(recruitmentEvent.id, id));
}
