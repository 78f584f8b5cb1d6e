import type { StaffRole } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
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

/** Gives a test staff user a sealed phone, as an administrator would enter it (SMS to staff). */
export async function setTestStaffPhone(
  db: DbOrTx,
  crypto: CryptoProvider,
  staffUserId: string,
  phone: string,
): Promise<void> {
  await db
    .update(staffUser)
    .set({
      phoneEnc: crypto.encryptField(phone, {
        table: 'staff_user',
        column: 'phone',
        rowId: staffUserId,
      }),
    })
    .where(eq(staffUser.id, staffUserId));
}
