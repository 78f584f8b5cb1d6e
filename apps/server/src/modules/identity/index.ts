// Public face of the identity module: other code builds it, registers its routes, and uses its
// principal resolver; nothing else reaches into the files behind it.
import type { ZodApp } from '../../platform/http/types';
import { defineModule } from '../../platform/modules/module-registry';
import type { CandidatesService } from '../candidates';
import type { DataExchange, RealNameVerifier } from '../data-exchange';
import { registerCandidateAuthRoutes } from './candidate-auth.routes';
import { registerIdentityAdminRoutes } from './identity-admin.routes';
import { createIdentity, type Identity } from './identity.service';
import { registerStaffAuthRoutes } from './staff-auth.routes';

export { createIdentity, type Identity, type IdentityOptions } from './identity.service';
export { SESSION_COOKIE } from './session.service';
export {
  createRealNameSimulator,
  createHttpRealNameVerifier,
  type RealNameVerifier,
} from './real-name';
export { openStandaloneIdentity } from './standalone-identity';
export { anyRoleGranted, findStaffUsernames, findStaffWithRoles } from './identity.queries';
export { staffPhonesOf } from './staff-contacts';

/** Every route of the identity module. */
export function registerIdentityRoutes(app: ZodApp, identity: Identity): void {
  registerCandidateAuthRoutes(app, identity);
  registerStaffAuthRoutes(app, identity);
  registerIdentityAdminRoutes(app, identity);
}

/** The identity module; `realName` replaces the exchange's real-name interface (tests steer it). */
export function identityModule(options: { realName?: RealNameVerifier } = {}) {
  return defineModule({
    name: 'identity',
    dependsOn: ['data-exchange', 'candidates'],
    // Real-name verification comes from data-exchange (NFR-EXC-1), the candidate record from
    // candidates.
    create(
      { db, crypto, audit, sms, config, clock },
      deps: { 'data-exchange': DataExchange; candidates: CandidatesService },
    ): Identity {
      const realName = options.realName ?? deps['data-exchange'].realName;
      return createIdentity({
        db,
        crypto,
        audit,
        sms,
        config,
        realName,
        candidates: deps.candidates,
        now: () => clock.now(),
      });
    },
    routes: registerIdentityRoutes,
  });
}
