import { z } from 'zod';
import {
  ApplicationCheckSchema,
  ApplicationStatusSchema,
  ApplicationTimelineSchema,
} from './applications';
import { AttachmentMimeSchema } from './profiles';

/** Review outcomes 审核结果 (§7): 通过 / 不通过 / 退回补充, each with a reason. */
export const ReviewOutcomeSchema = z.enum(['approve', 'reject', 'return']);
export type ReviewOutcome = z.infer<typeof ReviewOutcomeSchema>;
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  approve: '通过',
  reject: '不通过',
  return: '退回补充',
};

/** Reason codes units choose from; the text explains the particular case. */
export const REVIEW_REASON_CODES = {
  conditions_met: '符合职位报考条件',
  education_mismatch: '学历学位不符合要求',
  major_mismatch: '专业不符合要求',
  experience_mismatch: '工作经历不符合要求',
  residence_mismatch: '户籍或居住证不符合要求',
  materials_missing: '材料不全，需补充',
  materials_unclear: '材料不清晰，需重新提供',
  false_information: '填报信息不实',
  other: '其他',
} as const;
export type ReviewReasonCode = keyof typeof REVIEW_REASON_CODES;
// The codes above as an enum: a decision can only name a known reason; the text adds the case.
export const ReviewReasonCodeSchema = z.enum(
  Object.keys(REVIEW_REASON_CODES) as [ReviewReasonCode, ...ReviewReasonCode[]],
);

/** A unit's decision on one application: outcome, reason code and the case's own explanation. */
export const ReviewDecisionSchema = z.object({
  outcome: ReviewOutcomeSchema.meta({ title: '审核结果' }),
  reasonCode: ReviewReasonCodeSchema.meta({ title: '原因' }),
  reasonText: z.string().trim().max(1000).default('').meta({ title: '说明' }),
});
export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;

/**
 * Approving many applications at once; `confirm: true` is required so that a stray request cannot
 * approve a whole page. At most 200 per call.
 */
export const BulkApproveSchema = z.object({
  ids: z.array(z.uuid()).min(1, '请选择要通过的报名').max(200),
  confirm: z.literal(true, { error: '请确认批量通过' }),
});
/**
 * Applications not approved are listed with the reason (outside the reviewer's scope, not pending).
 */
export const BulkApproveResultSchema = z.object({
  approved: z.number().int(),
  skipped: z.array(z.object({ id: z.uuid(), reason: z.string() })),
});

/** SLA marks 时限: waiting past the event policy's warning hours is due, past its overdue hours overdue (24/48 by default). */
export const SlaMarkSchema = z.enum(['ok', 'due', 'overdue']);
export type SlaMark = z.infer<typeof SlaMarkSchema>;
export const SLA_MARK_LABELS: Record<SlaMark, string> = {
  ok: '正常',
  due: '临近超时',
  overdue: '已超时',
};

/** The reviewer's queue: filters by event, status, position, name or code, and SLA mark. */
export const ReviewQueueQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  eventId: z.uuid().optional().meta({ title: '招录事项' }),
  status: ApplicationStatusSchema.optional().meta({ title: '状态' }),
  positionId: z.uuid().optional().meta({ title: '职位' }),
  keyword: z.string().trim().max(50).optional().meta({ title: '姓名或职位代码' }),
  sla: z.enum(['due', 'overdue']).optional().meta({ title: '时限' }),
});
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuerySchema>;

/** One waiting application; the candidate's ID number masked (NFR-SEC-3). */
export const ReviewQueueItemSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  candidateName: z.string(),
  idNumberMasked: z.string(),
  positionId: z.uuid(),
  positionCode: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  status: ApplicationStatusSchema,
  submittedAt: z.string(),
  waitingHours: z.number().int(),
  sla: SlaMarkSchema,
  /** The event policy's thresholds the mark was computed with. */
  slaHours: z.object({ warn: z.number().int(), overdue: z.number().int() }),
});
// Counts per status for the reviewer's whole scope come with each page of the queue.
export const ReviewQueueSchema = z.object({
  items: z.array(ReviewQueueItemSchema),
  total: z.number().int(),
  counts: z.record(ApplicationStatusSchema, z.number().int()),
});

/** The national education record 学信 beside the declaration, field by field (INT-09e). */
export const EducationFieldSchema = z.object({
  field: z.string(),
  label: z.string(),
  declared: z.string(),
  record: z.string(),
  matches: z.boolean(),
});
/** The outcome of the 学信 lookup; `unavailable` means the interface failed, not the candidate. */
export const EducationCheckSchema = z.object({
  id: z.uuid(),
  outcome: z.enum(['match', 'mismatch', 'not_found', 'unavailable']),
  fields: z.array(EducationFieldSchema),
  message: z.string(),
  checkedAt: z.string(),
});
export type EducationCheck = z.infer<typeof EducationCheckSchema>;

/**
 * One submitted material as frozen in the application (INT-05). fileId is null for an entry saved
 * before uploads existed (a name only); size and type come from the stored file.
 */
export const ReviewAttachmentSchema = z.object({
  fileId: z.uuid().nullable(),
  name: z.string(),
  note: z.string(),
  size: z.number().int().nullable(),
  mime: AttachmentMimeSchema.nullable(),
});
export type ReviewAttachment = z.infer<typeof ReviewAttachmentSchema>;
/**
 * Downloading one material of one application: both ids, so access is checked on the application.
 */
export const ReviewAttachmentParamsSchema = z.object({
  id: z.uuid().meta({ title: '报名编号' }),
  fileId: z.uuid().meta({ title: '附件文件' }),
});

/**
 * Everything a reviewer judges by: the profile version frozen with the application, materials,
 * automatic checks, written score and the 学信 comparison (INT-09e), with the history.
 */
export const ReviewDetailSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  status: ApplicationStatusSchema,
  candidate: z.object({
    name: z.string(),
    gender: z.string(),
    birthDate: z.string(),
    idNumberMasked: z.string(),
  }),
  position: z.object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    unitName: z.string(),
    township: z.boolean(),
    basicPolice: z.boolean(),
  }),
  profileVersion: z.number().int(),
  profile: z.record(z.string(), z.unknown()),
  attachments: z.array(ReviewAttachmentSchema),
  checks: z.array(ApplicationCheckSchema),
  policeIntentions: z.array(z.string()).nullable(),
  writtenTotal: z.string().nullable(),
  educationCheck: EducationCheckSchema.nullable(),
  reviewReasonCode: z.string().nullable(),
  reviewReasonText: z.string().nullable(),
  submittedAt: z.string(),
  sla: SlaMarkSchema,
  timeline: z.array(ApplicationTimelineSchema),
});
export type ReviewDetail = z.infer<typeof ReviewDetailSchema>;
