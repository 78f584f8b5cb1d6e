import { reactive } from 'vue';
import type { StaffAccount } from './identity.api';

/** The signed-in staff user as last read from the server; cleared on logout. */
// Reactive so the menu, the account button and v-permission update the moment it changes.
export const staffSession = reactive<{ account: StaffAccount | null }>({ account: null });

/**
 * Whether the signed-in staff user holds a permission (menu entries, routes and buttons). No
 * permission asked means any signed-in staff user; a list means any one of them.
 */
export function hasPermission(permission: string | readonly string[] | null | undefined): boolean {
  if (!permission || (Array.isArray(permission) && permission.length === 0))
    return staffSession.account !== null;
  const account = staffSession.account;
  if (!account) return false;
  // Only a UI hint: the server checks the same permission on every call.
  const wanted: readonly string[] = typeof permission === 'string' ? [permission] : permission;
  return wanted.some((p) => account.permissions.includes(p));
}
