import { STAGE_LABELS, type StageKey } from '@kaolu/contracts';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertEventStatus } from './event-lifecycle';
import { updateEventRow, type EventRecord } from './events.repository';

/**
 * REG-01: changes a stage's deadline at any time before the event closes. The new value is in the
 * database when this returns, and every instance reads the schedule from there on each request.
 */
export function createDeadlineChange(deps: {
  db: Db;
  audit: AuditLog;
  now: () => Date;
  /** The service's locked event read (FOR UPDATE with lock = true). */
  getEvent: (tx: DbOrTx, id: string, lock?: boolean) => Promise<EventRecord>;
}) {
  const { db, audit, now, getEvent } = deps;
  return async function changeDeadline(
    id: string,
    stage: StageKey,
    endsAt: string,
    reason: string,
    ctx: ChangeContext,
  ): Promise<EventRecord> {
    return db.transaction(async (tx) => {
      const event = await getEvent(tx, id, true);
      assertEventStatus(
        event.status,
        ['draft', 'collecting', 'published', 'registration', 'in_progress'],
        '调整截止时间',
      );
      // Only an existing window can be moved; adding a stage is a schedule edit, not an emergency
      // change.
      const window = event.schedule.find((w) => w.stage === stage);
      if (!window)
        throw new AppError('EVENT.STAGE_CLOSED', {
          message: `「${STAGE_LABELS[stage]}」尚未安排时间，请先在日程中设置`,
          details: { stage },
        });
      // A deadline before the start would leave an empty window: refused instead of closing the
      // stage silently.
      if (Date.parse(endsAt) <= Date.parse(window.startsAt)) {
        throw new AppError('COMMON.VALIDATION_FAILED', {
          message: '新截止时间必须晚于该阶段的开始时间',
          details: { stage, startsAt: window.startsAt },
        });
      }
      const schedule = event.schedule.map((w) => (w.stage === stage ? { ...w, endsAt } : w));
      const updated = await updateEventRow(tx, id, { schedule }, now());
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'deadline.changed',
        targetType: 'recruitment_event',
        targetId: id,
        result: 'success',
        details: { stage, from: window.endsAt, to: endsAt, reason },
      });
      return updated;
    });
  };
}
