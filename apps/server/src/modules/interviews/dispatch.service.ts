import { randomUUID } from 'node:crypto';
import type { DispatchBoard, DispatchUnitView } from '@kaolu/contracts';
import { dispatchExaminers } from '@kaolu/domain';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskPersonalData } from '../../platform/masking';
import { assertEventInScope, findEventById } from '../events';
import { getUnitById, unitSummariesOf } from '../units';
import { assertUnitInScope, unitIdsInScope } from './dispatch-scope';
import { dispatchExaminer, dispatchNeed, dispatchRound } from './dispatch.table';

type Status = 'open' | 'allocated' | 'confirmed';
const sealed = (rowId: string) => ({ table: 'examiner_dispatch_examiner', column: 'name', rowId });

/**
 * External examiners 外派考官 (INT-09a): units register whom they send out and how many they need
 * in; the org allocates with the dispatch engine (never to the own unit, needs met where possible,
 * balanced, shortfall reported), moves examiners by hand and confirms; units then see the result.
 */
export function createDispatchService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  now: () => Date;
}) {
  const { db, crypto, audit, now } = deps;
  const nameOf = (r: { id: string; nameEnc: string }) =>
    maskPersonalData(crypto.decryptField(r.nameEnc, sealed(r.id)), 'name');

  async function statusOf(tx: DbOrTx, eventId: string): Promise<Status> {
    const [round] = await tx.select().from(dispatchRound).where(eq(dispatchRound.eventId, eventId));
    return round?.status ?? 'open';
  }
  async function setStatus(tx: DbOrTx, eventId: string, status: Status) {
    const at = now();
    const stamps = status === 'confirmed' ? { confirmedAt: at } : { allocatedAt: at };
    await tx
      .insert(dispatchRound)
      .values({ eventId, status, ...stamps })
      .onConflictDoUpdate({ target: dispatchRound.eventId, set: { status, ...stamps } });
  }
  /** Changes are refused once the org confirmed: units and examiners rely on the result. */
  async function assertOpen(tx: DbOrTx, eventId: string) {
    if ((await statusOf(tx, eventId)) === 'confirmed') throw new AppError('DISPATCH.CONFIRMED');
  }
  async function assertEvent(eventId: string) {
    if (!(await findEventById(db, eventId))) throw new AppError('EVENT.NOT_FOUND');
  }

  async function record(
    tx: DbOrTx,
    ctx: ChangeContext,
    action: string,
    targetId: string,
    details: object,
  ) {
    await audit.record(tx, {
      ...auditBase(ctx),
      action,
      targetType: 'examiner_dispatch',
      targetId,
      result: 'success',
      details: details as Record<string, unknown>,
    });
  }

  return {
    /** The units the caller registers for: those his examiner_dispatch.register grants name. */
    async myUnits(principal?: Principal) {
      const names = await unitSummariesOf(db, unitIdsInScope(principal));
      return { items: [...names.values()].map((u) => ({ id: u.id, name: u.name })) };
    },

    /** A unit's registration, and once confirmed where its examiners go and who comes in. */
    async unitView(
      eventId: string,
      unitId: string,
      principal?: Principal,
    ): Promise<DispatchUnitView> {
      assertUnitInScope(principal, eventId, unitId);
      await assertEvent(eventId);
      const status = await statusOf(db, eventId);
      const all = await db
        .select()
        .from(dispatchExaminer)
        .where(eq(dispatchExaminer.eventId, eventId));
      const [need] = await db
        .select()
        .from(dispatchNeed)
        .where(and(eq(dispatchNeed.eventId, eventId), eq(dispatchNeed.unitId, unitId)));
      const confirmed = status === 'confirmed';
      const names = await unitSummariesOf(
        db,
        all.flatMap((e) => [e.unitId, e.toUnitId ?? e.unitId]),
      );
      return {
        needCount: need?.count ?? 0,
        status,
        examiners: all
          .filter((e) => e.unitId === unitId)
          .map((e) => ({
            id: e.id,
            nameMasked: nameOf(e),
            title: e.title,
            toUnitName: confirmed && e.toUnitId ? (names.get(e.toUnitId)?.name ?? null) : null,
          })),
        incoming: confirmed
          ? all
              .filter((e) => e.toUnitId === unitId)
              .map((e) => ({
                nameMasked: nameOf(e),
                fromUnitName: names.get(e.unitId)?.name ?? '',
              }))
          : [],
      };
    },

    async addExaminer(
      eventId: string,
      unitId: string,
      input: { name: string; title?: string },
      ctx: ChangeContext,
    ) {
      assertUnitInScope(ctx.principal, eventId, unitId);
      await assertEvent(eventId);
      await getUnitById(db, unitId);
      await db.transaction(async (tx) => {
        await assertOpen(tx, eventId);
        const id = randomUUID();
        await tx.insert(dispatchExaminer).values({
          id,
          eventId,
          unitId,
          nameEnc: crypto.encryptField(input.name, sealed(id)),
          title: input.title ?? null,
          createdAt: now(),
        });
        await record(tx, ctx, 'dispatch_examiner.registered', id, { eventId, unitId });
      });
    },

    async removeExaminer(eventId: string, unitId: string, examinerId: string, ctx: ChangeContext) {
      assertUnitInScope(ctx.principal, eventId, unitId);
      await db.transaction(async (tx) => {
        await assertOpen(tx, eventId);
        const gone = await tx
          .delete(dispatchExaminer)
          .where(
            and(
              eq(dispatchExaminer.id, examinerId),
              eq(dispatchExaminer.eventId, eventId),
              eq(dispatchExaminer.unitId, unitId),
            ),
          )
          .returning({ id: dispatchExaminer.id });
        if (gone.length === 0) throw new AppError('DISPATCH.NOT_FOUND');
        await record(tx, ctx, 'dispatch_examiner.removed', examinerId, { eventId, unitId });
      });
    },

    async setNeed(eventId: string, unitId: string, count: number, ctx: ChangeContext) {
      assertUnitInScope(ctx.principal, eventId, unitId);
      await assertEvent(eventId);
      await getUnitById(db, unitId);
      await db.transaction(async (tx) => {
        await assertOpen(tx, eventId);
        await tx
          .insert(dispatchNeed)
          .values({ eventId, unitId, count })
          .onConflictDoUpdate({
            target: [dispatchNeed.eventId, dispatchNeed.unitId],
            set: { count },
          });
        await record(tx, ctx, 'dispatch_need.set', unitId, { eventId, count });
      });
    },

    /** The org's board: every examiner with his allocation, every need with what it got. */
    async board(eventId: string, principal?: Principal): Promise<DispatchBoard> {
      assertEventInScope(principal, 'examiner_dispatch.manage', eventId);
      await assertEvent(eventId);
      const status = await statusOf(db, eventId);
      const examiners = await db
        .select()
        .from(dispatchExaminer)
        .where(eq(dispatchExaminer.eventId, eventId));
      const needs = await db.select().from(dispatchNeed).where(eq(dispatchNeed.eventId, eventId));
      const names = await unitSummariesOf(db, [
        ...examiners.flatMap((e) => [e.unitId, e.toUnitId ?? e.unitId]),
        ...needs.map((n) => n.unitId),
      ]);
      const unitName = (id: string) => names.get(id)?.name ?? '';
      const metOf = (unitId: string) => examiners.filter((e) => e.toUnitId === unitId).length;
      return {
        status,
        examiners: examiners
          .map((e) => ({
            id: e.id,
            nameMasked: nameOf(e),
            unitId: e.unitId,
            unitName: unitName(e.unitId),
            toUnitId: e.toUnitId,
            toUnitName: e.toUnitId ? unitName(e.toUnitId) : null,
            manual: e.manual,
          }))
          .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
        needs: needs
          .map((n) => ({
            unitId: n.unitId,
            unitName: unitName(n.unitId),
            count: n.count,
            met: metOf(n.unitId),
          }))
          .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN')),
        needed: needs.reduce((s, n) => s + n.count, 0),
        met: needs.reduce((s, n) => s + Math.min(n.count, metOf(n.unitId)), 0),
      };
    },

    /** Runs the dispatch engine; a re-run replaces the allocation and every hand adjustment. */
    async allocate(eventId: string, ctx: ChangeContext) {
      assertEventInScope(ctx.principal, 'examiner_dispatch.manage', eventId);
      await assertEvent(eventId);
      await db.transaction(async (tx) => {
        await assertOpen(tx, eventId);
        const examiners = await tx
          .select()
          .from(dispatchExaminer)
          .where(eq(dispatchExaminer.eventId, eventId));
        const needs = await tx.select().from(dispatchNeed).where(eq(dispatchNeed.eventId, eventId));
        const result = dispatchExaminers(
          examiners.map((e) => ({ id: e.id, unitId: e.unitId })),
          needs.map((n) => ({ unitId: n.unitId, count: n.count })),
        );
        // Inputs come from validated rows (unique ids and needs), so a refusal is a broken invariant.
        if (!result.ok) throw new Error(result.reasons.map((r) => r.message).join('；'));
        const to = new Map(result.value.assignments.map((a) => [a.examinerId, a.toUnitId]));
        for (const e of examiners)
          await tx
            .update(dispatchExaminer)
            .set({ toUnitId: to.get(e.id) ?? null, manual: false })
            .where(eq(dispatchExaminer.id, e.id));
        await setStatus(tx, eventId, 'allocated');
        const { met, needed, maxPerPair, shortfalls } = result.value;
        await record(tx, ctx, 'examiner_dispatch.allocated', eventId, {
          met,
          needed,
          maxPerPair,
          shortfalls,
        });
      });
    },

    /** A hand adjustment after the allocation: never to the examiner's own unit. */
    async adjust(eventId: string, examinerId: string, toUnitId: string | null, ctx: ChangeContext) {
      assertEventInScope(ctx.principal, 'examiner_dispatch.manage', eventId);
      await db.transaction(async (tx) => {
        const status = await statusOf(tx, eventId);
        if (status === 'confirmed') throw new AppError('DISPATCH.CONFIRMED');
        if (status === 'open') throw new AppError('DISPATCH.NOT_ALLOCATED');
        const [e] = await tx
          .select()
          .from(dispatchExaminer)
          .where(and(eq(dispatchExaminer.id, examinerId), eq(dispatchExaminer.eventId, eventId)));
        if (!e) throw new AppError('DISPATCH.NOT_FOUND');
        if (toUnitId === e.unitId) throw new AppError('DISPATCH.OWN_UNIT');
        if (toUnitId) await getUnitById(tx, toUnitId);
        await tx
          .update(dispatchExaminer)
          .set({ toUnitId, manual: true })
          .where(eq(dispatchExaminer.id, e.id));
        await record(tx, ctx, 'dispatch_examiner.adjusted', e.id, {
          eventId,
          from: e.toUnitId,
          to: toUnitId,
        });
      });
    },

    /** Fixes the result: units see it, and nothing changes any more. */
    async confirm(eventId: string, ctx: ChangeContext) {
      assertEventInScope(ctx.principal, 'examiner_dispatch.manage', eventId);
      await db.transaction(async (tx) => {
        const status = await statusOf(tx, eventId);
        if (status === 'confirmed') throw new AppError('DISPATCH.CONFIRMED');
        if (status === 'open') throw new AppError('DISPATCH.NOT_ALLOCATED');
        await setStatus(tx, eventId, 'confirmed');
        await tx
          .update(dispatchRound)
          .set({ confirmedBy: ctx.actor.kind === 'staff' ? ctx.actor.username : 'system' })
          .where(eq(dispatchRound.eventId, eventId));
        await record(tx, ctx, 'examiner_dispatch.confirmed', eventId, {});
      });
    },
  };
}

export type DispatchService = ReturnType<typeof createDispatchService>;
