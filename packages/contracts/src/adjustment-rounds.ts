import { z } from 'zod';
import { pageOf, PageQuerySchema } from './common';

// Adjustment 调剂 after the interview lists (§7, INT-02, INT-07): the public round (org publishes
// short positions, candidates apply, units review) and the unified round run by the org. Named
// adjustment-rounds because adjustments.ts holds the REG-01 whitelist and greylist.

/** An application for an adjustment position moves pending → approved / rejected → placed or not. */
export const AdjustmentApplicationStatusSchema = z.enum([
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'placed',
  'not_placed',
]);
export type AdjustmentApplicationStatus = z.infer<typeof AdjustmentApplicationStatusSchema>;
export const ADJUSTMENT_APPLICATION_STATUS_LABELS: Record<AdjustmentApplicationStatus, string> = {
  pending: '待单位审核',
  approved: '单位已同意',
  rejected: '单位未同意',
  withdrawn: '已撤回',
  placed: '已调剂进入面试',
  not_placed: '未调剂成功',
};

/** The public round is open while candidates may apply; the unified round is proposed, then confirmed. */
export const AdjustmentRoundStatusSchema = z.enum(['open', 'closed']);
export type AdjustmentRoundStatus = z.infer<typeof AdjustmentRoundStatusSchema>;
export const ADJUSTMENT_ROUND_STATUS_LABELS: Record<AdjustmentRoundStatus, string> = {
  open: '公开调剂进行中',
  closed: '公开调剂已结束',
};
export const UnifiedStatusSchema = z.enum(['none', 'proposed', 'confirmed']);
export type UnifiedStatus = z.infer<typeof UnifiedStatusSchema>;
export const UNIFIED_STATUS_LABELS: Record<UnifiedStatus, string> = {
  none: '未开始',
  proposed: '方案待确认',
  confirmed: '已确认',
};

/** The positions the org opens to the public round, each with the places it offers. */
export const PublishAdjustmentPositionsSchema = z.object({
  positions: z
    .array(
      z.object({
        positionId: z.uuid().meta({ title: '职位' }),
        places: z
          .number()
          .int('调剂名额须为整数')
          .min(1, '调剂名额至少为1')
          .max(1000)
          .meta({ title: '调剂名额' }),
      }),
    )
    .max(5000)
    .meta({ title: '调剂职位' }),
});
export type PublishAdjustmentPositions = z.infer<typeof PublishAdjustmentPositionsSchema>;

// Scores travel as exact decimal strings ('70.00'), never as binary floats.
const score = z.string().nullable().meta({ title: '笔试成绩' });

