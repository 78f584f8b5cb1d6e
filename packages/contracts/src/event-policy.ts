import { z } from 'zod';

// An event's policy 招录政策 as data: the stages it runs, its exam categories and the rules every
// stage reads (ratios, weights, fee, photo, eligibility, adjustment, brochure format, review SLA).
// Per-type templates are copies of this shape that an org_admin tunes per event (§0).

/** Stages an event may have (§0 pipeline); a policy lists the ones it uses, in order. */
export const StageKeySchema = z.enum([
  'brochure',
  'exam_registration',
  'payment',
  'admission_ticket',
  'written_exam',
  'position_application',
  'unit_review',
  'adjustment',
  'interview',
  'physical_exam',
  'inspection',
  'public_notice',
]);
export type StageKey = z.infer<typeof StageKeySchema>;

export const STAGE_LABELS: Record<StageKey, string> = {
  brochure: '简章征集',
  exam_registration: '笔试报名',
  payment: '缴费',
  admission_ticket: '准考证打印',
  written_exam: '笔试',
  position_application: '职位报名',
  unit_review: '资格审查',
  adjustment: '调剂',
  interview: '面试',
  physical_exam: '体检',
  inspection: '考察',
  public_notice: '公示',
};

/** Brochure formats 简章格式: 应急执法 and 聘任制 have their own fill page and export (INT-02, INT-05). */
export const BrochureFormatSchema = z.enum([
  'standard',
  'emergency_enforcement',
  'contract',
  'judicial_medical',
]);
export type BrochureFormat = z.infer<typeof BrochureFormatSchema>;

export const BROCHURE_FORMAT_LABELS: Record<BrochureFormat, string> = {
  standard: '通用简章',
  emergency_enforcement: '应急执法简章',
  contract: '聘任制简章',
  judicial_medical: '司法医护简章',
};

const EducationLevelSchema = z.enum([
  'high_school',
  'junior_college',
  'bachelor',
  'master',
  'doctor',
]);

const ExamSubjectSchema = z.object({
  code: z.string().trim().min(1).max(20).meta({ title: '科目代码' }),
  name: z.string().trim().min(1).max(50).meta({ title: '科目名称' }),
});

export const ExamCategorySchema = z.object({
  code: z.string().trim().min(1).max(20).meta({ title: '类别代码' }),
  name: z.string().trim().min(1).max(50).meta({ title: '类别名称' }),
  subjects: z.array(ExamSubjectSchema).default([]).meta({ title: '专业科目' }),
  // Written-exam pass line 合格线 of the category (§7), on the converted 100-point scale.
  passMark: z.number().min(0).max(100).meta({ title: '笔试合格线' }),
  // INT-07: whether the category's interview gives a 专业分 (面上: every category but 综合管理).
  // Policies stored before the switch moved here from `interview` read as false; migration
  // 0014_composite_scores carried the old event-wide switch into each category.
  professionalScore: z.boolean().default(false).meta({ title: '设专业分' }),
});
export type ExamCategory = z.infer<typeof ExamCategorySchema>;

/** Unit review SLA when a policy names none: marked after 24 h waiting, overdue after 48 h. */
export const DEFAULT_REVIEW_SLA = { warnHours: 24, overdueHours: 48 } as const;

/**
 * An event's policy as validated data: stage order, exam categories, ratios, pass marks,
 * score weights, fee, photo rules, eligibility thresholds, adjustment rules and brochure format.
 */
