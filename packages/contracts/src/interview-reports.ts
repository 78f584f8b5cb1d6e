import { z } from 'zod';

// Reports of the interview system: live monitoring (IVW-09), the one-page-per-candidate exports
// 一人一表 (INT-09b) and the psych-test results shown beside them (INT-09c).

/** Progress counters of one room / group, or of the whole event (totals). */
export const MonitorCountsSchema = z.object({
  /** Candidates of the session expected in the group, and those checked in. */
  expected: z.number().int(),
  checkedIn: z.number().int(),
  /** Candidates with an interview order number (drawn, IVW-06). */
  drawn: z.number().int(),
  /** Candidates with some sheets in but no result yet (being scored). */
  scoring: z.number().int(),
  /** Sheets submitted or confirmed, out of candidates × seated examiners. */
  sheetsIn: z.number().int(),
  sheetsExpected: z.number().int(),
  confirmed: z.number().int(),
  /** Candidates whose interview result is computed. */
  computed: z.number().int(),
});
export type MonitorCounts = z.infer<typeof MonitorCountsSchema>;

export const MonitorRoomSchema = MonitorCountsSchema.extend({
  groupId: z.uuid(),
  groupName: z.string(),
  roomName: z.string(),
  venueName: z.string(),
  kind: z.enum(['structured', 'professional', 'group_structured']),
  /** Examiners seated in the group for the session. */
  examiners: z.number().int(),
});
export type MonitorRoom = z.infer<typeof MonitorRoomSchema>;

export const MonitorSessionSchema = z.object({
  id: z.uuid(),
  day: z.string(),
  halfDay: z.enum(['am', 'pm']),
});

/** One snapshot of an event's current (or chosen) session, as the stream pushes it. */
export const MonitorSnapshotSchema = z.object({
  eventId: z.uuid(),
  eventName: z.string(),
  /** When the snapshot was read from the database (ISO). */
  readAt: z.string(),
  sessions: z.array(MonitorSessionSchema),
  session: MonitorSessionSchema.nullable(),
  rooms: z.array(MonitorRoomSchema),
  totals: MonitorCountsSchema,
});
export type MonitorSnapshot = z.infer<typeof MonitorSnapshotSchema>;

export const MonitorQuerySchema = z.object({
  sessionId: z.uuid().optional().meta({ title: '场次' }),
});

/** The interview events the caller may monitor or export. */
export const ReportEventListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      sessions: z.array(MonitorSessionSchema),
      groups: z.array(z.object({ id: z.uuid(), name: z.string(), day: z.string() })),
    }),
  ),
});
export type ReportEventList = z.infer<typeof ReportEventListSchema>;

/** The three export formats of INT-09b. */
export const EXPORT_FORMATS = ['full', 'summary', 'examiners'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  full: '一人一表（完整格式）',
  summary: '成绩汇总（每人一行）',
  examiners: '考官评分明细',
};

export const ExportQuerySchema = z.object({
  format: ExportFormatSchema.meta({ title: '导出格式' }),
  file: z.enum(['xlsx', 'pdf']).meta({ title: '文件类型' }),
  sessionId: z.uuid().optional().meta({ title: '场次' }),
  groupId: z.uuid().optional().meta({ title: '面试组' }),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

/** Psych results of the candidates of one browse page, by interview candidate id. */
export const PsychResultsQuerySchema = z.object({
  ids: z.string().max(4000).meta({ title: '考生', description: '逗号分隔的面试考生编号' }),
});
export const PsychResultsSchema = z.object({
  items: z.array(
    z.object({
      interviewCandidateId: z.uuid(),
      fields: z.array(z.object({ name: z.string(), value: z.string() })),
    }),
  ),
});
export type PsychResults = z.infer<typeof PsychResultsSchema>;
