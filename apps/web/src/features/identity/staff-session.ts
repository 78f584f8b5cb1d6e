import { reactive } from 'vue';
import type { StaffAccount } from './identity.api';

/** The signed-in staff user as last read from the server; cleared on logout. */
export const staffSession = reactive<{ account: StaffAccount | null }>({ account: null });

/** Whether the signed-in staff user holds a permission (menu entries and buttons). */
export function hasPermission(permission: string): boolean {
  return staffSession.account?.permissions.includes(permission) ?? false;
}
