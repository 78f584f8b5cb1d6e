import { z } from 'zod';
import { pageOf } from './common';

/** Written-exam subjects 笔试科目 (ONL-02): 行测, 申论 and, where the category has one, the professional subject. */
export const WrittenSubjectSchema = z.enum(['xingce', 'shenlun', 'professional']);
export type WrittenSubject = z.infer<typeof WrittenSubjectSchema>;
export const WRITTEN_SUBJECT_LABELS: Record<WrittenSubject, string> = {
  xingce: '行政职业能力测验',
  shenlun: '申论',
  professional: '专业科目/专业能力测试',
};

/** A decimal score typed as text, at most two decimals, 0–100 (exact decimals, never binary floats). */
export const ScoreTextSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, '分数应为0至100之间的数，最多两位小数')
  .refine((v) => Number(v) <= 100, '分数不能超过100');

/** The exam institute's Excel upload (base64); `background` runs it as a job with progress. */
export const ScoreImportSchema = z.object({
  fileBase64: z.string().min(1).max(30_000_000).meta({ title: '文件' }),
  background: z.boolean().optional().meta({ title: '后台导入' }),
});
/** Rows imported at once, or the id of the job when the import runs in the background. */
export const ScoreImportResultSchema = z.object({
  imported: z.number().int(),
  jobId: z.uuid().optional(),
});

/** One pass line 合格线: per exam category, and per major type for 司法医护 (INT-03); '' = the whole category. */
export const PassLineSchema = z.object({
  examCategory: z.string().trim().min(1).max(20).meta({ title: '考试类别' }),
  majorType: z.string().trim().max(40).default('').meta({ title: '专业类别' }),
  line: ScoreTextSchema.meta({ title: '合格线' }),
});
export type PassLine = z.infer<typeof PassLineSchema>;
/** Setting an event's pass lines: each one added or replaced by category and major type. */
export const SetPassLinesSchema = z.object({
  lines: z.array(PassLineSchema).min(1, '至少设置一条合格线').max(100),
  reason: z.string().trim().max(500).optional().meta({ title: '说明' }),
});
export const PassLineListSchema = z.object({
  items: z.array(PassLineSchema),
  publishedAt: z.string().nullable(),
});

/**
 * One subject's score as text (exact decimals); null with `absent` when the candidate missed it.
 */
export const SubjectScoreSchema = z.object({
  subject: WrittenSubjectSchema,
  name: z.string(),
  score: z.string().nullable(),
  absent: z.boolean(),
});

/** What a candidate sees once scores are published: each subject, the total, the line and the verdict. */
export const CandidateScoreSchema = z.object({
  eventId: z.uuid(),
  eventName: z.string(),
  examCategory: z.string(),
  examCategoryName: z.string(),
  majorType: z.string().nullable(),
  subjects: z.array(SubjectScoreSchema),
  absent: z.boolean(),
  total: z.string().nullable(),
  passLine: z.string().nullable(),
  passed: z.boolean(),
  publishedAt: z.string(),
});
export type CandidateScore = z.infer<typeof CandidateScoreSchema>;
export const CandidateScoreListSchema = z.object({ items: z.array(CandidateScoreSchema) });

/** Staff list of an event's written scores, filtered by exam category. */
export const AdminScoreQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  examCategory: z.string().trim().max(20).optional().meta({ title: '考试类别' }),
});
/** One candidate's scores for the exam institute and org staff; the ID number masked. */
export const AdminScoreSchema = z.object({
  id: z.uuid(),
  candidateName: z.string(),
  idNumberMasked: z.string(),
  ticketNumber: z.string().nullable(),
  examCategory: z.string(),
  majorType: z.string().nullable(),
  subjects: z.array(SubjectScoreSchema),
  absent: z.boolean(),
  total: z.string().nullable(),
});
export const AdminScorePageSchema = pageOf(AdminScoreSchema).extend({
  publishedAt: z.string().nullable(),
});
/** ONL-02: publishing makes the scores visible to candidates; how many and when. */
export const PublishScoresResultSchema = z.object({
  publishedAt: z.string(),
  candidates: z.number().int(),
});
