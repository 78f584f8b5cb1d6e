import { z } from 'zod';

// A position's conditions 报考条件 and the vocabularies they use (education, degree, political
// status, residence, 司法医护 major types): what the eligibility rules check (ONL-03, §7).

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
