import type { StaffRole } from '@kaolu/contracts';
import type { DbOrTx } from '../../db/client';
import { roleGrant, staffUser } from './identity.table';

// Test fixtures of staff accounts: loginAs creates users and grants through this, not the tables
// (a file of its own: identity.test-support imports login-as, which imports this).

/** A staff user with these grants (unit / event scope or none), written straight to the database. */
export async function insertTestStaffUser(
  db: DbOrTx,
  user: { username: string; displayName: string; passwordHash: string },
  grants: ReadonlyArray<{
    role: StaffRole;
    unitId?: string | null;
    eventId?: string | null;
    venueId?: string | null;
    sessionId?: string | null;
  }>,
): Promise<{ id: string }> {
  const [row] = await db.insert(staffUser).values(user).returning({ id: staffUser.id });
  for (const grant of grants) {
    await db.insert(roleGrant).values({
      staffUserId: row!.id,
      role: grant.role,
      unitId: grant.unitId ?? null,
      eventId: grant.eventId ?? null,
      venueId: grant.venueId ?? null,
      sessionId: grant.sessionId ?? null,
      grantedBy: 'test',
    });
  }
  return row!;
}
