import { z } from 'zod';

// A date typed by a person: YYYY-MM-DD, checked to exist on the calendar.
const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    '日期不存在',
  );
// A required text field whose errors name the field in Chinese (请填写…, …不能超过…个字).
const Text = (title: string, max: number) =>
  z.string().trim().min(1, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });

// The profile's own vocabularies, same values as the position conditions' so the eligibility rules
// compare them directly; only some labels differ (see below).
export const ProfileEducationLevelSchema = z.enum([
  'high_school',
  'junior_college',
  'bachelor',
  'master',
  'doctor',
]);
export const ProfileDegreeSchema = z.enum(['none', 'bachelor', 'master', 'doctor']);
export const ProfilePoliticalStatusSchema = z.enum([
  'cpc_member',
  'cpc_probationary',
  'cyl_member',
  'democratic_party',
  'masses',
]);
export const HukouTypeSchema = z.enum(['shanghai', 'other']);
/** Profile education levels; labels differ from positions' requirement levels (高中及以下, 大学本科). */
export const PROFILE_EDUCATION_LEVEL_LABELS: Record<
  z.infer<typeof ProfileEducationLevelSchema>,
  string
> = {
  high_school: '高中及以下',
  junior_college: '大专',
  bachelor: '大学本科',
  master: '硕士研究生',
  doctor: '博士研究生',
};
export const PROFILE_DEGREE_LABELS: Record<z.infer<typeof ProfileDegreeSchema>, string> = {
  none: '无学位',
  bachelor: '学士',
  master: '硕士',
  doctor: '博士',
};
export const PROFILE_POLITICAL_STATUS_LABELS: Record<
  z.infer<typeof ProfilePoliticalStatusSchema>,
  string
> = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
};
export const HUKOU_TYPE_LABELS: Record<z.infer<typeof HukouTypeSchema>, string> = {
  shanghai: '上海户籍',
  other: '非上海户籍',
};

/** Why a candidate stayed abroad 出国（境）经历. */
export const AbroadPurposeSchema = z.enum(['study', 'work', 'residence']);
export const ABROAD_PURPOSE_LABELS: Record<z.infer<typeof AbroadPurposeSchema>, string> = {
  study: '留学',
  work: '工作',
  residence: '居留',
};

const periodShape = {
  startDate: DateSchema.meta({ title: '开始日期' }),
  endDate: DateSchema.nullable().meta({ title: '结束日期' }),
};
const endsAfterStart: [
  (p: { startDate: string; endDate: string | null }) => boolean,
  { message: string; path: string[] },
] = [
  (p) => p.endDate === null || p.endDate >= p.startDate,
  { message: '结束日期不能早于开始日期', path: ['endDate'] },
];

/** One period of study; the major code, when given, lets position major codes match by prefix. */
export const EducationEntrySchema = z
  .object({
    ...periodShape,
    level: ProfileEducationLevelSchema.meta({ title: '学历' }),
    degree: ProfileDegreeSchema.meta({ title: '学位' }),
    school: Text('毕业院校', 60),
    major: Text('专业', 60),
    majorCode: z
      .string()
      .trim()
      .regex(/^\d{4,6}[A-Z]?$/, '专业代码应为4至6位数字')
      .optional()
      .meta({ title: '专业代码' }),
    fullTime: z.boolean().meta({ title: '全日制' }),
  })
  .refine(...endsAfterStart);
/** One job; `grassroots` counts toward the 基层工作经历 positions may require. */
export const WorkEntrySchema = z
  .object({
    ...periodShape,
    employer: Text('工作单位', 80),
    title: Text('职务', 40),
    grassroots: z.boolean().meta({ title: '基层工作经历' }),
  })
  .refine(...endsAfterStart);
/** A stay abroad; the longest continuous one decides the INT-07 bar for police positions. */
export const AbroadEntrySchema = z
  .object({
    ...periodShape,
    country: Text('国家或地区', 40),
    purpose: AbroadPurposeSchema.meta({ title: '事由' }),
  })
  .refine(...endsAfterStart);
/** Awards and student-leader posts: facts that the 选调生 scoring rules of REG-02a name. */
export const AwardEntrySchema = z.object({
  name: Text('奖项名称', 80),
  level: z.enum(['national', 'provincial', 'school', 'other']).meta({ title: '级别' }),
  date: DateSchema.meta({ title: '获奖日期' }),
});
export const StudentLeaderEntrySchema = z
  .object({ ...periodShape, role: Text('学生干部职务', 40), organisation: Text('组织', 60) })
  .refine(...endsAfterStart);
/** Uploaded material types (INT-05), recognised by their leading bytes, never by the file name. */
export const AttachmentMimeSchema = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type AttachmentMime = z.infer<typeof AttachmentMimeSchema>;
/** Largest uploaded material in bytes (INT-05): enough for a scanned certificate, small enough to review. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * One uploaded material in the profile: the file id an upload answered, a name and a note. Size and
 * type are filled in by the server from the stored file; what the browser sends there is ignored.
 */
export const AttachmentEntrySchema = z.object({
  fileId: z.uuid('请先上传附件文件').meta({ title: '附件文件' }),
  name: Text('附件名称', 80),
  note: z
    .string()
    .trim()
    .max(200, '附件说明不能超过200个字')
    .default('')
    .meta({ title: '附件说明' }),
  size: z.number().int().min(0).optional().meta({ title: '文件大小' }),
  mime: AttachmentMimeSchema.optional().meta({ title: '文件类型' }),
});
export type AttachmentEntry = z.infer<typeof AttachmentEntrySchema>;

