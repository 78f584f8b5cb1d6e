import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { roleGrant } from './identity.table';

/** Whether any staff user holds one of these roles (create-admins runs only on a fresh database). */
export async function anyRoleGranted(db: DbOrTx, roles: readonly string[]): Promise<boolean> {
  const [row] = await db
    .select({ role: roleGrant.role })
    .from(roleGrant)
    .where(inArray(roleGrant.role, [...roles]))
    .limit(1);
  return row !== undefined;
}
