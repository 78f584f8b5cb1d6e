// The auditor's screens over the signed audit log (REG-08).
import { defineModule } from '../../platform/modules/module-registry';
import { registerAuditAdminRoutes } from './audit-admin.routes';

export { registerAuditAdminRoutes, type AuditAdminDeps } from './audit-admin.routes';

/**
 * No service of its own: the routes read the platform's audit log and sealer directly, and name
 * targets through the identity, events and units queries (so it is registered after them).
 */
export const auditAdminModule = defineModule({
  name: 'audit-admin',
  dependsOn: ['identity', 'events', 'units'],
  create: () => ({}),
  routes(app, _service, { db, crypto, audit, sealer }) {
    registerAuditAdminRoutes(app, { db, crypto, audit, sealer });
  },
});
