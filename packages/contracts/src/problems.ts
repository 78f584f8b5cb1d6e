import { z } from 'zod';
import { PageQuerySchema, pageOf } from './common';

// The problem center 报名问题处理中心 (ONL-01): cases a candidate files, their status flow, replies
// and history, as both portals and the server read them.

/** The six case types of ONL-01a. */
export const ProblemTypeSchema = z.enum([
  'greylist_appeal',
  'hukou_appeal',
  'residence_appeal',
  'name_change',
  'fee_waiver',
  'technical',
]);
export type ProblemType = z.infer<typeof ProblemTypeSchema>;

// Shown in both portals and in the Excel export: one map, so a label never differs between them.
export const PROBLEM_TYPE_LABELS: Record<ProblemType, string> = {
  greylist_appeal: '灰名单申诉',
  hukou_appeal: '户籍申诉',
  residence_appeal: '居住证积分/有效期申诉',
  name_change: '姓名变更申诉',
  fee_waiver: '笔试费用减免',
  technical: '技术问题咨询',
};

/** ONL-01 status flow: submitted → in review → approved / rejected / more info needed → closed. */
export const ProblemStatusSchema = z.enum([
  'submitted',
  'in_review',
  'more_info_needed',
  'approved',
  'rejected',
  'closed',
]);
export type ProblemStatus = z.infer<typeof ProblemStatusSchema>;

// "more info needed" reads as what the candidate must do: 待补充材料.
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = {
  submitted: '已提交',
  in_review: '处理中',
  more_info_needed: '待补充材料',
  approved: '已通过',
  rejected: '未通过',
  closed: '已关闭',
};

/** Who answers a type: the org department for appeals and waivers, support for technical questions. */
export const ProblemRoleSchema = z.enum(['org_admin', 'support']);
export type ProblemRole = z.infer<typeof ProblemRoleSchema>;
export const PROBLEM_ROLE_LABELS: Record<ProblemRole, string> = {
  org_admin: '市委组织部',
  support: '技术支持',
};

/** What a history line records (留痕): every step, visible to the candidate or internal only. */
export const ProblemEntryKindSchema = z.enum([
  'submitted',
  'status_changed',
  'reply',
  'candidate_answer',
  'internal_note',
  'assigned',
  'withdrawn',
  'effect',
  // ONL-01 SLA: the handlers were reminded that the deadline is near (staff-only line).
  'sla_reminder',
]);
export type ProblemEntryKind = z.infer<typeof ProblemEntryKindSchema>;
// The labels of the history lines, as the timeline of both portals shows them.
export const PROBLEM_ENTRY_KIND_LABELS: Record<ProblemEntryKind, string> = {
  submitted: '提交问题',
  status_changed: '状态变更',
  reply: '答复',
  candidate_answer: '考生补充',
  internal_note: '内部备注',
  assigned: '分配处理人',
  withdrawn: '考生撤回',
  effect: '处理结果生效',
  sla_reminder: '到期提醒',
};

/** Evidence files: PDF/JPG/PNG (type read from the bytes), at most 5 MB each, 5 per submission. */
export const PROBLEM_EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const PROBLEM_EVIDENCE_MAX_FILES = 5;

// Free text is trimmed and bounded: a reply or description fits one SMS-free screen, not a book.
const text = (title: string, max: number) => z.string().trim().min(1).max(max).meta({ title });
const fileIds = z
  .array(z.uuid())
  .max(PROBLEM_EVIDENCE_MAX_FILES)
  .default([])
  .meta({ title: '证明材料' });

/** A new case: the refusal's link prefills type, event and refusal code (ONL-01a). */
export const CreateProblemSchema = z.object({
  type: ProblemTypeSchema.meta({ title: '问题类型' }),
  eventId: z.uuid().optional().meta({ title: '招录事项' }),
  refusalCode: z
    .string()
    .regex(/^[A-Z_]+\.[A-Z_]+$/)
    .optional()
    .meta({ title: '拒绝原因代码' }),
  title: text('标题', 100),
  body: text('问题描述', 2000),
  /** Only for a name change: the name the candidate asks to be registered under. */
  requestedName: z
    .string()
    .trim()
    .regex(/^[\u4e00-\u9fa5·]{2,20}$/, '姓名应为2到20个汉字')
    .optional()
    .meta({ title: '变更后姓名' }),
  fileIds,
});
export type CreateProblem = z.infer<typeof CreateProblemSchema>;

/** The candidate's answer to a request for more information (ONL-01). */
export const ProblemAnswerSchema = z.object({ body: text('补充说明', 2000), fileIds });
export type ProblemAnswer = z.infer<typeof ProblemAnswerSchema>;

