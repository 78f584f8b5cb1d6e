import { checkCandidateForAdjustment, checkPositionForAdjustment } from '@kaolu/domain';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { DataExchange } from '../data-exchange';
import { findEventById, type EventRecord } from '../events';
import type { InterviewListsService } from '../interview-lists';
import type { MessagesService } from '../messages';
import type { EngineInputs } from './adjustment-inputs';

/** What every adjustment use case is built from. */
/** The interview-lists service places candidates; messages queues each notice and SMS in the transaction. */
export type AdjustmentContext = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  exchange: DataExchange;
  lists: InterviewListsService;
  messages: MessagesService;
  now: () => Date;
};

/** The event, or EVENT.NOT_FOUND; adjustment must be enabled by its policy (§7). */
export async function loadAdjustableEvent(db: Db, eventId: string): Promise<EventRecord> {
  const event = await findEventById(db, eventId);
  if (!event) throw new AppError('EVENT.NOT_FOUND');
  if (!event.policy.adjustment.enabled) throw new AppError('ADJUSTMENT.DISABLED');
  return event;
}

/**
 * Why a candidate may not go to a position, or null (§7, INT-02, INT-07): first the candidate's
 * own rules (pass line, not on a first list), then the position's (category, subject, whitelist,
 * police and abroad, conditions) — all the domain engine's, in its order.
 */
export function whyNot(inputs: EngineInputs, candidateId: string, positionId: string) {
  const c = inputs.candidates.get(candidateId);
  if (!c) return '没有有效的笔试总成绩，不能参加调剂';
  if (inputs.adjusted.has(candidateId)) return '已通过调剂进入面试名单';
  const p = inputs.positions.get(positionId);
  if (!p) return '该职位不在本次招录中';
  return (
    checkCandidateForAdjustment(c, inputs.policy) ??
    checkPositionForAdjustment(c, { ...p.domain, shortfall: 0 }, inputs.policy, inputs.conditions)
  );
}
