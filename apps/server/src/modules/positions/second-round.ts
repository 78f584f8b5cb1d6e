import type { CreateEvent } from '@kaolu/contracts';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertEventStatus, type EventRecord, type EventsService } from '../events';
import { brochure, position } from './position.table';

/**
 * INT-08: a second-round event whose brochure holds the first round's unfilled positions
 * (headcount − hired), one brochure per unit created directly as 已上报.
 */
export function createSecondRound(deps: {
  db: Db;
  audit: AuditLog;
  events: EventsService;
  now: () => Date;
  /** The brochure workflow's event read: locks the source event for this transaction. */
  getEvent: (tx: DbOrTx, id: string) => Promise<EventRecord>;
}) {
  const { db, audit, events, now, getEvent } = deps;
  return async function generateSecondRound(
    sourceId: string,
    input: Omit<CreateEvent, 'type' | 'schedule'>,
    ctx: ChangeContext,
  ) {
    return db.transaction(async (tx) => {
      const source = await getEvent(tx, sourceId);
      assertEventStatus(
        source.status,
        ['published', 'registration', 'in_progress', 'closed'],
        '生成第二轮简章',
      );
      // Unfilled = published positions with headcount above hires; positions never published are
      // not carried.
      const open = await tx
        .select()
        .from(position)
        .where(
          and(
            eq(position.eventId, sourceId),
            eq(position.status, 'published'),
            gt(position.headcount, position.hired),
          ),
        )
        .orderBy(asc(position.code));
      if (open.length === 0)
        throw new AppError('BROCHURE.EMPTY', {
          message: '第一轮职位均已招满，无需生成第二轮简章',
        });
      const event = await events.createCollecting(
        { ...input, type: 'second_round', schedule: [], sourceEventId: sourceId },
        ctx,
        tx,
      );
      for (const p of open) {
        const {
          id: _id,
          createdAt: _c,
          updatedAt: _u,
          educationRank: _e,
          residence: _r,
          majorText: _m,
          ...copy
        } = p;
        await tx.insert(position).values({
          ...copy,
          eventId: event.id,
          // The new headcount is the vacancy; hires start again at zero in the second round.
          headcount: p.headcount - p.hired,
          hired: 0,
          status: 'submitted',
          sourcePositionId: p.id,
        });
      }
      const unitIds = [...new Set(open.map((p) => p.unitId))];
      // Created as 已上报: the positions were approved once already, org_admin reviews them again as
      // a whole.
      await tx.insert(brochure).values(
        unitIds.map((unitId) => ({
          eventId: event.id,
          unitId,
          status: 'submitted',
          submittedAt: now(),
          comment: '由第一轮未招满职位生成',
        })),
      );
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'second_round.generated',
        targetType: 'recruitment_event',
        targetId: event.id,
        result: 'success',
        details: {
          sourceEventId: sourceId,
          positions: open.length,
          units: unitIds.length,
          vacancies: open.reduce((n, p) => n + p.headcount - p.hired, 0),
        },
      });
      return { event, positions: open.length };
    });
  };
}
