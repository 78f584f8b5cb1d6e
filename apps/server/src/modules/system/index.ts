// Public face of the system module: liveness and readiness probes.
import { defineModule } from '../../platform/modules/module-registry';
import { registerSystemRoutes } from './system.routes';

/** No service: the probes read the database handle and the build version from the platform. */
export const systemModule = defineModule({
  name: 'system',
  dependsOn: [],
  create: () => ({}),
  routes(app, _service, { database, config }) {
    registerSystemRoutes(app, { database, version: config.version });
  },
});
