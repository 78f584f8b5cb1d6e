import { z } from 'zod';
import type { BrochureFormat } from './event-policy';

// Brochures 简章: the columns each format fills and exports, and a unit's brochure through 填报 →
// 上报 → 审核 → 发布 (INT-02, INT-03, INT-05, INT-08).

/** One column of a brochure format: the Excel header, the fill-page label and whether it is required. */
export type BrochureColumn = {
  key: string;
  label: string;
  required: boolean;
  kind: 'text' | 'int' | 'bool' | 'list' | 'enum';
};

const BASE_COLUMNS: BrochureColumn[] = [
  { key: 'code', label: '职位代码', required: true, kind: 'text' },
  { key: 'title', label: '职位名称', required: true, kind: 'text' },
  { key: 'category', label: '职位类别', required: true, kind: 'enum' },
  { key: 'examCategory', label: '考试类别', required: false, kind: 'text' },
  { key: 'examSubject', label: '专业科目', required: false, kind: 'text' },
  { key: 'headcount', label: '招录人数', required: true, kind: 'int' },
  { key: 'minEducation', label: '学历要求', required: false, kind: 'enum' },
  { key: 'minDegree', label: '学位要求', required: false, kind: 'enum' },
  { key: 'majorKeywords', label: '专业要求', required: false, kind: 'list' },
  { key: 'maxAge', label: '最高年龄', required: false, kind: 'int' },
  { key: 'gender', label: '性别要求', required: false, kind: 'enum' },
  { key: 'politicalStatus', label: '政治面貌', required: false, kind: 'list' },
  { key: 'residence', label: '户籍要求', required: false, kind: 'enum' },
  { key: 'minWorkYears', label: '工作年限', required: false, kind: 'int' },
  { key: 'minGrassrootsYears', label: '基层工作年限', required: false, kind: 'int' },
  { key: 'township', label: '乡镇职位', required: false, kind: 'bool' },
  { key: 'basicPolice', label: '基础警察职位', required: false, kind: 'bool' },
  { key: 'acceptsAdjustment', label: '接受调剂', required: false, kind: 'bool' },
  { key: 'interviewRatio', label: '面试比例', required: false, kind: 'int' },
  { key: 'other', label: '其他条件', required: false, kind: 'text' },
];

/** Columns of each brochure format, in fill-page and Excel order (INT-02 应急执法, INT-05 聘任制, INT-03 司法医护). */
export const BROCHURE_COLUMNS: Record<BrochureFormat, BrochureColumn[]> = {
  standard: BASE_COLUMNS,
  emergency_enforcement: [
    ...BASE_COLUMNS.filter((c) => c.key !== 'basicPolice'),
    { key: 'physicalTest', label: '体能测评要求', required: true, kind: 'text' },
    { key: 'frontlineDuty', label: '一线执法岗位', required: true, kind: 'bool' },
  ],
  contract: [
    ...BASE_COLUMNS.filter((c) => !['basicPolice', 'township', 'examSubject'].includes(c.key)),
    { key: 'contractYears', label: '聘期（年）', required: true, kind: 'int' },
    { key: 'salary', label: '薪酬待遇', required: true, kind: 'text' },
    { key: 'materials', label: '需提交材料', required: true, kind: 'text' },
  ],
  judicial_medical: [
    ...BASE_COLUMNS.filter((c) => c.key !== 'basicPolice'),
    { key: 'majorTypes', label: '专业类别', required: true, kind: 'list' },
  ],
};

/** Keys stored in `details` rather than in a column or the conditions (format-specific fields). */
export const DETAIL_KEYS = [
  'physicalTest',
  'frontlineDuty',
  'contractYears',
  'salary',
  'materials',
] as const;

/** Brochure 简章 of one unit in one event: 填报 → 上报 → 审核通过 / 退回 → 发布 (INT-08 starts at 已上报). */
export const BrochureStatusSchema = z.enum([
  'filling',
  'submitted',
  'returned',
  'approved',
  'published',
]);
export type BrochureStatus = z.infer<typeof BrochureStatusSchema>;
export const BROCHURE_STATUS_LABELS: Record<BrochureStatus, string> = {
  filling: '填报中',
  submitted: '已上报',
  returned: '已退回',
  approved: '审核通过',
  published: '已发布',
};

/** One unit's brochure with the comment of a return and when it was submitted and reviewed. */
export const BrochureSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: BrochureStatusSchema,
  comment: z.string().nullable(),
  positionCount: z.number().int(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type Brochure = z.infer<typeof BrochureSchema>;
export const BrochureListSchema = z.object({ items: z.array(BrochureSchema) });

/** Returning a brochure to its unit requires the comment the unit will read. */
export const ReturnBrochureSchema = z.object({
  comment: z.string().trim().min(2, '请填写退回意见').max(1000).meta({ title: '退回意见' }),
});
