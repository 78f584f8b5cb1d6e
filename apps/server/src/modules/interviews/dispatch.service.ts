import type { DispatchBoard } from '@kaolu/contracts';
import { dispatchExaminers } from '@kaolu/domain';
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import type { ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertEventInScope } from '../events';
import { getUnitById, unitsByIdOf } from '../units';
import { createDispatchCommon, type DispatchDeps } from './dispatch-common';
import { createDispatchUnits } from './dispatch-units.service';
import { dispatchExaminer, dispatchNeed, dispatchRound } from './dispatch.table';

/**
 * External examiners 外派考官 (INT-09a): units register whom they send out and how many they need
 * in (dispatch-units.service.ts); the org allocates with the dispatch engine (never to the own unit,
 * needs met where possible, balanced, shortfall reported), moves examiners by hand and confirms.
 */
export function createDispatchService(deps: DispatchDeps) {
  const { db } = deps;
  const common = createDispatchCommon(deps);
  const { nameOf, statusOf, setStatus, assertOpen, assertEvent, record } = common;
  return {
    ...createDispatchUnits(deps, common),
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
      const names = await unitsByIdOf(db, [
        ...examiners.flatMap((e) => [e.unitId, e.toUnitId ?? e.unitId]),
        ...needs.map((n) => n.unitId),
      ]);
      const unitName = (id: string) => names.get(id)?.name ?? '';
      // What a unit got, counted from the current allocation (hand changes included).
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
    /** Runs the engine over every registration; audited with met, needed and shortfall. */
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
        // Allocated examiners get their unit; the others are left out (toUnitId null).
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
        // The engine's rule holds for hand changes too: never sent back to his own unit.
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
