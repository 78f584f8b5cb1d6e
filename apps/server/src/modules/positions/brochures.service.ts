import type { Brochure, BrochureStatus, PositionConditions } from '@kaolu/contracts';
import { and, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import {
  assertEventStatus,
  assertStageOpen,
  findEventById,
  type EventRecord,
  type EventsService,
} from '../events';
import { getUnitById, unitCodeOf, unitsByIdOf } from '../units';
import { assertBrochureTransition } from './brochure-lifecycle';
import { checkPositionAgainstPolicy } from './position-format';
import { assertUnitInScope } from './position-scope';
import { brochure, position } from './position.table';
import { countUnitPositions, lockBrochure } from './positions.service';
import { createSecondRound } from './second-round';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/** What the module index and the admin routes see of the brochure workflow. */
export type BrochuresService = ReturnType<typeof createBrochuresService>;

/**
 * The brochure workflow (INT-08): a unit submits 上报, org_admin approves or returns with
 * comments, then publishes the approved brochures; a second round is generated from the first
 * round's unfilled positions directly as 已上报. Positions follow their brochure's state.
 */
export function createBrochuresService(deps: {
  db: Db;
  audit: AuditLog;
  events: EventsService;
  now: () => Date;
}) {
  const { db, audit, events, now } = deps;

  // Locks the event row (third argument), so an event status change waits for this use case.
  async function getEvent(tx: DbOrTx, id: string): Promise<EventRecord> {
    const event = await findEventById(tx, id, true);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event;
  }

  /** Moves a brochure and its positions to a new state, audited with from, to and comment. */
  async function move(
    tx: DbOrTx,
    eventId: string,
    unitId: string,
    to: BrochureStatus,
    ctx: ChangeContext,
    comment: string | null = null,
    extra: Record<string, unknown> = {},
  ) {
    // Row lock first: two reviewers acting on one brochure are serialised, so the transition check
    // sees the state the other one committed.
    const row = await lockBrochure(tx, eventId, unitId);
    assertBrochureTransition(row.status, to);
    // A returned brochure's positions go back to draft: the unit edits them before submitting
    // again.
    const positionStatus = {
      submitted: 'submitted',
      approved: 'approved',
      published: 'published',
      returned: 'draft',
      filling: 'draft',
    }[to];
    // Submission stamps submittedAt; any review (approve, return, publish) stamps the reviewer.
    const stamp =
      to === 'submitted'
        ? { submittedAt: now() }
        : { reviewedAt: now(), reviewedBy: ctx.actor.kind === 'staff' ? ctx.actor.username : null };
    await tx
      .update(brochure)
      .set({
        status: to,
        // A re-submission keeps the reviewer's last comment visible; any review replaces it.
        comment: to === 'submitted' ? row.comment : comment,
        ...stamp,
        updatedAt: now(),
      })
      .where(eq(brochure.id, row.id));
    await tx
      .update(position)
      .set({ status: positionStatus, updatedAt: now() })
      .where(and(eq(position.eventId, eventId), eq(position.unitId, unitId)));
    // Public search totals are cached per search version: a change to what is published bumps it.
    if (to === 'published' || row.status === 'published') await events.touch(tx, eventId);
    await audit.record(tx, {
      ...auditBase(ctx),
      action: `brochure.${to}`,
      targetType: 'brochure',
      targetId: row.id,
      result: 'success',
      details: { eventId, unitId, from: row.status, to, comment, ...extra },
    });
  }

  return {
    /**
     * Every unit's brochure of an event with its position count (org review list), ordered by unit
     * code. Counts come from one grouped query, so brochures without positions still appear with 0.
     */
    async list(eventId: string): Promise<Array<Brochure & { parentId: string | null }>> {
      const [brochures, counts] = await Promise.all([
        db
          .select()
          .from(brochure)
          .where(eq(brochure.eventId, eventId))
          .orderBy(unitCodeOf(brochure.unitId)),
        db
          .select({ unitId: position.unitId, n: count() })
          .from(position)
          .where(eq(position.eventId, eventId))
          .groupBy(position.unitId),
      ]);
      const countOf = new Map(counts.map((c) => [c.unitId, Number(c.n)]));
      // One brochure per unit: the event's units are read in one look-up for names and parents.
      const units = await unitsByIdOf(
        db,
        brochures.map((b) => b.unitId),
      );
      const unitOf = (id: string) => units.get(id)!;
      const rows = brochures.map((b) => ({ b, positionCount: countOf.get(b.unitId) ?? 0 }));
      return rows.map(({ b, positionCount }) => ({
        parentId: unitOf(b.unitId).parentId,
        id: b.id,
        eventId: b.eventId,
        unitId: b.unitId,
        unitName: unitOf(b.unitId).name,
        status: b.status as BrochureStatus,
        comment: b.comment,
        positionCount,
        submittedAt: b.submittedAt?.toISOString() ?? null,
        reviewedAt: b.reviewedAt?.toISOString() ?? null,
      }));
    },

    /** A unit submits 上报 its brochure: inside the brochure window, every position valid for the format. */
    async submit(
      eventId: string,
      unitId: string,
      ctx: ChangeContext & { principal?: Principal },
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const event = await getEvent(tx, eventId);
        assertEventStatus(event.status, ['collecting'], '上报简章');
        assertStageOpen(event, 'brochure', now());
        const unitRow = await getUnitById(tx, unitId);
        // Scope is checked against the unit row read in this transaction, including its parent
        // department.
        assertUnitInScope(ctx.principal, 'brochure.submit', unitRow, eventId);
        // An empty brochure has nothing to review: refused before the policy check.
        if ((await countUnitPositions(tx, eventId, unitId)) === 0)
          throw new AppError('BROCHURE.EMPTY');
        // The policy may have changed since a position was saved: check them all again.
        const rows = await tx
          .select()
          .from(position)
          .where(and(eq(position.eventId, eventId), eq(position.unitId, unitId)));
        // Every problem of every position, each prefixed with its code, so the unit fixes them in
        // one pass.
        const problems = rows.flatMap((p) =>
          checkPositionAgainstPolicy(
            {
              ...p,
              conditions: p.conditions as PositionConditions,
              details: p.details as Record<string, string>,
              category: p.category as 'comprehensive',
            },
            event.policy,
          ).map((f) => ({ ...f, message: `职位${p.code}：${f.message}` })),
        );
        if (problems.length)
          throw new AppError('POSITION.INVALID', {
            message: `简章中有职位不符合要求：${problems.map((p) => p.message).join('；')}`,
            details: { fields: problems },
          });
        await move(tx, eventId, unitId, 'submitted', ctx);
      });
    },

    /** org_admin approves a submitted brochure (recording the policy version it was checked against). */
    async approve(eventId: string, unitId: string, ctx: ChangeContext): Promise<void> {
      await db.transaction(async (tx) => {
        const event = await getEvent(tx, eventId);
        assertEventStatus(event.status, ['collecting', 'published'], '审核简章');
        // The decision records the policy version the brochure was checked against.
        await move(tx, eventId, unitId, 'approved', ctx, null, {
          policyVersion: event.policyVersion,
        });
      });
    },

    /** org_admin returns a brochure to its unit with comments; its positions become editable again. */
    async returnToUnit(
      eventId: string,
      unitId: string,
      comment: string,
      ctx: ChangeContext,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const event = await getEvent(tx, eventId);
        assertEventStatus(event.status, ['collecting', 'published'], '退回简章');
        await move(tx, eventId, unitId, 'returned', ctx, comment);
      });
    },

    /** Publishes every approved brochure; the first publication also moves the event to 已发布. */
    async publish(eventId: string, ctx: ChangeContext): Promise<{ published: number }> {
      return db.transaction(async (tx) => {
        const event = await getEvent(tx, eventId);
        assertEventStatus(event.status, ['collecting', 'published', 'registration'], '发布简章');
        const approved = await tx
          .select({ unitId: brochure.unitId })
          .from(brochure)
          .where(and(eq(brochure.eventId, eventId), eq(brochure.status, 'approved')));
        if (approved.length === 0)
          throw new AppError('BROCHURE.INVALID_TRANSITION', {
            message: '没有审核通过的简章可发布',
          });
        // One transaction for every brochure: candidates see the whole publication or none of it.
        for (const { unitId } of approved) await move(tx, eventId, unitId, 'published', ctx);
        // Later publications (approved after a return) only publish their brochures; the event
        // stays 已发布.
        if (event.status === 'collecting') {
          // The event's status belongs to the events module: its service moves and audits it in this transaction.
          await events.transitionIn(tx, eventId, 'published', ctx);
        }
        return { published: approved.length };
      });
    },

    // INT-08: the second round, generated from this event's unfilled positions.
    generateSecondRound: createSecondRound({ db, audit, events, now, getEvent }),
  };
}
