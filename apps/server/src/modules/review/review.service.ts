import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { EducationRecords } from '../data-exchange';
import type { MessagesService } from '../messages';
import type { ScoresService } from '../scores';
import { createReviewDecision } from './review-decision';
import { createReviewDetail } from './review-detail';
import { createReviewEducation } from './review-education';
import { createReviewQueue } from './review-queue';
import { createReviewScope } from './review-scope';

export type ReviewService = ReturnType<typeof createReviewService>;

/**
 * Unit review 资格审查 (§7, INT-05, INT-09e): scoped queue with SLA, detail, education check,
 * outcomes; one group of use cases per file (NFR-MNT-1), composed here.
 */
export function createReviewService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  messages: MessagesService;
  scores: ScoresService;
  education: EducationRecords;
  now: () => Date;
}) {
  const context = deps;
  const scope = createReviewScope(context);
  const { queue } = createReviewQueue(context, scope);
  const { detail, downloadAttachment } = createReviewDetail(context, scope);
  const { checkEducation } = createReviewEducation(context, scope);
  const { decide, bulkApprove } = createReviewDecision(context, scope, detail);
  return { queue, detail, downloadAttachment, checkEducation, decide, bulkApprove };
}
