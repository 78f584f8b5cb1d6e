import type { ZodApp } from '../../platform/http/types';
import type { Identity } from './identity.service';
import { registerSecurityAdminRoutes } from './security-admin.routes';
import { registerStaffUserRoutes } from './staff-users.routes';

/**
 * Back-office administration, split by 三权分立 into one routes file per administrator: users
 * (sys_admin, staff-users.routes.ts), then roles and grants, IP allowlist and sessions (sec_admin,
 * security-admin.routes.ts). Each route names the one permission it needs.
 */
export function registerIdentityAdminRoutes(app: ZodApp, identity: Identity): void {
  registerStaffUserRoutes(app, identity);
  registerSecurityAdminRoutes(app, identity);
}
