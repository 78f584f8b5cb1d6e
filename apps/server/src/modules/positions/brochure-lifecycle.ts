import { BROCHURE_STATUS_LABELS, type BrochureStatus } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';

/** Brochure workflow (INT-02/INT-08): 填报 → 上报 → 审核通过 / 退回 (→ 再上报) → 发布. */
export const BROCHURE_TRANSITIONS: Record<BrochureStatus, readonly BrochureStatus[]> = {
  filling: ['submitted'],
  returned: ['submitted'],
  submitted: ['approved', 'returned'],
  // An approved brochure can still be returned before publication; once published it is final.
  approved: ['published', 'returned'],
  published: [],
};

/** Throws BROCHURE.INVALID_TRANSITION in Chinese unless `from → to` is in the table. */
export function assertBrochureTransition(from: BrochureStatus, to: BrochureStatus): void {
  if (BROCHURE_TRANSITIONS[from].includes(to)) return;
  throw new AppError('BROCHURE.INVALID_TRANSITION', {
    message: `简章不能从「${BROCHURE_STATUS_LABELS[from]}」变为「${BROCHURE_STATUS_LABELS[to]}」`,
    details: { from, to },
  });
}

/** Positions may be edited only while their unit's brochure is being filled or was returned. */
export function assertBrochureEditable(status: BrochureStatus): void {
  if (status === 'filling' || status === 'returned') return;
  throw new AppError('POSITION.LOCKED', {
    message: `简章${BROCHURE_STATUS_LABELS[status]}，不能修改职位；如需修改请联系市委组织部退回`,
  });
}
