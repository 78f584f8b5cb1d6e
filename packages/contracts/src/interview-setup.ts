import { z } from 'zod';
import { pageOf, PageQuerySchema } from './common';

// The interview system's setup (IVW-01), imports (IVW-02) and browse pages (IVW-03). Cross-field
// rules (weights sum to 1, odd examiner counts, bands within the maximum) are checked by the
// server, which answers INTERVIEW.SETUP_INVALID listing every problem in Chinese.

// §7's three interview types; one type of each kind per event.
export const InterviewKindSchema = z.enum(['structured', 'professional', 'group_structured']);
export type InterviewKind = z.infer<typeof InterviewKindSchema>;
export const INTERVIEW_KIND_LABELS: Record<InterviewKind, string> = {
  structured: '结构化面试',
  professional: '专业面试',
  group_structured: '结构化小组面试',
};
// An event is set up, then run on its days, then closed.
export const InterviewEventStatusSchema = z.enum(['setup', 'running', 'closed']);
export const INTERVIEW_EVENT_STATUS_LABELS = {
  setup: '筹备中',
  running: '进行中',
  closed: '已结束',
} as const;
// A session is a half day: morning or afternoon.
export const HalfDaySchema = z.enum(['am', 'pm']);
export const HALF_DAY_LABELS = { am: '上午', pm: '下午' } as const;

// A required trimmed text field with its Chinese title (the 400 answer names the field).
const text = (title: string, max = 100) => z.string().trim().min(1).max(max).meta({ title });
// Calendar days in Shanghai, as YYYY-MM-DD.
const DaySchema = z.iso.date().meta({ title: '日期' });

/** A major 专业 the professional interviews group positions by. */
export const MajorSchema = z.object({ code: text('专业代码', 20), name: text('专业名称') });

/** Creating or editing an interview event: its code, name, optional link and majors. */
export const InterviewEventInputSchema = z.object({
  code: text('面试事项编号', 40),
  name: text('面试事项名称', 200),
  recruitmentEventId: z.uuid().nullable().optional().meta({ title: '关联招录事项' }),
  majors: z.array(MajorSchema).max(200).default([]).meta({ title: '专业' }),
});
export type InterviewEventInput = z.infer<typeof InterviewEventInputSchema>;

/** An interview event as the API answers it. */
export const InterviewEventSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  recruitmentEventId: z.uuid().nullable(),
  status: InterviewEventStatusSchema,
  majors: z.array(MajorSchema),
  createdAt: z.iso.datetime(),
});
export type InterviewEvent = z.infer<typeof InterviewEventSchema>;

/** A band of one indicator (好 / 中 / 差) with the score range examiners may give in it. */
export const IndicatorBandSchema = z.object({
  name: text('档次名称', 10),
  min: z.number().min(0).meta({ title: '下限' }),
  max: z.number().min(0).meta({ title: '上限' }),
});
/** A scoring indicator: its weight in the total (weights sum to 1) and its maximum. */
export const IndicatorSchema = z.object({
  code: text('指标代码', 20),
  name: text('指标名称', 50),
  weight: z.number().gt(0).max(1).meta({ title: '权重' }),
  max: z.number().gt(0).max(100).meta({ title: '满分' }),
  bands: z.array(IndicatorBandSchema).max(10).default([]).meta({ title: '评分档次' }),
});
/** A grade band 面试档次 of the total: from `min` points up to the next band. */
export const GradeBandSchema = z.object({
  name: text('档次名称', 10),
  min: z.number().min(0).max(100).meta({ title: '最低分' }),
});
/** An interview type of one kind; cross-field rules are the server's (see the file header). */
export const InterviewTypeInputSchema = z.object({
  kind: InterviewKindSchema.meta({ title: '面试类型' }),
  name: text('名称', 50),
  examinerCount: z.number().int().meta({ title: '考官人数' }),
  indicators: z.array(IndicatorSchema).min(1).max(20).meta({ title: '评分指标' }),
  gradeBands: z.array(GradeBandSchema).max(10).default([]).meta({ title: '面试档次' }),
});
export type InterviewTypeInput = z.infer<typeof InterviewTypeInputSchema>;
export const InterviewTypeSchema = InterviewTypeInputSchema.extend({ id: z.uuid() });
export type InterviewType = z.infer<typeof InterviewTypeSchema>;

/** A half day 场次: a Shanghai calendar day and 上午 / 下午. */
export const InterviewSessionInputSchema = z.object({
  day: DaySchema,
  halfDay: HalfDaySchema.meta({ title: '半天' }),
});
export const InterviewSessionSchema = InterviewSessionInputSchema.extend({ id: z.uuid() });
export type InterviewSession = z.infer<typeof InterviewSessionSchema>;

