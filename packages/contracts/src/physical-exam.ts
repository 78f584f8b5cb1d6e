import { z } from 'zod';

// Physical exam 体检 and re-check 复检 (§7, REG-04, HOS-01, INT-09g): what the org's page, the
// hospital portal and the candidate portal exchange with the server. Names are always masked.

/** The conclusion of an exam or of one of its items. */
export const PhysicalExamResultSchema = z.enum(['qualified', 'unqualified']);
export type PhysicalExamResult = z.infer<typeof PhysicalExamResultSchema>;
export const PHYSICAL_EXAM_RESULT_LABELS: Record<PhysicalExamResult, string> = {
  qualified: '合格',
  unqualified: '不合格',
};
/** The first exam, or the re-check a candidate asked for after 不合格 (§7: once, final). */
export const PhysicalExamRoundSchema = z.enum(['initial', 'recheck']);
export type PhysicalExamRound = z.infer<typeof PhysicalExamRoundSchema>;
export const PHYSICAL_EXAM_ROUND_LABELS: Record<PhysicalExamRound, string> = {
  initial: '体检',
  recheck: '复检',
};
/** A candidate may ask for a re-check this many days after his 不合格 result (§7). */
export const RECHECK_WINDOW_DAYS = 7;

/** One examined item (内科, 外科, 血压 …) with its own conclusion and remark. */
export const PhysicalExamItemSchema = z.object({
  name: z.string().trim().min(1).max(40).meta({ title: '项目' }),
  outcome: PhysicalExamResultSchema.meta({ title: '项目结论' }),
  remark: z.string().trim().max(200).default('').meta({ title: '项目说明' }),
});
export type PhysicalExamItem = z.infer<typeof PhysicalExamItemSchema>;

/** A result as a hospital records it: the conclusion, the items and remarks. */
export const PhysicalExamResultInputSchema = z.object({
  result: PhysicalExamResultSchema.meta({ title: '体检结论' }),
  items: z.array(PhysicalExamItemSchema).max(50).default([]).meta({ title: '体检项目' }),
  remarks: z.string().trim().max(500).default('').meta({ title: '备注' }),
});
export type PhysicalExamResultInput = z.input<typeof PhysicalExamResultInputSchema>;
/** A change to a recorded result (INT-09g): the new result and why. */
export const PhysicalExamChangeInputSchema = PhysicalExamResultInputSchema.extend({
  reason: z.string().trim().min(2).max(500).meta({ title: '变更原因' }),
});
export type PhysicalExamChangeInput = z.input<typeof PhysicalExamChangeInputSchema>;

/** A recorded result as every view shows it. */
export const PhysicalExamOutcomeSchema = z.object({
  result: PhysicalExamResultSchema,
  items: z.array(PhysicalExamItemSchema),
  remarks: z.string(),
});

/** One round (exam or re-check) of a candidate: where, when and, once recorded, the result. */
export const PhysicalExamRoundViewSchema = z.object({
  round: PhysicalExamRoundSchema,
  hospitalName: z.string(),
  examAt: z.iso.datetime(),
  place: z.string(),
  outcome: PhysicalExamOutcomeSchema.nullable(),
  resultAt: z.iso.datetime().nullable(),
});
export type PhysicalExamRoundView = z.infer<typeof PhysicalExamRoundViewSchema>;

/** A candidate of the event's physical-exam list, as the org sees him. */
export const PhysicalExamEntrySchema = z.object({
  id: z.uuid(),
  ticketNumber: z.string(),
  candidateNameMasked: z.string(),
  positionName: z.string(),
  unitName: z.string(),
  rank: z.number().int().nullable(),
  initial: PhysicalExamRoundViewSchema.nullable(),
  recheck: PhysicalExamRoundViewSchema.nullable(),
  recheckRequestedAt: z.iso.datetime().nullable(),
});
export type PhysicalExamEntry = z.infer<typeof PhysicalExamEntrySchema>;

/** The org's page: whether the composite is published, the list built, and its candidates. */
export const PhysicalExamBoardSchema = z.object({
  compositePublished: z.boolean(),
  published: z.number().int(),
  items: z.array(PhysicalExamEntrySchema),
});
export type PhysicalExamBoard = z.infer<typeof PhysicalExamBoardSchema>;
export const PhysicalExamBuildResultSchema = z.object({
  added: z.number().int(),
  total: z.number().int(),
});