/** An evidence file as listed in a history line: its name, verified type and size. */
export const ProblemFileSchema = z.object({
  fileId: z.uuid(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type ProblemFile = z.infer<typeof ProblemFileSchema>;

/** One history line; internal notes are never sent to the candidate. */
export const ProblemEntrySchema = z.object({
  id: z.uuid(),
  kind: ProblemEntryKindSchema,
  actor: z.enum(['candidate', 'staff', 'system']),
  actorName: z.string().nullable(),
  fromStatus: ProblemStatusSchema.nullable(),
  toStatus: ProblemStatusSchema.nullable(),
  body: z.string().nullable(),
  files: z.array(ProblemFileSchema),
  at: z.iso.datetime(),
});
export type ProblemEntry = z.infer<typeof ProblemEntrySchema>;

// The fields every view of a case shares; the candidate's and the staff's views add to them.
const caseFields = {
  id: z.uuid(),
  caseNumber: z.string(),
  type: ProblemTypeSchema,
  status: ProblemStatusSchema,
  title: z.string(),
  eventId: z.uuid().nullable(),
  eventName: z.string().nullable(),
  refusalCode: z.string().nullable(),
  requestedName: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
};

/** A case as its candidate sees it: his text, the replies and visible history (no internal notes). */
export const CandidateProblemSchema = z.object({
  ...caseFields,
  body: z.string(),
  entries: z.array(ProblemEntrySchema),
  canAnswer: z.boolean(),
  canWithdraw: z.boolean(),
});
export type CandidateProblem = z.infer<typeof CandidateProblemSchema>;

/** A row of the candidate's own list. */
export const CandidateProblemSummarySchema = z.object(caseFields);
export type CandidateProblemSummary = z.infer<typeof CandidateProblemSummarySchema>;

/** A queue row for staff: the candidate's name masked, SLA due time and overdue mark (ONL-01). */
export const StaffProblemSummarySchema = z.object({
  ...caseFields,
  candidateNameMasked: z.string(),
  responsibleRole: ProblemRoleSchema,
  assigneeName: z.string().nullable(),
  dueAt: z.iso.datetime(),
  overdue: z.boolean(),
  firstAnsweredAt: z.iso.datetime().nullable(),
});
export type StaffProblemSummary = z.infer<typeof StaffProblemSummarySchema>;

/** One case for staff, with every history line including internal notes. */
export const StaffProblemSchema = StaffProblemSummarySchema.extend({
  /** Whom the case is about: a permitted handler may open his phone to call him (NFR-SEC-3). */
  candidateId: z.uuid(),
  body: z.string(),
  entries: z.array(ProblemEntrySchema),
  /** The transitions a handler may make from here, so the page offers only those. */
  nextStatuses: z.array(ProblemStatusSchema),
});
export type StaffProblem = z.infer<typeof StaffProblemSchema>;

/** A page of the staff queue (server-side paging: a busy registration week has thousands). */
export const StaffProblemPageSchema = pageOf(StaffProblemSummarySchema);

/** Queue filters: type, status, responsible role, overdue only, and a search by number or title. */
export const ProblemQuerySchema = PageQuerySchema.extend({
  type: ProblemTypeSchema.optional().meta({ title: '问题类型' }),
  status: ProblemStatusSchema.optional().meta({ title: '状态' }),
  role: ProblemRoleSchema.optional().meta({ title: '负责角色' }),
  // Query strings carry booleans as text; only 'true' and 'false' are accepted.
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ title: '仅超期' }),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ title: '仅我负责' }),
  q: z.string().trim().max(50).optional().meta({ title: '编号或标题' }),
});
export type ProblemQuery = z.infer<typeof ProblemQuerySchema>;

/** A staff decision: the new status with the reply the candidate reads (one SMS per reply). */
export const ProblemDecisionSchema = z.object({
  status: ProblemStatusSchema.meta({ title: '新状态' }),
  reply: z.string().trim().max(2000).optional().meta({ title: '答复内容' }),
});
export type ProblemDecision = z.infer<typeof ProblemDecisionSchema>;

/** A reply without a status change: the candidate reads it and gets one SMS (ONL-01g). */
export const ProblemReplySchema = z.object({ body: text('答复内容', 2000) });
/** An internal note: kept in the history, never shown to the candidate, no SMS. */
export const ProblemNoteSchema = z.object({ body: text('内部备注', 2000) });

/** Assigning a case to a handler of its department (ONL-01b). */
export const ProblemAssignSchema = z.object({ assigneeId: z.uuid().meta({ title: '处理人' }) });
/** A staff member a case may be assigned to, by account and display name. */
export const ProblemHandlerSchema = z.object({ id: z.uuid(), name: z.string() });
export type ProblemHandler = z.infer<typeof ProblemHandlerSchema>;

/** Statistics (ONL-01): cases by type and status, time to first answer, overdue count. */
export const ProblemStatsSchema = z.object({
  byType: z.array(z.object({ type: ProblemTypeSchema, count: z.number().int() })),
  byStatus: z.array(z.object({ status: ProblemStatusSchema, count: z.number().int() })),
  answered: z.number().int(),
  averageHoursToAnswer: z.number().nullable(),
  overdue: z.number().int(),
});
export type ProblemStats = z.infer<typeof ProblemStatsSchema>;

/** A case and one of its evidence files: a file is always read through its case. */
export const ProblemFileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });
