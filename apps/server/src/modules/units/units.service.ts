import { randomUUID } from 'node:crypto';
import type { Unit, UnitInputSchema } from '@kaolu/contracts';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { unit } from './unit.table';
import {
  maskUnitContact,
  mergeUnitContact,
  openUnitContact,
  sealUnitContact,
} from './unit-contact';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/** The body of a create or update, contact person in the clear (sealed before it is stored). */
type UnitInput = z.infer<typeof UnitInputSchema>;
export type UnitRow = typeof unit.$inferSelect;
export type UnitsService = ReturnType<typeof createUnitsService>;

/** Unit row → API shape, the contact person masked (NFR-SEC-3). */
export function presentUnit(u: UnitRow, crypto: CryptoProvider): Unit {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    district: u.district,
    isPolice: u.isPolice,
    contact: maskUnitContact(openUnitContact(crypto, u)),
  };
}

/** One unit or throws UNIT.NOT_FOUND. */
export async function getUnitById(db: DbOrTx, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(unit).where(eq(unit.id, id));
  if (!row) throw new AppError('UNIT.NOT_FOUND');
  return row;
}

/** A unit by its code (imports name units by code). */
export async function findUnitByCode(db: DbOrTx, code: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(unit).where(eq(unit.code, code));
  return row;
}

/**
 * The unit hierarchy (supervising department → unit), maintained by org_admin. A department
 * has no parent; a unit hangs under a department or stands alone (city-level bodies).
 */
export function createUnitsService(deps: { db: Db; audit: AuditLog; crypto: CryptoProvider }) {
  const { db, audit, crypto } = deps;
  const present = (row: UnitRow) => presentUnit(row, crypto);
  // Audit details name what changed, the contact only masked: the signed log is kept for years.
  const audited = (input: UnitInput, shown: Unit) => ({ ...input, contact: shown.contact });

  /** Two levels only: a department has no parent, and only a department can be one. */
  async function assertParent(tx: DbOrTx, input: UnitInput, selfId?: string): Promise<void> {
    if (input.kind === 'department' && input.parentId)
      throw new AppError('UNIT.INVALID_PARENT', { message: '主管部门不能再有上级' });
    if (!input.parentId) return;
    if (input.parentId === selfId)
      throw new AppError('UNIT.INVALID_PARENT', { message: '单位不能隶属于自身' });
    const parent = await getUnitById(tx, input.parentId);
    if (parent.kind !== 'department')
      throw new AppError('UNIT.INVALID_PARENT', {
        message: `「${parent.name}」不是主管部门，不能作为上级`,
      });
  }

  /**
   * Refuses a code another unit uses, naming that unit (the unique index alone would answer 500).
   */
  async function assertCodeFree(tx: DbOrTx, code: string, selfId?: string): Promise<void> {
    const existing = await findUnitByCode(tx, code);
    if (existing && existing.id !== selfId)
      throw new AppError('UNIT.CODE_TAKEN', {
        message: `单位代码「${code}」已被「${existing.name}」使用`,
      });
  }

  return {
    /**
     * A page of units, departments before units, by code; the keyword matches name or code
     * literally.
     */
    async list(query: { page: number; pageSize: number; parentId?: string; keyword?: string }) {
      const parts: SQL[] = [];
      if (query.parentId) parts.push(eq(unit.parentId, query.parentId));
      if (query.keyword) {
        const pattern = `%${query.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        parts.push(or(ilike(unit.name, pattern), ilike(unit.code, pattern))!);
      }
      const where = parts.length ? and(...parts) : undefined;
      const [rows, [totals]] = await Promise.all([
        db
          .select()
          .from(unit)
          .where(where)
          .orderBy(asc(unit.kind), asc(unit.code))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(unit).where(where),
      ]);
      return { items: rows.map(present), total: totals?.n ?? 0 };
    },

    get: async (id: string) => present(await getUnitById(db, id)),

    /** Creates a department or unit, its contact sealed to the new row, audited masked. */
    async create(input: UnitInput, ctx: ChangeContext): Promise<Unit> {
      return db.transaction(async (tx) => {
        await assertCodeFree(tx, input.code);
        await assertParent(tx, input);
        // The id is chosen here because the contact ciphertext is bound to it.
        const id = randomUUID();
        const { contact, ...fields } = input;
        const contactEnc = sealUnitContact(crypto, id, mergeUnitContact(null, contact));
        const [row] = await tx
          .insert(unit)
          .values({ ...fields, id, contactEnc })
          .returning();
        const shown = present(row!);
        const details = { to: audited(input, shown) };
        const entry = {
          action: 'unit.created',
          targetType: 'unit',
          targetId: id,
          result: 'success' as const,
          details,
        };
        await audit.record(tx, { ...auditBase(ctx), ...entry });
        return shown;
      });
    },

    /** Edits a unit; contact fields left out of the body keep their stored value. */
    async update(id: string, input: UnitInput, ctx: ChangeContext): Promise<Unit> {
      return db.transaction(async (tx) => {
        const before = await getUnitById(tx, id);
        await assertCodeFree(tx, input.code, id);
        await assertParent(tx, input, id);
        // A department with units under it cannot become a unit: they would be left under a
        // non-department.
        if (before.kind === 'department' && input.kind !== 'department') {
          const [children] = await tx
            .select({ n: count() })
            .from(unit)
            .where(eq(unit.parentId, id));
          if ((children?.n ?? 0) > 0)
            throw new AppError('UNIT.INVALID_PARENT', {
              message: '该主管部门下还有单位，不能改为单位',
            });
        }
        const { contact, ...fields } = input;
        const contactEnc = sealUnitContact(
          crypto,
          id,
          mergeUnitContact(openUnitContact(crypto, before), contact),
        );
        const [row] = await tx
          .update(unit)
          .set({ ...fields, contactEnc })
          .where(eq(unit.id, id))
          .returning();
        const shown = present(row!);
        const details = { from: present(before), to: audited(input, shown) };
        const entry = {
          action: 'unit.updated',
          targetType: 'unit',
          targetId: id,
          result: 'success' as const,
          details,
        };
        await audit.record(tx, { ...auditBase(ctx), ...entry });
        return shown;
      });
    },
  };
}
