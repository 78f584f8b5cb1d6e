import { z } from 'zod';
import { pageOf } from './common';
import type { BrochureFormat } from './events';
import { PositionCategorySchema } from './enums';
import { PublicPositionQuerySchema, PublicPositionSchema } from './system';

export const EducationLevelSchema = z.enum([
  'high_school',
  'junior_college',
  'bachelor',
  'master',
  'doctor',
]);
export type EducationLevel = z.infer<typeof EducationLevelSchema>;
export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  high_school: '高中',
  junior_college: '大专',
  bachelor: '本科',
  master: '研究生',
  doctor: '博士研究生',
};
export const DegreeSchema = z.enum(['none', 'bachelor', 'master', 'doctor']);
export const DEGREE_LABELS: Record<z.infer<typeof DegreeSchema>, string> = {
  none: '无学位',
  bachelor: '学士',
  master: '硕士',
  doctor: '博士',
};
export const PoliticalStatusSchema = z.enum([
  'cpc_member',
  'cpc_probationary',
  'cyl_member',
  'democratic_party',
  'masses',
]);
export const ResidenceRequirementSchema = z.enum(['any', 'shanghai_hukou', 'hukou_or_permit']);
export type ResidenceRequirement = z.infer<typeof ResidenceRequirementSchema>;
export const RESIDENCE_LABELS: Record<ResidenceRequirement, string> = {
  any: '不限',
  shanghai_hukou: '本市户籍',
  hukou_or_permit: '本市户籍或持有本市居住证',
};

/** 司法医护 major-type catalogue 专业类别 (INT-03): positions name types, not single majors. */
export const JUDICIAL_MEDICAL_MAJOR_TYPES = {
  clinical: '临床医学类',
  nursing: '护理类',
  pharmacy: '药学类',
  medical_technology: '医学技术类',
  public_health: '公共卫生与预防医学类',
  psychology: '心理学类',
  law: '法学类',
  forensic: '法医学类',
} as const;
export type JudicialMedicalMajorType = keyof typeof JUDICIAL_MEDICAL_MAJOR_TYPES;

/**
 * A position's conditions 报考条件, in the shape of the eligibility engine's PositionRequirements
 * (@kaolu/domain), so the rules read them as stored; `other` is free text shown to candidates.
 */
export const PositionConditionsSchema = z.object({
  minEducation: EducationLevelSchema.optional().meta({ title: '学历要求' }),
  minDegree: DegreeSchema.optional().meta({ title: '学位要求' }),
  majorCodes: z
    .array(
      z
        .string()
        .trim()
        .regex(/^\d{2,8}$/, '专业代码应为2至8位数字'),
    )
    .max(100)
    .optional()
    .meta({ title: '专业代码' }),
  majorKeywords: z
    .array(z.string().trim().min(1).max(40))
    .max(100)
    .optional()
    .meta({ title: '专业要求' }),
  majorTypes: z.array(z.string()).max(20).optional().meta({ title: '专业类别' }),
  minAge: z.number().int().min(16).max(65).optional().meta({ title: '最低年龄' }),
  maxAge: z.number().int().min(16).max(65).optional().meta({ title: '最高年龄' }),
  gender: z.enum(['male', 'female']).optional().meta({ title: '性别要求' }),
  politicalStatus: z.array(PoliticalStatusSchema).optional().meta({ title: '政治面貌' }),
  residence: ResidenceRequirementSchema.default('any').meta({ title: '户籍要求' }),
  minWorkYears: z.number().int().min(0).max(40).optional().meta({ title: '工作年限' }),
  minGrassrootsYears: z.number().int().min(0).max(40).optional().meta({ title: '基层工作年限' }),
  other: z.string().trim().max(500).optional().meta({ title: '其他条件' }),
});
export type PositionConditions = z.infer<typeof PositionConditionsSchema>;

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

export const AdminPositionQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
  unitId: z.uuid().optional().meta({ title: '招录单位' }),
  status: PositionStatusSchema.optional().meta({ title: '状态' }),
  keyword: z.string().trim().max(50).optional().meta({ title: '关键字' }),
});

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

export const ReturnBrochureSchema = z.object({
  comment: z.string().trim().min(2, '请填写退回意见').max(1000).meta({ title: '退回意见' }),
});

/** An Excel upload as base64 (the web client speaks JSON); the file's first sheet is read. */
export const ExcelUploadSchema = z.object({
  fileBase64: z.string().min(1).max(30_000_000).meta({ title: '文件' }),
  reason: z.string().trim().max(500).optional().meta({ title: '原因' }),
});

/** One problem of an import, by row (Excel row number) and field (column header). */
export const ImportProblemSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;
export const ImportResultSchema = z.object({
  imported: z.number().int(),
  jobId: z.uuid().optional(),
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

/**
 * A unit's contact person as every answer shows it: masked (NFR-SEC-3); the clear values are stored
 * only encrypted (NFR-SEC-2).
 */
export const UnitContactSchema = z.object({
  nameMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
});
export type UnitContact = z.infer<typeof UnitContactSchema>;
export const UnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['department', 'unit']),
  parentId: z.uuid().nullable(),
  district: z.string().nullable(),
  isPolice: z.boolean(),
  contact: UnitContactSchema.nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;
export const UnitListSchema = z.object({ items: z.array(UnitSchema), total: z.number().int() });
/**
 * Contact changes: a field left out keeps its stored value (an editor sees only the masked one and
 * must not write it back), null or '' clears it, text replaces it.
 */
export const UnitContactInputSchema = z.object({
  name: z.string().trim().max(30).nullable().optional().meta({ title: '联系人' }),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(
      /^$|^[0-9()+\s-]*[0-9][0-9()+\s-]*(?:(?:转|分机|ext\.?|x|#)\s*\d{1,6})?$/i,
      '请填写电话号码',
    )
    .nullable()
    .optional()
    .meta({ title: '联系电话' }),
  address: z.string().trim().max(100).nullable().optional().meta({ title: '联系地址' }),
});
export type UnitContactInput = z.infer<typeof UnitContactInputSchema>;
export const UnitInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9-]+$/, '只能包含字母、数字和连字符')
    .meta({ title: '单位代码' }),
  name: z.string().trim().min(2).max(100).meta({ title: '单位名称' }),
  kind: z.enum(['department', 'unit']).meta({ title: '类型' }),
  parentId: z.uuid().nullable().default(null).meta({ title: '主管部门' }),
  district: z.string().trim().max(20).nullable().default(null).meta({ title: '所属区' }),
  isPolice: z.boolean().default(false).meta({ title: '公安机关' }),
  contact: UnitContactInputSchema.optional().meta({ title: '联系人信息' }),
});
export type UnitInput = z.input<typeof UnitInputSchema>;
export const UnitQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
  parentId: z.uuid().optional().meta({ title: '主管部门' }),
  keyword: z.string().trim().max(50).optional().meta({ title: '关键字' }),
});

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
