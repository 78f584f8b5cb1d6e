// Public face of the units module (issue 6).
export { createUnitsService, getUnitById, findUnitByCode, presentUnit, type UnitsService, type UnitRow } from './units.service';
export { registerUnitRoutes } from './units.routes';
export { unit } from './unit.table';
export { sealLegacyUnitContacts, sealUnitContact } from './unit-contact';
