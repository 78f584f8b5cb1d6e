import type { EventType } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import type { DbOrTx } from '../../db/client';
import { recruitmentEvent } from './event.table';
import type { EventRecord } from './events.repository';
import type { AuthHeaders } from '../../test-support/login-as';

// Test helpers shared by the events, positions and later modules' HTTP tests: they go through the
// API as a real org_admin would, so a test exercises the same checks and audit entries.
const HOUR = 3_600_000;

/** A window around now (open) or wholly in the past (closed), as ISO text. */
export function windowAround(open: boolean): { startsAt: string; endsAt: string } {
  const now = Date.now();
  return open
    ? {
        startsAt: new Date(now - HOUR).toISOString(),
        endsAt: new Date(now + 24 * HOUR).toISOString(),
      }
    : {
        startsAt: new Date(now - 48 * HOUR).toISOString(),
        endsAt: new Date(now - 24 * HOUR).toISOString(),
      };
}

// Codes must be unique per database; time plus a counter keeps parallel helpers from colliding.
let counter = 0;

/** Creates an event through the API as org_admin, with an open brochure window, moved to 简章征集. */
export async function createCollectingEvent(
  app: KaoluApp,
  org: AuthHeaders,
  type: EventType = 'general',
) {
  const code = `T${Date.now().toString(36)}${counter++}`;
  const created = await app.inject({
    method: 'POST',
    url: '/api/admin/events',
    headers: org,
    payload: {
      code,
      name: `测试事项${code}`,
      type,
      year: 2026,
      // Only the brochure window is open: positions can be filled; later stages stay unscheduled.
      schedule: [{ stage: 'brochure', ...windowAround(true) }],
    },
  });
  if (created.statusCode !== 200) throw new Error(`create event failed: ${created.body}`);
  const id = created.json().id as string;
  const moved = await app.inject({
    method: 'POST',
    url: `/api/admin/events/${id}/transition`,
    headers: org,
    payload: { to: 'collecting' },
  });
  if (moved.statusCode !== 200) throw new Error(`transition failed: ${moved.body}`);
  return { id, code };
}

/** Creates a department and a unit under it as org_admin; returns their ids. */
export async function createUnit(
  app: KaoluApp,
  org: AuthHeaders,
  name: string,
  options: { isPolice?: boolean } = {},
) {
  const code = `U${Date.now().toString(36)}${counter++}`;
  const dept = await app.inject({
    method: 'POST',
    url: '/api/admin/units',
    headers: org,
    // Positions belong to units, never to departments, so every test unit gets a parent department.
    payload: { code: `D${code}`, name: `${name}主管部门`, kind: 'department' },
  });
  const unit = await app.inject({
    method: 'POST',
    url: '/api/admin/units',
    headers: org,
    payload: {
      code,
      name,
      kind: 'unit',
      parentId: dept.json().id,
      isPolice: options.isPolice ?? false,
    },
  });
  if (unit.statusCode !== 200) throw new Error(`create unit failed: ${unit.body}`);
  return {
    unitId: unit.json().id as string,
    unitCode: code,
    departmentId: dept.json().id as string,
  };
}

/** A valid 面上 position input for the standard brochure format. */
export function generalPosition(code: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    title: '综合管理岗',
    category: 'comprehensive',
    examCategory: 'comprehensive',
    headcount: 2,
    conditions: {
      minEducation: 'bachelor',
      majorKeywords: ['法学', '汉语言文学'],
      maxAge: 35,
      residence: 'hukou_or_permit',
    },
    // Overrides replace whole fields (conditions included), so a test states exactly what it
    // changes.
    ...overrides,
  };
}

/** An event row written straight to the database, for tests that need a state the API cannot set. */
export async function insertTestEvent(
  db: DbOrTx,
  values: typeof recruitmentEvent.$inferInsert,
): Promise<EventRecord> {
  const [row] = await db.insert(recruitmentEvent).values(values).returning();
  return row as EventRecord;
}

/** Changes an event's columns directly (a past window, a status), bypassing the service's checks. */
export async function updateTestEvent(
  db: DbOrTx,
  id: string,
  values: Partial<typeof recruitmentEvent.$inferInsert>,
): Promise<void> {
  await db.update(recruitmentEvent).set(values).where(eq(recruitmentEvent.id, id));
}

/** The events with this code (none when a refused create wrote nothing). */
export async function findTestEventsByCode(db: DbOrTx, code: string): Promise<EventRecord[]> {
  const rows = await db.select().from(recruitmentEvent).where(eq(recruitmentEvent.code, code));
  return rows as EventRecord[];
}