/** What an upload answers: the file id to reference from the profile's attachment list. */
export const UploadedAttachmentSchema = z.object({
  fileId: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  mime: AttachmentMimeSchema,
  uploadedAt: z.string(),
});
export type UploadedAttachment = z.infer<typeof UploadedAttachmentSchema>;

/** The candidate's own material, addressed by file id. */
export const AttachmentParamsSchema = z.object({ fileId: z.uuid().meta({ title: '附件文件' }) });
/** inline opens a PDF or image in the browser (preview); attachment downloads it. */
export const FileDispositionQuerySchema = z.object({
  disposition: z.enum(['inline', 'attachment']).default('attachment').meta({ title: '打开方式' }),
});

/**
 * The candidate's one-file profile 一户一档 as he edits it. Address and permit number are sent in
 * clear only when changed (omit to keep); they are stored encrypted and answered masked.
 */
export const ProfileDocumentSchema = z
  .object({
    contact: z.object({
      email: z.email('电子邮箱格式不正确').optional().meta({ title: '电子邮箱' }),
      address: z
        .string()
        .trim()
        .min(5, '通讯地址至少5个字')
        .max(120, '通讯地址不能超过120个字')
        .optional()
        .meta({ title: '通讯地址' }),
      postalCode: z
        .string()
        .regex(/^\d{6}$/, '邮政编码应为6位数字')
        .optional()
        .meta({ title: '邮政编码' }),
    }),
    politicalStatus: ProfilePoliticalStatusSchema.meta({ title: '政治面貌' }),
    hukou: z.object({
      type: HukouTypeSchema.meta({ title: '户籍' }),
      place: Text('户籍所在地', 60),
    }),
    residencePermit: z
      .object({
        number: z
          .string()
          .trim()
          .regex(/^[0-9A-Z]{6,20}$/, '居住证号码应为6至20位数字或大写字母')
          .optional()
          .meta({ title: '居住证号码' }),
        issuedOn: DateSchema.meta({ title: '发证日期' }),
        validUntil: DateSchema.meta({ title: '有效期至' }),
      })
      .refine((p) => p.validUntil > p.issuedOn, {
        message: '有效期应晚于发证日期',
        path: ['validUntil'],
      })
      .nullable()
      .meta({ title: '上海市居住证' }),
    education: z
      .array(EducationEntrySchema)
      .min(1, '请至少填写一段学历')
      .max(8)
      .meta({ title: '学习经历' }),
    work: z.array(WorkEntrySchema).max(20).default([]).meta({ title: '工作经历' }),
    abroad: z.array(AbroadEntrySchema).max(20).default([]).meta({ title: '境外经历' }),
    awards: z.array(AwardEntrySchema).max(20).default([]).meta({ title: '获奖情况' }),
    studentLeader: z
      .array(StudentLeaderEntrySchema)
      .max(10)
      .default([])
      .meta({ title: '学生干部经历' }),
    attachments: z
      .array(AttachmentEntrySchema)
      .max(10, '附件最多10个')
      .default([])
      .meta({ title: '附件' }),
  })
  // Cross-field rules: one file listed once, and no residence permit for a Shanghai hukou.
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.attachments.forEach((a, i) => {
      if (seen.has(a.fileId))
        ctx.addIssue({
          code: 'custom',
          path: ['attachments', i, 'fileId'],
          message: '同一附件文件不能重复添加',
        });
      seen.add(a.fileId);
    });
    if (d.hukou.type === 'shanghai' && d.residencePermit) {
      ctx.addIssue({
        code: 'custom',
        path: ['residencePermit'],
        message: '上海户籍考生无需填写居住证',
      });
    }
  });
export type ProfileDocument = z.infer<typeof ProfileDocumentSchema>;

export const SaveProfileSchema = z.object({
  document: ProfileDocumentSchema,
  /** The version the candidate edited; a stale one is refused so two tabs never overwrite each other. */
  version: z.number().int().min(0).meta({ title: '版本' }),
});
export type SaveProfile = z.infer<typeof SaveProfileSchema>;

/** The registration photo's measured size; once confirmed it no longer changes (§7). */
export const PhotoStateSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  sizeBytes: z.number().int(),
  confirmed: z.boolean(),
  uploadedAt: z.string(),
});

/** The profile as answered: identity from real-name registration, masked personal data, photo state. */
export const ProfileSchema = z.object({
  identity: z.object({
    name: z.string(),
    gender: z.enum(['male', 'female']),
    birthDate: z.string(),
    idNumberMasked: z.string(),
    phoneMasked: z.string(),
  }),
  version: z.number().int(),
  document: z.unknown().nullable(),
  addressMasked: z.string().nullable(),
  permitNumberMasked: z.string().nullable(),
  photo: PhotoStateSchema.nullable(),
  updatedAt: z.string().nullable(),
});
export type Profile = z.infer<typeof ProfileSchema>;

/** The event whose photo rules (size, dimensions) an upload is checked against. */
export const PhotoQuerySchema = z.object({
  eventId: z.uuid().optional().meta({ title: '招录事项' }),
});
