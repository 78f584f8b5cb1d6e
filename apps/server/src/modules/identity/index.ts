// Public face of the identity module (issue 3): other code builds it, registers its routes, and
// uses its principal resolver; nothing else reaches into the files behind it.
import type { ZodApp } from '../../platform/http/types';
import { registerCandidateAuthRoutes } from './candidate-auth.routes';
import { registerIdentityAdminRoutes } from './identity-admin.routes';
import type { Identity } from './identity.service';
import { registerStaffAuthRoutes } from './staff-auth.routes';

export { createIdentity, type Identity, type IdentityOptions } from './identity.service';
export { SESSION_COOKIE } from './session.service';
export { createRealNameSimulator, createHttpRealNameVerifier, type RealNameVerifier } from './real-name';

/** Every route of the identity module. */
export function registerIdentityRoutes(app: ZodApp, identity: Identity): void {
  registerCandidateAuthRoutes(app, identity);
  registerStaffAuthRoutes(app, identity);
  registerIdentityAdminRoutes(app, identity);
}
