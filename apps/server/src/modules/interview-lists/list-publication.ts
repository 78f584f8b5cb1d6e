import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertEventInScope, findEventById } from '../events';
import { interviewListPosition, interviewListVersion } from './interview-list.table';
import { positionListsOf, type PositionListFigures } from './interview-lists.queries';
import { findEntriesOfPositions } from './list-views.repository';

/** One position of a kept version (NFR-HIS-1): its figures and who was listed at that moment. */
export type VersionPosition = Pick<
  PositionListFigures,
  | 'positionId'
  | 'unitId'
  | 'unitParentId'
  | 'positionCode'
  | 'positionTitle'
  | 'unitName'
  | 'headcount'
  | 'ratioCenti'
  | 'quota'
  | 'passLineCenti'
  | 'lineCenti'
  | 'tiedBeyondQuota'
  | 'listed'
  | 'shortfall'
  | 'version'
> & { listedCandidateIds: string[] };

/**
 * Keeps the event's published lists as they stand now (NFR-HIS-1): every published position with
 * its figures and listed candidate ids, so a later change never rewrites what was made public.
 */
export async function recordVersion(
  tx: DbOrTx,
  eventId: string,
  action: 'published' | 'physical_test',
  createdBy: string,
): Promise<string> {
  // The whole public state, not only what changed: each version reads on its own.
  const published = (await positionListsOf(tx, eventId)).filter((p) => p.status === 'published');
  const listed = await findEntriesOfPositions(
    tx,
    published.map((p) => p.positionId),
    'listed',
  );
  const byPosition = new Map<string, string[]>();
  for (const e of listed) {
    const ids = byPosition.get(e.positionId) ?? [];
    ids.push(e.candidateId);
    byPosition.set(e.positionId, ids);
  }
  const positions: VersionPosition[] = published
    .sort((a, b) => a.positionCode.localeCompare(b.positionCode))
    .map((p) => ({
      positionId: p.positionId,
      unitId: p.unitId,
      unitParentId: p.unitParentId,
      positionCode: p.positionCode,
      positionTitle: p.positionTitle,
      unitName: p.unitName,
      headcount: p.headcount,
      ratioCenti: p.ratioCenti,
      quota: p.quota,
      passLineCenti: p.passLineCenti,
      lineCenti: p.lineCenti,
      tiedBeyondQuota: p.tiedBeyondQuota,
      listed: p.listed,
      shortfall: p.shortfall,
      version: p.version,
      listedCandidateIds: byPosition.get(p.positionId) ?? [],
    }));
  const [row] = await tx
    .insert(interviewListVersion)
    .values({ eventId, action, positions, createdBy })
    .returning({ id: interviewListVersion.id });
  return row!.id;
}

// Who confirmed or published, as the staff list names him (a job acts as the system).
const usernameOf = (ctx: ChangeContext) =>
  ctx.actor.kind === 'staff' ? ctx.actor.username : ctx.actor.kind;

/**
 * The org department's two steps after computation (INT-02, §7): confirm (draft → confirmed) and
 * publish (confirmed → published, kept as a version). Either acts on every position of the event
 * or on the ones named; a position in the wrong state refuses the whole request.
 */
export function createListPublication(deps: { db: Db; audit: AuditLog; now: () => Date }) {
  const { db, audit, now } = deps;

  /** The targeted rows under the event's lock: the named ones (each must exist) or all. */
  async function targets(tx: DbOrTx, eventId: string, positionIds?: readonly string[]) {
    // The event row lock serialises confirm, publish and compute of one event.
    const event = await findEventById(tx, eventId, true);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    const rows = await positionListsOf(tx, eventId);
    if (rows.length === 0) throw new AppError('INTERVIEW_LIST.NOT_COMPUTED');
    if (!positionIds) return rows;
    const byId = new Map(rows.map((r) => [r.positionId, r]));
    const missing = positionIds.filter((id) => !byId.has(id));
    if (missing.length)
      throw new AppError('INTERVIEW_LIST.POSITION_NOT_FOUND', { details: { missing } });
    return [...new Set(positionIds)].map((id) => byId.get(id)!);
  }

  /** draft → confirmed, audited with from / to in the same transaction. */
  async function confirm(eventId: string, positionIds: string[] | undefined, ctx: ChangeContext) {
    assertEventInScope(ctx.principal, 'interview_list.manage', eventId);
    return db.transaction(async (tx) => {
      const rows = await targets(tx, eventId, positionIds);
      // "Confirm all" takes the drafts; naming a position that is not a draft is an illegal move.
      const drafts = rows.filter((r) => r.status === 'draft');
      if (drafts.length === 0 || (positionIds && drafts.length !== rows.length))
        throw new AppError('INTERVIEW_LIST.INVALID_TRANSITION', {
          message: '只有待确认的面试名单可以确认',
        });
      const ids = drafts.map((r) => r.positionId);
      const at = now();
      await tx
        .update(interviewListPosition)
        .set({ status: 'confirmed', confirmedAt: at, confirmedBy: usernameOf(ctx) })
        .where(
          and(
            eq(interviewListPosition.eventId, eventId),
            inArray(interviewListPosition.positionId, ids),
          ),
        );
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'interview_list.confirmed',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: { from: 'draft', to: 'confirmed', positions: ids.length, all: !positionIds },
      });
      return { positions: ids.length };
    });
  }

  /** confirmed → published, with a kept version and the audit entry in the same transaction. */
  async function publish(eventId: string, positionIds: string[] | undefined, ctx: ChangeContext) {
    assertEventInScope(ctx.principal, 'interview_list.manage', eventId);
    return db.transaction(async (tx) => {
      const rows = await targets(tx, eventId, positionIds);
      // Publishing needs the org's confirmation first: a draft anywhere in the request refuses it.
      if (rows.some((r) => r.status === 'draft'))
        throw new AppError('INTERVIEW_LIST.NOT_CONFIRMED');
      const confirmed = rows.filter((r) => r.status === 'confirmed');
      if (confirmed.length === 0 || (positionIds && confirmed.length !== rows.length))
        throw new AppError('INTERVIEW_LIST.INVALID_TRANSITION', {
          message: '只有已确认的面试名单可以发布',
        });
      const ids = confirmed.map((r) => r.positionId);
      await tx
        .update(interviewListPosition)
        .set({ status: 'published', publishedAt: now(), publishedBy: usernameOf(ctx) })
        .where(
          and(
            eq(interviewListPosition.eventId, eventId),
            inArray(interviewListPosition.positionId, ids),
          ),
        );
      const versionId = await recordVersion(tx, eventId, 'published', usernameOf(ctx));
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'interview_list.published',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: { from: 'confirmed', to: 'published', positions: ids.length, versionId },
      });
      return { positions: ids.length };
    });
  }

  return { confirm, publish };
}
