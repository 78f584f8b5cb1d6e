// Public face of the grant-scopes module: what sec_admin picks a role's scope from (NFR-UX-1).
// Its own module because identity comes before the modules whose names it lists.
import { defineModule } from '../../platform/modules/module-registry';
import { registerGrantScopeRoutes } from './grant-scopes.routes';

/** No service: one read route over the units, events and interviews queries. */
export const grantScopesModule = defineModule({
  name: 'grant-scopes',
  dependsOn: ['units', 'events', 'interviews'],
  create: () => ({}),
  routes(app, _service, { db }) {
    registerGrantScopeRoutes(app, { db });
  },
});