export const EventPolicyBodySchema = z.object({
  order: z.enum(['exam_first', 'position_first']).meta({ title: '报考顺序' }),
  stages: z.array(StageKeySchema).min(1, '至少需要一个阶段').meta({ title: '阶段' }),
  examCategories: z.array(ExamCategorySchema).meta({ title: '考试类别' }),
  interview: z.object({
    ratio: z
      .number()
      .int()
      .min(1, '面试比例至少为1')
      .max(10, '面试比例不能超过1:10')
      .meta({ title: '面试比例' }),
    passMark: z.number().min(0).max(100).meta({ title: '面试合格分' }),
  }),
  // Weights are per event; a category without 专业分 carries the professional weight on the
  // structured interview (composite = written × w1 + structured × (w2 + w3), INT-07, §7).
  scoreWeights: z.object({
    written: z.number().int().min(0).max(100).meta({ title: '笔试权重' }),
    interview: z.number().int().min(0).max(100).meta({ title: '面试权重' }),
    professional: z.number().int().min(0).max(100).meta({ title: '专业分权重' }),
  }),
  fee: z.object({
    amountYuan: z.number().min(0).max(10_000).meta({ title: '报名费（元）' }),
    waiverAllowed: z.boolean().meta({ title: '允许减免' }),
  }),
  photo: z.object({
    format: z.enum(['jpg']).meta({ title: '照片格式' }),
    minWidth: z.number().int().min(1).meta({ title: '最小宽度' }),
    maxWidth: z.number().int().min(1).meta({ title: '最大宽度' }),
    minHeight: z.number().int().min(1).meta({ title: '最小高度' }),
    maxHeight: z.number().int().min(1).meta({ title: '最大高度' }),
    maxKb: z.number().int().min(1).max(2048).meta({ title: '最大体积（KB）' }),
  }),
  eligibility: z.object({
    permitMinPoints: z.number().int().min(0).meta({ title: '居住证积分标准分' }),
    permitMinHeldMonths: z.number().int().min(0).meta({ title: '居住证持有月数' }),
    nonHukouMinEducation: EducationLevelSchema.meta({ title: '非沪籍最低学历' }),
    townshipNonHukouMinEducation: EducationLevelSchema.meta({ title: '乡镇职位非沪籍最低学历' }),
    abroadLimitMonths: z.number().int().min(1).meta({ title: '境外连续居留月数上限' }),
  }),
  adjustment: z.object({
    enabled: z.boolean().meta({ title: '开展调剂' }),
    sameSubjectOnly: z.boolean().meta({ title: '仅限同一专业科目' }),
    unifiedRound: z.boolean().meta({ title: '统一调剂' }),
  }),
  brochure: z.object({
    format: BrochureFormatSchema.meta({ title: '简章格式' }),
    requiredFields: z.array(z.string()).meta({ title: '必填字段' }),
  }),
  majorCatalogue: z.enum(['general', 'judicial_medical']).meta({ title: '专业目录' }),
  // Policies saved before the SLA became policy data read as the old fixed 24/48 h.
  reviewSla: z
    .object({
      warnHours: z
        .number()
        .int('审核提醒时限须为整数小时')
        .positive('审核提醒时限须大于0小时')
        .max(720, '审核提醒时限不能超过720小时')
        .meta({ title: '审核提醒时限（小时）' }),
      overdueHours: z
        .number()
        .int('审核超时时限须为整数小时')
        .positive('审核超时时限须大于0小时')
        .max(720, '审核超时时限不能超过720小时')
        .meta({ title: '审核超时时限（小时）' }),
    })
    .default({ ...DEFAULT_REVIEW_SLA })
    .meta({ title: '资格审查时限' }),
});

/** The policy with its cross-field rules, each failure explained in Chinese at the field it concerns. */
export const EventPolicySchema = EventPolicyBodySchema.superRefine((p, ctx) => {
  const seen = new Set<string>();
  p.stages.forEach((s, i) => {
    if (seen.has(s))
      ctx.addIssue({
        code: 'custom',
        path: ['stages', i],
        message: `阶段「${STAGE_LABELS[s]}」重复出现`,
      });
    seen.add(s);
  });
  const exam = p.stages.indexOf('exam_registration');
  const apply = p.stages.indexOf('position_application');
  if (exam >= 0 && apply >= 0) {
    if (p.order === 'exam_first' && exam > apply)
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: '先考后报：笔试报名必须排在职位报名之前',
      });
    if (p.order === 'position_first' && apply > exam)
      ctx.addIssue({
        code: 'custom',
        path: ['stages'],
        message: '先报后考：职位报名必须排在笔试报名之前',
      });
  }
  if (exam >= 0 && p.examCategories.length === 0)
    ctx.addIssue({
      code: 'custom',
      path: ['examCategories'],
      message: '设有笔试报名阶段时至少需要一个考试类别',
    });
  const codes = new Set<string>();
  p.examCategories.forEach((c, i) => {
    if (codes.has(c.code))
      ctx.addIssue({
        code: 'custom',
        path: ['examCategories', i, 'code'],
        message: `考试类别代码「${c.code}」重复`,
      });
    codes.add(c.code);
    const subjects = new Set<string>();
    c.subjects.forEach((s, j) => {
      if (subjects.has(s.code))
        ctx.addIssue({
          code: 'custom',
          path: ['examCategories', i, 'subjects', j, 'code'],
          message: `「${c.name}」的科目代码「${s.code}」重复`,
        });
      subjects.add(s.code);
    });
  });
  const w = p.scoreWeights;
  const sum = w.written + w.interview + w.professional;
  if (sum !== 100)
    ctx.addIssue({
      code: 'custom',
      path: ['scoreWeights'],
      message: `成绩权重之和必须为100，当前为${sum}`,
    });
  // A professional weight means nothing unless some category gives a 专业分 (INT-07).
  if (w.professional > 0 && !p.examCategories.some((c) => c.professionalScore)) {
    ctx.addIssue({
      code: 'custom',
      path: ['scoreWeights', 'professional'],
      message: '未设专业分时专业分权重必须为0',
    });
  }
  if (p.photo.minWidth > p.photo.maxWidth)
    ctx.addIssue({
      code: 'custom',
      path: ['photo', 'minWidth'],
      message: '照片最小宽度不能大于最大宽度',
    });
  if (p.photo.minHeight > p.photo.maxHeight)
    ctx.addIssue({
      code: 'custom',
      path: ['photo', 'minHeight'],
      message: '照片最小高度不能大于最大高度',
    });
  if (p.reviewSla.warnHours >= p.reviewSla.overdueHours) {
    ctx.addIssue({
      code: 'custom',
      path: ['reviewSla', 'warnHours'],
      message: `审核提醒时限（${p.reviewSla.warnHours}小时）须小于超时时限（${p.reviewSla.overdueHours}小时）`,
    });
  }
});
export type EventPolicy = z.infer<typeof EventPolicySchema>;