/** A short position as the org sees it: may it be published, and with how many places. */
export const AdjustmentPositionRowSchema = z.object({
  positionId: z.uuid(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  categoryName: z.string(),
  subjectName: z.string(),
  shortfall: z.number().int(),
  acceptsAdjustment: z.boolean(),
  published: z.boolean(),
  places: z.number().int().nullable(),
  pending: z.number().int(),
  approved: z.number().int(),
  placed: z.number().int(),
});
export type AdjustmentPositionRow = z.infer<typeof AdjustmentPositionRowSchema>;

/** The 调剂管理 page's figures: the policy switches, both rounds' states and every short position. */
export const AdjustmentOverviewSchema = z.object({
  enabled: z.boolean(),
  unifiedEnabled: z.boolean(),
  publicStatus: AdjustmentRoundStatusSchema.nullable(),
  unifiedStatus: UnifiedStatusSchema,
  positions: z.array(AdjustmentPositionRowSchema),
});
export type AdjustmentOverview = z.infer<typeof AdjustmentOverviewSchema>;

/** What closing the public round did: placed applicants and positions still short. */
export const ClosePublicRoundResultSchema = z.object({
  placed: z.number().int(),
  notPlaced: z.number().int(),
  stillShort: z.number().int(),
});
export type ClosePublicRoundResult = z.infer<typeof ClosePublicRoundResultSchema>;

/** One published adjustment position as a candidate sees it, open to him or not and why. */
export const CandidateAdjustmentPositionSchema = z.object({
  adjustmentPositionId: z.uuid(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  places: z.number().int(),
  open: z.boolean(),
  reason: z.string().nullable(),
});
/** The candidate's one application with its status and the unit's or the engine's reason. */
export const MyAdjustmentApplicationSchema = z.object({
  id: z.uuid(),
  adjustmentPositionId: z.uuid(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  status: AdjustmentApplicationStatusSchema,
  reason: z.string().nullable(),
  updatedAt: z.string(),
});
export type MyAdjustmentApplication = z.infer<typeof MyAdjustmentApplicationSchema>;
/** One event on 我的调剂: his written total, his application and the positions with reasons. */
export const CandidateAdjustmentEventSchema = z.object({
  eventId: z.uuid(),
  eventName: z.string(),
  publicStatus: AdjustmentRoundStatusSchema,
  writtenTotal: score,
  application: MyAdjustmentApplicationSchema.nullable(),
  positions: z.array(CandidateAdjustmentPositionSchema),
});
export type CandidateAdjustmentEvent = z.infer<typeof CandidateAdjustmentEventSchema>;
/** Every event of the candidate whose adjustment positions are published. */
export const CandidateAdjustmentViewSchema = z.object({
  items: z.array(CandidateAdjustmentEventSchema),
});

/** Apply for (or change to) one adjustment position; only one at a time (§7). */
export const ApplyAdjustmentSchema = z.object({
  eventId: z.uuid().meta({ title: '招录事项' }),
  adjustmentPositionId: z.uuid().meta({ title: '调剂职位' }),
});
/** Withdraws his application of the event while the unit has not approved it. */
export const WithdrawAdjustmentSchema = z.object({ eventId: z.uuid().meta({ title: '招录事项' }) });

/** The unit's decision: a refusal says why, the candidate reads it. */
export const AdjustmentDecisionSchema = z
  .object({
    outcome: z.enum(['approve', 'reject']).meta({ title: '审核结果' }),
    reason: z.string().trim().max(200).optional().meta({ title: '理由' }),
  })
  .refine((d) => d.outcome === 'approve' || (d.reason?.length ?? 0) >= 2, {
    message: '不同意调剂须填写理由',
    path: ['reason'],
  });
export type AdjustmentDecision = z.infer<typeof AdjustmentDecisionSchema>;

/** The unit's queue: paged, optionally one event or one status. */
export const AdjustmentReviewQuerySchema = PageQuerySchema.extend({
  eventId: z.uuid().optional().meta({ title: '招录事项' }),
  status: AdjustmentApplicationStatusSchema.optional().meta({ title: '状态' }),
});
/** A queue row: ticket number and masked name, never an ID number (NFR-SEC-3). */
export const AdjustmentReviewItemSchema = z.object({
  id: z.uuid(),
  eventName: z.string(),
  positionCode: z.string(),
  positionTitle: z.string(),
  ticketNumber: z.string().nullable(),
  nameMasked: z.string(),
  writtenTotal: score,
  status: AdjustmentApplicationStatusSchema,
  reason: z.string().nullable(),
  updatedAt: z.string(),
});
export type AdjustmentReviewItem = z.infer<typeof AdjustmentReviewItemSchema>;
export const AdjustmentReviewListSchema = pageOf(AdjustmentReviewItemSchema);

/** One candidate of the unified proposal: where the engine (or the org) put him, and why. */
export const UnifiedProposalRowSchema = z.object({
  candidateId: z.uuid(),
  ticketNumber: z.string().nullable(),
  nameMasked: z.string(),
  categoryName: z.string(),
  subjectName: z.string(),
  writtenTotal: score,
  positionId: z.uuid().nullable(),
  positionCode: z.string().nullable(),
  positionTitle: z.string().nullable(),
  source: z.enum(['engine', 'manual']),
  reasons: z.array(z.string()),
});
export type UnifiedProposalRow = z.infer<typeof UnifiedProposalRowSchema>;
/** A position the unified round may fill: its shortfall beside how many the proposal puts there. */
export const UnifiedPositionRowSchema = z.object({
  positionId: z.uuid(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  shortfall: z.number().int(),
  proposed: z.number().int(),
});
/** The unified proposal as the org reviews and edits it. */
export const UnifiedProposalSchema = z.object({
  status: UnifiedStatusSchema,
  positions: z.array(UnifiedPositionRowSchema),
  candidates: z.array(UnifiedProposalRowSchema),
});
export type UnifiedProposal = z.infer<typeof UnifiedProposalSchema>;
/** Addresses one candidate's row of an event's proposal. */
export const UnifiedPlacementParamsSchema = z.object({
  id: z.uuid().meta({ title: '招录事项' }),
  candidateId: z.uuid().meta({ title: '考生' }),
});
/** Moves (or adds) the candidate's placement to a short position. */
export const MoveUnifiedPlacementSchema = z.object({
  positionId: z.uuid().meta({ title: '职位' }),
});
/** How many entered the lists and how many were told (one SMS each). */
export const ConfirmUnifiedResultSchema = z.object({
  placed: z.number().int(),
  notified: z.number().int(),
});
/** The proposal (for review) or the results of both rounds (for the record). */
export const AdjustmentExportQuerySchema = z.object({
  kind: z.enum(['proposal', 'results']).meta({ title: '导出内容' }),
});
