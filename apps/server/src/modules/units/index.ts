// Public face of the units module: the employing units 招录单位 and their hierarchy.
import { defineModule } from '../../platform/modules/module-registry';
import { registerUnitRoutes } from './units.routes';
import { createUnitsService } from './units.service';

export {
  createUnitsService,
  getUnitById,
  findUnitByCode,
  presentUnit,
  type UnitsService,
  type UnitRow,
} from './units.service';
export { registerUnitRoutes } from './units.routes';
export { unitParentsOf } from './unit-parents.queries';
export {
  findUnitsByIds,
  unitsByIdOf,
  findUnitsByCodes,
  findAllUnits,
  findUnitsOfKind,
  unitNameLike,
  unitCodeOf,
  unitScopeCondition,
  type UnitSummary,
} from './unit.queries';
export { insertSeedUnits, type UnitSeedRow } from './unit-seed';
export { unitsByNameOrCode } from './unit-by-name.queries';
export { sealLegacyUnitContacts, sealUnitContact } from './unit-contact';

export const unitsModule = defineModule({
  name: 'units',
  dependsOn: [],
  create: ({ db, audit, crypto }) => createUnitsService({ db, audit, crypto }),
  routes: (app, units) => registerUnitRoutes(app, units),
});
