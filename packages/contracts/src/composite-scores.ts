import { z } from 'zod';
import { pageOf } from './common';

// Interview scores and composite scores 面试成绩与综合成绩 (INT-07, IVW-08, §7): what the admin page,
// the unit's view and the candidate see. Scores travel as two-decimal strings ("80.25"), never floats.

/** The ranking tie order, stated once for the pages and the explanations (§7). */
export const COMPOSITE_TIE_ORDER =
  '综合成绩从高到低；综合成绩相同的，面试成绩高者在前；再相同的，笔试成绩高者在前';
/** Who enters the physical-exam list 体检名单, stated once for the pages and the explanations. */
export const PHYSICAL_EXAM_RULE =
  '面试成绩达到合格分数线的考生按职位排名，名次在招录人数以内的进入体检；末位综合成绩、面试成绩、笔试成绩均相同的一并进入';
/** How a category without 专业分 is weighted (INT-07), stated once for the pages. */
export const NO_PROFESSIONAL_RULE =
  '不设专业分的考试类别，专业分权重并入结构化面试：综合成绩 = 笔试 × 笔试权重 + 结构化面试 × （结构化面试权重 + 专业分权重）';

/** The state of an event's composite scores: not computed, computed (version n), published. */
export const CompositeRunSchema = z.object({
  version: z.number().int().meta({ title: '版本' }),
  computedAt: z.string().meta({ title: '计算时间' }),
  computedBy: z.string().meta({ title: '计算人' }),
  // Interview scores changed after the computation: publish needs a new computation first.
  stale: z.boolean().meta({ title: '需重新计算' }),
  publishedAt: z.string().nullable().meta({ title: '公布时间' }),
});
export type CompositeRun = z.infer<typeof CompositeRunSchema>;

/** The admin page's header: policy figures, counts and the run state of one event. */
export const CompositeSummarySchema = z.object({
  weights: z.object({ written: z.number(), interview: z.number(), professional: z.number() }),
  passMark: z.string().meta({ title: '面试合格分数线' }),
  listed: z.number().int().meta({ title: '进入面试人数' }),
  scored: z.number().int().meta({ title: '已有面试成绩人数' }),
  passed: z.number().int().meta({ title: '面试合格人数' }),
  physicalExam: z.number().int().meta({ title: '进入体检人数' }),
  run: CompositeRunSchema.nullable(),
});
export type CompositeSummary = z.infer<typeof CompositeSummarySchema>;

/** One position's figures on the admin page (paged, unit users see their units' positions). */
export const CompositePositionSchema = z.object({
  positionId: z.uuid(),
  positionCode: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  examCategoryName: z.string(),
  professionalScore: z.boolean().meta({ title: '设专业分' }),
  headcount: z.number().int(),
  listed: z.number().int(),
  scored: z.number().int(),
  passed: z.number().int(),
  physicalExam: z.number().int(),
});
export type CompositePosition = z.infer<typeof CompositePositionSchema>;
export const CompositePositionPageSchema = pageOf(CompositePositionSchema);

/** One listed candidate of a position: ticket number and masked name, scores, rank, explanation. */
export const CompositeRowSchema = z.object({
  ticketNumber: z.string(),
  candidateName: z.string().meta({ title: '姓名（脱敏）' }),
  written: z.string().nullable(),
  structured: z.string().nullable(),
  professional: z.string().nullable(),
  absent: z.boolean().meta({ title: '面试缺考' }),
  composite: z.string().nullable(),
  passed: z.boolean().nullable().meta({ title: '面试合格' }),
  rank: z.number().int().nullable(),
  physicalExam: z.boolean().meta({ title: '进入体检' }),
  explanation: z.string().nullable(),
});
export type CompositeRow = z.infer<typeof CompositeRowSchema>;
export const CompositePositionDetailSchema = z.object({
  position: CompositePositionSchema,
  rows: z.array(CompositeRowSchema),
});
export type CompositePositionDetail = z.infer<typeof CompositePositionDetailSchema>;

/** The outcome of an import (all rows written) or of the interview system's hand-over. */
export const InterviewScoreImportResultSchema = z.object({ imported: z.number().int() });
export const CompositeComputeResultSchema = z.object({
  version: z.number().int(),
  candidates: z.number().int(),
  passed: z.number().int(),
  physicalExam: z.number().int(),
});
export type CompositeComputeResult = z.infer<typeof CompositeComputeResultSchema>;

/** One entry of the history: each computation and publication is kept (NFR-HIS-1). */
export const CompositeVersionSchema = z.object({
  version: z.number().int(),
  action: z.enum(['computed', 'published']),
  candidates: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const CompositeVersionListSchema = z.object({ items: z.array(CompositeVersionSchema) });
export const COMPOSITE_ACTION_LABELS = { computed: '计算', published: '公布' } as const;

/** What a candidate sees once the composite is published: every figure with its explanation. */
export const CandidateCompositeSchema = z.object({
  eventName: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  ticketNumber: z.string(),
  written: z.string().nullable(),
  structured: z.string().nullable(),
  professional: z.string().nullable(),
  absent: z.boolean(),
  composite: z.string().nullable(),
  passed: z.boolean(),
  rank: z.number().int().nullable(),
  headcount: z.number().int(),
  physicalExam: z.boolean(),
  explanation: z.string(),
  publishedAt: z.string(),
});
export type CandidateComposite = z.infer<typeof CandidateCompositeSchema>;
export const CandidateCompositeListSchema = z.object({ items: z.array(CandidateCompositeSchema) });
