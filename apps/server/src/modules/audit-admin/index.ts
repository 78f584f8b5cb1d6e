// The auditor's screens over the signed audit log (REG-08).
import { defineModule } from '../../platform/modules/module-registry';
import { registerAuditAdminRoutes } from './audit-admin.routes';

export { registerAuditAdminRoutes, type AuditAdminDeps } from './audit-admin.routes';

/** No service of its own: the routes read the platform's audit log and sealer directly. */
export const auditAdminModule = defineModule({
  name: 'audit-admin',
  dependsOn: [],
  create: () => ({}),
  routes(app, _service, { db, crypto, audit, sealer }) {
    registerAuditAdminRoutes(app, { db, crypto, audit, sealer });
  },
});
