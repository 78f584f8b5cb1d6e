import {
  REVIEW_OUTCOME_LABELS,
  REVIEW_REASON_CODES,
  type ApplicationStatus,
  type ReviewDecision,
  type ReviewDetail,
} from '@kaolu/contracts';
import type { Tx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { scopeOf } from '../../platform/auth/permission-scope';
import {
  findApplicationsInScope,
  transitionApplication,
  type ApplicationRow,
} from '../applications';
import type { ReviewContext } from './review-context';
import type { ReviewScope } from './review-scope';

type Row = ApplicationRow;

// The status each review outcome moves a 待审核 application to (all allowed by the transitions).
const OUTCOME_STATUS: Record<ReviewDecision['outcome'], ApplicationStatus> = {
  approve: 'approved',
  reject: 'rejected',
  return: 'returned',
};

/** The review outcomes 通过 / 不通过 / 退回补充 (§7), one at a time or a confirmed bulk approval. */
export function createReviewDecision(
  deps: ReviewContext,
  scope: Pick<ReviewScope, 'loadInScope'>,
  detail: (principal: Principal | undefined, id: string) => Promise<ReviewDetail>,
) {
  const { db, audit, messages, now } = deps;
  const { loadInScope } = scope;

  /**
   * Applies one outcome in the caller's transaction: guarded move from 待审核 with the reason and
   * reviewer, the candidate's message and SMS (queued in the same transaction, sent after commit),
   * and the audit entry. Answers false, writing nothing, when the application is no longer 待审核.
   */
  async function applyDecision(
    tx: Tx,
    a: Row,
    d: ReviewDecision,
    ctx: ChangeContext,
  ): Promise<boolean> {
    const to = OUTCOME_STATUS[d.outcome];
    const reason = `${REVIEW_REASON_CODES[d.reasonCode]}${d.reasonText ? `：${d.reasonText}` : ''}`;
    const moved = await transitionApplication(
      tx,
      a.id,
      'submitted',
      to,
      {
        kind: `review_${d.outcome}`,
        message: `单位审核${REVIEW_OUTCOME_LABELS[d.outcome]}（${reason}）`,
      },
      {
        reviewReasonCode: d.reasonCode,
        reviewReasonText: d.reasonText,
        reviewedAt: now(),
        updatedAt: now(),
        reviewedBy: ctx.actor.kind === 'staff' ? ctx.actor.username : 'system',
      },
    );
    if (!moved) return false;
    // The message tells the candidate what he may do next: supplement, or apply elsewhere (§7).
    const label = REVIEW_OUTCOME_LABELS[d.outcome];
    const next =
      d.outcome === 'return'
        ? '请按要求补充材料后重新提交。'
        : d.outcome === 'reject'
          ? '您可以报考其他职位，但不能再报考该职位。'
          : '';
    await messages.notify(tx, [a.candidateId], {
      title: `职位报名审核结果：${label}`,
      body: `您的职位报名审核结果为「${label}」（${reason}）。${next}`,
      sms: `【上海公务员考录】您的职位报名审核结果为「${label}」，请登录报名网站查看。`,
      purpose: 'application_reviewed',
      actor: ctx.actor,
    });
    await audit.record(tx, {
      action: 'application.reviewed',
      ...auditBase(ctx),
      targetType: 'position_application',
      targetId: a.id,
      result: 'success',
      details: { from: 'submitted', to, reasonCode: d.reasonCode },
    });
    return true;
  }

  /** 通过 / 不通过 / 退回补充 with a reason; only a 待审核 application can be decided. */
  async function decide(
    principal: Principal | undefined,
    id: string,
    d: ReviewDecision,
    ctx: ChangeContext,
  ) {
    // A refusal or a return must say why in words: the candidate reads it and acts on it.
    if (d.outcome !== 'approve' && d.reasonText.length < 2)
      throw new AppError('COMMON.VALIDATION_FAILED', {
        message: '不通过或退回补充须填写具体说明',
        details: { fields: [{ field: 'reasonText', label: '说明', message: '请填写具体说明' }] },
      });
    const a = await loadInScope(db, principal, id);
    // The status is not checked here but by the guarded update, so two reviewers deciding at once
    // cannot both win: the second gets INVALID_TRANSITION.
    await db.transaction(async (tx) => {
      if (!(await applyDecision(tx, a, d, ctx)))
        throw new AppError('APPLICATION.INVALID_TRANSITION', {
          message: '该报名当前不是待审核状态，不能审核',
        });
    });
    return detail(principal, id);
  }

  /** Bulk 通过 after confirmation: in-scope 待审核 ones are approved in one transaction, others reported. */
  async function bulkApprove(principal: Principal | undefined, ids: string[], ctx: ChangeContext) {
    // Out-of-scope ids are read as absent, like the detail's 404, so the answer discloses nothing.
    const rows = await findApplicationsInScope(db, ids, scopeOf(principal, 'application.review'));
    const found = new Map(rows.map((a) => [a.id, a]));
    const skipped: Array<{ id: string; reason: string }> = [];
    let approved = 0;
    // One transaction: an unexpected error approves none, while a decided or foreign id is only
    // skipped and reported, so one stale line does not block the batch.
    await db.transaction(async (tx) => {
      for (const id of ids) {
        const a = found.get(id);
        if (!a) skipped.push({ id, reason: '报名不存在或不在您的审核范围内' });
        else if (
          !(await applyDecision(
            tx,
            a,
            { outcome: 'approve', reasonCode: 'conditions_met', reasonText: '' },
            ctx,
          ))
        )
          skipped.push({ id, reason: '不是待审核状态' });
        else approved++;
      }
    });
    return { approved, skipped };
  }

  return { decide, bulkApprove };
}
