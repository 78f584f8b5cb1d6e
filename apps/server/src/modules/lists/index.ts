// Public face of the REG-01 lists module: registration and adjustment call `match` / `matchByBlindIndex`.
export { createListsService, matchByBlindIndex, type ListsService, type ListValue } from './lists.service';
export { registerListRoutes } from './lists.routes';
export { listEntry } from './list-entry.table';
