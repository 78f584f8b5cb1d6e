import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { staffUser } from './identity.table';

/**
 * The phones of active staff users, opened for a text to them (ONL-01 SLA reminders): users
 * without a phone on file or disabled are left out. The phone is sealed like every staff phone.
 */
export async function staffPhonesOf(
  db: DbOrTx,
  crypto: CryptoProvider,
  staffUserIds: readonly string[],
): Promise<Array<{ id: string; phone: string }>> {
  if (staffUserIds.length === 0) return [];
  const rows = await db
    .select({ id: staffUser.id, phoneEnc: staffUser.phoneEnc })
    .from(staffUser)
    .where(
      and(
        inArray(staffUser.id, [...staffUserIds]),
        eq(staffUser.disabled, false),
        isNotNull(staffUser.phoneEnc),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    phone: crypto.decryptField(r.phoneEnc!, { table: 'staff_user', column: 'phone', rowId: r.id }),
  }));
}
