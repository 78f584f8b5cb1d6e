import { randomUUID } from 'node:crypto';
import type { DispatchUnitView } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import type { ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { getUnitById, unitsByIdOf } from '../units';
import { sealedName, type DispatchCommon, type DispatchDeps } from './dispatch-common';
import { assertUnitInScope, unitIdsInScope } from './dispatch-scope';
import { dispatchExaminer, dispatchNeed } from './dispatch.table';

/**
 * The unit side of the external examiner dispatch (INT-09a): a unit registers whom it sends out
 * and how many it needs in, and sees where they go once the org confirmed.
 */
export function createDispatchUnits(deps: DispatchDeps, common: DispatchCommon) {
  const { db, crypto, now } = deps;
  const { nameOf, statusOf, assertOpen, assertEvent, record } = common;
  const sealed = sealedName;
  return {
    /** The units the caller registers for: those his examiner_dispatch.register grants name. */
    async myUnits(principal?: Principal) {
      const names = await unitsByIdOf(db, unitIdsInScope(principal));
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
      // Before confirmation a unit sees only its own registration, not the proposal.
      const confirmed = status === 'confirmed';
      const names = await unitsByIdOf(
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

    /** Registers one examiner the unit sends out, while the dispatch is not confirmed. */
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
        // The id is made first: the sealed name is bound to its row.
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

    /** Removes one of the unit's own examiners, while not confirmed. */
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

    /** Sets how many outside examiners the unit needs in (one need per unit and event). */
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
  };
}
