// The auditor's screens over the signed audit log (REG-08).
export { registerAuditAdminRoutes, type AuditAdminDeps } from './audit-admin.routes';