/** Assigning candidates to a hospital for an exam or a re-check (体检通知 / 复检通知). */
export const PhysicalExamAssignSchema = z.object({
  entryIds: z.array(z.uuid()).min(1).max(500).meta({ title: '考生' }),
  round: PhysicalExamRoundSchema.meta({ title: '类别' }),
  hospitalId: z.uuid().meta({ title: '体检医院' }),
  examAt: z.iso.datetime({ offset: true }).meta({ title: '体检时间' }),
  place: z.string().trim().min(2).max(200).meta({ title: '体检地点' }),
});
export type PhysicalExamAssign = z.input<typeof PhysicalExamAssignSchema>;
export const PhysicalExamHospitalListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

/** Where a hospital's submission stands in the exchange store 中间库 (INT-09g). */
export const ExchangeStatusSchema = z.enum(['new', 'pending', 'recorded', 'approved', 'rejected']);
export type ExchangeStatus = z.infer<typeof ExchangeStatusSchema>;
export const EXCHANGE_STATUS_LABELS: Record<ExchangeStatus, string> = {
  new: '待同步',
  pending: '待审批',
  recorded: '已录入',
  approved: '已批准',
  rejected: '未通过',
};
export const CHANGE_STATUS_LABELS = { pending: '待审批', approved: '已批准', rejected: '已驳回' };

/** A change request on the management side, for the org's approval. */
export const PhysicalExamChangeSchema = z.object({
  id: z.uuid(),
  ticketNumber: z.string(),
  candidateNameMasked: z.string(),
  hospitalName: z.string(),
  round: PhysicalExamRoundSchema,
  from: PhysicalExamOutcomeSchema.nullable(),
  to: PhysicalExamOutcomeSchema,
  reason: z.string(),
  requestedAt: z.iso.datetime(),
  requestedBy: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedAt: z.iso.datetime().nullable(),
  decidedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type PhysicalExamChange = z.infer<typeof PhysicalExamChangeSchema>;
export const PhysicalExamChangeListSchema = z.object({ items: z.array(PhysicalExamChangeSchema) });
export const ChangeDecisionSchema = z.object({
  approve: z.boolean().meta({ title: '审批结论' }),
  note: z.string().trim().max(500).default('').meta({ title: '审批意见' }),
});
export const ExchangeSyncResultSchema = z.object({ jobId: z.uuid() });

/** What a hospital sees of a candidate assigned to it (from the exchange store only). */
export const HospitalOrderSchema = z.object({
  id: z.uuid(),
  round: PhysicalExamRoundSchema,
  eventName: z.string(),
  ticketNumber: z.string(),
  candidateNameMasked: z.string(),
  positionName: z.string(),
  unitName: z.string(),
  examAt: z.iso.datetime(),
  place: z.string(),
  outcome: PhysicalExamOutcomeSchema.nullable(),
  resultAt: z.iso.datetime().nullable(),
  // An open submission waits for the job or the org: no second one meanwhile.
  openSubmission: z.enum(['result', 'change']).nullable(),
});
export type HospitalOrder = z.infer<typeof HospitalOrderSchema>;
export const HospitalOrderListSchema = z.object({ items: z.array(HospitalOrderSchema) });

/** A hospital's submission (first result or change request) and the decision on it. */
export const HospitalSubmissionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['result', 'change']),
  ticketNumber: z.string(),
  candidateNameMasked: z.string(),
  round: PhysicalExamRoundSchema,
  outcome: PhysicalExamOutcomeSchema,
  reason: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  status: ExchangeStatusSchema,
  note: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
});
export type HospitalSubmission = z.infer<typeof HospitalSubmissionSchema>;
export const HospitalSubmissionListSchema = z.object({ items: z.array(HospitalSubmissionSchema) });

/** The candidate's own physical exams, with whether he may still ask for a re-check. */
export const CandidatePhysicalExamSchema = z.object({
  id: z.uuid(),
  eventName: z.string(),
  positionName: z.string(),
  initial: PhysicalExamRoundViewSchema.nullable(),
  recheck: PhysicalExamRoundViewSchema.nullable(),
  recheckRequestedAt: z.iso.datetime().nullable(),
  // The last moment a re-check may be asked for; null unless the first result is 不合格.
  recheckDeadline: z.iso.datetime().nullable(),
});
export type CandidatePhysicalExam = z.infer<typeof CandidatePhysicalExamSchema>;
export const CandidatePhysicalExamListSchema = z.object({
  items: z.array(CandidatePhysicalExamSchema),
});
