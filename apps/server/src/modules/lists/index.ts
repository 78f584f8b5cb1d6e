// Public face of the REG-01 lists module: registration and adjustment call `match` / `matchByBlindIndex`.
import { defineModule } from '../../platform/modules/module-registry';
import { registerListRoutes } from './lists.routes';
import { createListsService } from './lists.service';

export {
  createListsService,
  matchByBlindIndex,
  type ListsService,
  type ListValue,
} from './lists.service';
export { registerListRoutes } from './lists.routes';
export { whitelistUnitsOf } from './whitelist.queries';

/** The lists module; it reads events and units, and registration reads it. */
export const listsModule = defineModule({
  name: 'lists',
  dependsOn: ['events', 'units'],
  create: ({ db, audit, crypto, clock }) =>
    createListsService({ db, audit, crypto, now: () => clock.now() }),
  routes: (app, lists) => registerListRoutes(app, lists),
});
