import { z } from 'zod';
import { pageOf } from './common';
import { PositionCategorySchema } from './enums';
import {
  EducationLevelSchema,
  PositionConditionsSchema,
  ResidenceRequirementSchema,
} from './position-conditions';
import { PublicPositionQuerySchema, PublicPositionSchema } from './system';

// Positions 职位: what a unit fills, the staff's list, the candidates' search and detail, and the
// hires count per position (INT-08).

/** What a unit fills for one position; format-specific fields go in `details` (INT-02, INT-05). */
export const PositionInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9-]+$/, '只能包含字母、数字和连字符')
    .meta({ title: '职位代码' }),
  title: z.string().trim().min(1).max(100).meta({ title: '职位名称' }),
  category: PositionCategorySchema.meta({ title: '职位类别' }),
  examCategory: z.string().trim().max(20).nullable().optional().meta({ title: '考试类别' }),
  examSubject: z.string().trim().max(20).nullable().optional().meta({ title: '专业科目' }),
  headcount: z.number().int().min(1).max(500).meta({ title: '招录人数' }),
  conditions: PositionConditionsSchema.default({ residence: 'any' }),
  township: z.boolean().default(false).meta({ title: '乡镇职位' }),
  basicPolice: z.boolean().default(false).meta({ title: '基础警察职位' }),
  acceptsAdjustment: z.boolean().default(true).meta({ title: '接受调剂' }),
  interviewRatio: z.number().int().min(1).max(10).nullable().optional().meta({ title: '面试比例' }),
  details: z
    .record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()]))
    .default({})
    .meta({ title: '简章专项字段' }),
});
export type PositionInput = z.infer<typeof PositionInputSchema>;

/** A position's status through the brochure flow: 填报中 → 已上报 → 已审核 → 已发布, or 已撤销. */
export const PositionStatusSchema = z.enum([
  'draft',
  'submitted',
  'approved',
  'published',
  'withdrawn',
]);
export type PositionStatus = z.infer<typeof PositionStatusSchema>;
export const POSITION_STATUS_LABELS: Record<PositionStatus, string> = {
  draft: '填报中',
  submitted: '已上报',
  approved: '已审核',
  published: '已发布',
  withdrawn: '已撤销',
};

/** The staff view of a position, with the hires so far and the format-specific details. */
export const AdminPositionSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  code: z.string(),
  title: z.string(),
  category: PositionCategorySchema,
  examCategory: z.string().nullable(),
  examSubject: z.string().nullable(),
  headcount: z.number().int(),
  hired: z.number().int(),
  conditions: PositionConditionsSchema,
  township: z.boolean(),
  basicPolice: z.boolean(),
  acceptsAdjustment: z.boolean(),
  interviewRatio: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
  status: PositionStatusSchema,
});
export type AdminPosition = z.infer<typeof AdminPositionSchema>;
export const AdminPositionPageSchema = pageOf(AdminPositionSchema);

/** Staff filters of an event's positions: unit, status, keyword. */
export const AdminPositionQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
  unitId: z.uuid().optional().meta({ title: '招录单位' }),
  status: PositionStatusSchema.optional().meta({ title: '状态' }),
  keyword: z.string().trim().max(50).optional().meta({ title: '关键字' }),
});

/** Candidate search: the foundation's filters plus unit, education, major, hukou, headcount and sort. */
export const PositionSearchQuerySchema = PublicPositionQuerySchema.extend({
  unitId: z.uuid().optional().meta({ title: '招录单位' }),
  education: EducationLevelSchema.optional().meta({ title: '学历' }),
  major: z.string().trim().max(40).optional().meta({ title: '专业关键字' }),
  residence: ResidenceRequirementSchema.optional().meta({ title: '户籍要求' }),
  minHeadcount: z.coerce.number().int().min(1).max(500).optional().meta({ title: '最少招录人数' }),
  sort: z.enum(['code', 'headcount', 'unit']).default('code').meta({ title: '排序字段' }),
  order: z.enum(['asc', 'desc']).default('asc').meta({ title: '排序方向' }),
});
export type PositionSearchQuery = z.infer<typeof PositionSearchQuerySchema>;

export const PublicPositionDetailSchema = PublicPositionSchema.extend({
  eventName: z.string(),
  examCategory: z.string().nullable(),
  examSubject: z.string().nullable(),
  township: z.boolean(),
  basicPolice: z.boolean(),
  acceptsAdjustment: z.boolean(),
  interviewRatio: z.number().int(),
  /** Conditions as plain Chinese lines, e.g. { label: '学历', text: '本科及以上' }. */
  conditions: z.array(z.object({ label: z.string(), text: z.string() })),
});
export type PublicPositionDetail = z.infer<typeof PublicPositionDetailSchema>;

/** INT-08 hires per position (until the results stage records them): one position's count, audited. */
export const SetHiredSchema = z.object({
  hired: z
    .number()
    .int('录用人数应为整数')
    .min(0, '录用人数不能为负数')
    .meta({ title: '录用人数' }),
  reason: z.string().trim().max(500).optional().meta({ title: '修改原因' }),
});
export type SetHired = z.infer<typeof SetHiredSchema>;
/** An all-or-nothing hires import: rows read and positions whose count changed. */
export const HireImportResultSchema = z.object({
  rows: z.number().int(),
  changed: z.number().int(),
});
export type HireImportResult = z.infer<typeof HireImportResultSchema>;
