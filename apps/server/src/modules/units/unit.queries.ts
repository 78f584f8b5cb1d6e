import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { scopeCondition, type PermissionScope } from '../../platform/auth/permission-scope';
import { unit } from './unit.table';

// Read-only queries over units for other modules (NFR-MNT-1): they never read the unit table. List
// pages fetch their page first and then look its units up in one batch; filters and sorts that must
// run inside the paged SQL get a condition or an ORDER BY expression built here instead of a join.

/** The columns other modules show or decide on: never the contact person (NFR-SEC-3). */
export type UnitSummary = {
  id: string;
  code: string;
  name: string;
  kind: 'department' | 'unit' | 'hospital' | 'school';
  parentId: string | null;
  isPolice: boolean;
};

const summary = {
  id: unit.id,
  code: unit.code,
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
  isPolice: unit.isPolice,
};

/** Units by id (any order, unknown ids left out): one query for a whole page of rows. */
export async function findUnitsByIds(db: DbOrTx, ids: readonly string[]): Promise<UnitSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select(summary)
    .from(unit)
    .where(inArray(unit.id, [...new Set(ids)]));
}

/** Units by id as a map, for joining a page of rows with their unit in memory. */
export async function unitsByIdOf(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, UnitSummary>> {
  return new Map((await findUnitsByIds(db, ids)).map((u) => [u.id, u]));
}

/** Units by code (imports name units by code); unknown codes are left out. */
export async function findUnitsByCodes(
  db: DbOrTx,
  codes: readonly string[],
): Promise<UnitSummary[]> {
  if (codes.length === 0) return [];
  return db
    .select(summary)
    .from(unit)
    .where(inArray(unit.code, [...new Set(codes)]));
}

/** The organisations of one kind by code (e.g. the physical-exam hospitals an org assigns to). */
export async function findUnitsOfKind(
  db: DbOrTx,
  kind: UnitSummary['kind'],
): Promise<UnitSummary[]> {
  return db.select(summary).from(unit).where(eq(unit.kind, kind)).orderBy(unit.code);
}

/** Every unit, by code (small: a few hundred units), for pages that list per unit. */
export async function findAllUnits(db: DbOrTx): Promise<UnitSummary[]> {
  return db.select(summary).from(unit).orderBy(unit.code);
}

/** A WHERE condition: the row's unit is named like this LIKE pattern (a keyword search). */
export function unitNameLike(unitId: AnyPgColumn, pattern: string): SQL {
  return sql`${unitId} in (select ${unit.id} from ${unit} where ${unit.name} ilike ${pattern})`;
}

/** An ORDER BY expression: the code of the row's unit (sorting a page by unit without a join). */
export function unitCodeOf(unitId: AnyPgColumn): SQL<string> {
  return sql<string>`(select ${unit.code} from ${unit} where ${unit.id} = ${unitId})`;
}

/**
 * The caller's reach over rows that carry a unit and an event: his units, or every unit under a
 * department he is granted (one level: departments have no parent). undefined = no restriction.
 */
export function unitScopeCondition(
  scope: PermissionScope,
  columns: { unitId: AnyPgColumn; eventId: AnyPgColumn },
): SQL | undefined {
  const own = scopeCondition(scope, columns);
  if (own === undefined || scope.all) return undefined;
  const under = scope.entries
    .filter((e) => e.unitId !== null)
    .map((e) =>
      and(
        sql`${columns.unitId} in (select ${unit.id} from ${unit} where ${unit.parentId} = ${e.unitId})`,
        e.eventId === null ? undefined : eq(columns.eventId, e.eventId),
      )!,
    );
  return under.length === 0 ? own : or(own, ...under);
}