/** A venue 考点 with its rooms 面试室. */
export const InterviewVenueInputSchema = z.object({
  name: text('考点名称'),
  address: z.string().trim().max(200).nullable().optional().meta({ title: '地址' }),
});
export const InterviewRoomSchema = z.object({ id: z.uuid(), venueId: z.uuid(), name: z.string() });
export const InterviewVenueSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  rooms: z.array(InterviewRoomSchema),
});
export const InterviewRoomInputSchema = z.object({
  venueId: z.uuid().meta({ title: '考点' }),
  name: text('面试室名称'),
});

/** A group 面试组: a room on a day, its type, its seats besides the chief examiner. */
export const InterviewGroupInputSchema = z.object({
  roomId: z.uuid().meta({ title: '面试室' }),
  day: DaySchema,
  name: text('面试组名称', 50),
  typeId: z.uuid().meta({ title: '面试类型' }),
  fixedSeats: z.number().int().min(0).max(9).meta({ title: '固定考官数' }),
  rotatingSeats: z.number().int().min(0).max(9).meta({ title: '轮换考官数' }),
  professionalSeats: z.number().int().min(0).max(9).default(0).meta({ title: '专业考官数' }),
  // §7 continuity: the positions this group interviews all day.
  positionIds: z.array(z.uuid()).max(200).default([]).meta({ title: '面试职位' }),
});
export type InterviewGroupInput = z.infer<typeof InterviewGroupInputSchema>;
export const InterviewGroupSchema = InterviewGroupInputSchema.extend({
  id: z.uuid(),
  venueId: z.uuid(),
});
export type InterviewGroup = z.infer<typeof InterviewGroupSchema>;

/** Everything the setup page shows of one event. */
// The setup page reads this one document; each part is edited by its own route.
export const InterviewSetupSchema = z.object({
  event: InterviewEventSchema,
  types: z.array(InterviewTypeSchema),
  sessions: z.array(InterviewSessionSchema),
  venues: z.array(InterviewVenueSchema),
  groups: z.array(InterviewGroupSchema),
});
export type InterviewSetup = z.infer<typeof InterviewSetupSchema>;

// ---- imports (IVW-02) and browse (IVW-03) ----

// The four Excel imports of IVW-02, each with its template.
export const InterviewImportKindSchema = z.enum(['candidates', 'positions', 'examiners', 'psych']);
export type InterviewImportKind = z.infer<typeof InterviewImportKindSchema>;
export const INTERVIEW_IMPORT_LABELS: Record<InterviewImportKind, string> = {
  candidates: '考生',
  positions: '职位',
  examiners: '考官',
  psych: '心理测评信息',
};

/** The browse lists' query: paging and one keyword. */
export const InterviewSearchSchema = PageQuerySchema.extend({
  keyword: z.string().trim().max(50).optional().meta({ title: '关键字' }),
});
/** A candidate row of the browse list, masked. */
export const InterviewCandidateRowSchema = z.object({
  id: z.uuid(),
  ticketNumber: z.string(),
  // Masked on every list (NFR-SEC-3).
  name: z.string(),
  idNumber: z.string(),
  gender: z.string().nullable(),
  positionCode: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  hasPsych: z.boolean(),
});
/** A position row of the browse list, with its group and candidate count. */
export const InterviewPositionRowSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  major: z.string().nullable(),
  groupName: z.string().nullable(),
  candidates: z.number().int(),
});
/** An examiner row of the browse list, masked, with his capabilities. */
export const InterviewExaminerRowSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  unitName: z.string(),
  district: z.string().nullable(),
  chiefCapable: z.boolean(),
  professionalCapable: z.boolean(),
  fixed: z.boolean(),
  conflicts: z.number().int(),
});
// Server-paged answers of the browse lists.
export const InterviewCandidatePageSchema = pageOf(InterviewCandidateRowSchema);
export const InterviewPositionPageSchema = pageOf(InterviewPositionRowSchema);
export const InterviewExaminerPageSchema = pageOf(InterviewExaminerRowSchema);
export type InterviewCandidateRow = z.infer<typeof InterviewCandidateRowSchema>;
export type InterviewPositionRow = z.infer<typeof InterviewPositionRowSchema>;
export type InterviewExaminerRow = z.infer<typeof InterviewExaminerRowSchema>;

/** The interview events a staff member may work in, with what he may do there (portal home). */
export const MyInterviewEventSchema = InterviewEventSchema.extend({
  permissions: z.array(z.string()),
});
export const MyInterviewEventsSchema = z.array(MyInterviewEventSchema);
export type MyInterviewEvent = z.infer<typeof MyInterviewEventSchema>;

/** A position of the linked recruitment event's brochure, for browsing (IVW-03). */
export const InterviewBrochureRowSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  headcount: z.number().int(),
  interviewed: z.boolean(),
});
export const InterviewBrochurePageSchema = pageOf(InterviewBrochureRowSchema);
export type InterviewBrochureRow = z.infer<typeof InterviewBrochureRowSchema>;
