import { z } from 'zod';

// Interview scoring on the venue tablet (IVW-08, IVW-10, §7): request and answer shapes shared by
// the server and the interview portal. A sheet is identified by the tablet's clientKey; every sync
// carries the sheet's whole state and a revision that grows with each keystroke, so the server
// keeps the highest revision and a replayed request is answered without changing anything.

export const ScoredKindSchema = z.enum(['structured', 'professional']);
export type ScoredKind = z.infer<typeof ScoredKindSchema>;

export const SCORE_SHEET_STATUS_LABELS = {
  draft: '未提交',
  submitted: '已提交，待监督员确认',
  confirmed: '监督员已确认',
  withdrawn: '已撤回，请重新评分',
} as const;
export type ScoreSheetStatus = keyof typeof SCORE_SHEET_STATUS_LABELS;

/** One indicator as the sheet shows it: its maximum and the bands (好/中/差) a score falls in. */
export const SheetIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  max: z.number(),
  weight: z.number(),
  bands: z.array(z.object({ name: z.string(), min: z.number(), max: z.number() })),
});
export type SheetIndicator = z.infer<typeof SheetIndicatorSchema>;

/** A seat the signed-in examiner holds today: group, room and the indicators he scores on. */
export const ExaminerSeatSchema = z.object({
  sessionId: z.uuid(),
  sessionLabel: z.string(),
  groupId: z.uuid(),
  groupName: z.string(),
  roomName: z.string(),
  venueName: z.string(),
  seat: z.enum(['chief', 'fixed', 'rotating', 'professional']),
  kind: ScoredKindSchema,
  indicators: z.array(SheetIndicatorSchema),
});
export type ExaminerSeat = z.infer<typeof ExaminerSeatSchema>;
export const ExaminerSeatListSchema = z.object({ items: z.array(ExaminerSeatSchema) });

/** The examiner's own sheet as the server holds it. */
export const StoredSheetSchema = z.object({
  clientKey: z.uuid(),
  revision: z.number().int(),
  status: z.enum(['draft', 'submitted', 'confirmed', 'withdrawn']),
  scores: z.record(z.string(), z.number()),
  comment: z.string().nullable(),
  submittedAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type StoredSheet = z.infer<typeof StoredSheetSchema>;

/** A candidate of the seat's group in draw order (masked), with the examiner's sheet if any. */
export const ScoringQueueItemSchema = z.object({
  interviewCandidateId: z.uuid(),
  orderNumber: z.number().int().nullable(),
  ticketNumber: z.string(),
  nameMasked: z.string(),
  positionTitle: z.string(),
  checkedIn: z.boolean(),
  /** 心理测评 information as imported (IVW-02, INT-09c): shown, never scored. */
  psych: z.record(z.string(), z.unknown()).nullable(),
  sheet: StoredSheetSchema.nullable(),
  /** A result exists: the sheet is final and can no longer be withdrawn (IVW-10). */
  computed: z.boolean(),
});
export type ScoringQueueItem = z.infer<typeof ScoringQueueItemSchema>;
export const ScoringQueueSchema = z.object({
  seat: ExaminerSeatSchema,
  items: z.array(ScoringQueueItemSchema),
});
export type ScoringQueue = z.infer<typeof ScoringQueueSchema>;

/** Scores in points with at most two decimals (the engine works in hundredths). */
const Points = z
  .number()
  .min(0, '分数不能为负')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '分数最多保留两位小数');

/**
 * One sync of a sheet: the whole state at `revision`. `submit` hands the sheet in; a draft sync
 * may be partial, a submission must score every indicator within its maximum (checked by the
 * server against the seat's indicators, answering INTERVIEW.SHEET_INVALID with each problem).
 */
export const SheetSyncSchema = z.object({
  interviewCandidateId: z.uuid().meta({ title: '考生' }),
  sessionId: z.uuid().meta({ title: '场次' }),
  groupId: z.uuid().meta({ title: '面试组' }),
  kind: ScoredKindSchema.meta({ title: '面试类型' }),
  revision: z.number().int().min(1).max(1_000_000).meta({ title: '修订号' }),
  scores: z.record(z.string().max(20), Points).meta({ title: '各项评分' }),
  comment: z.string().trim().max(500, '评语不超过500字').optional().meta({ title: '评语' }),
  submit: z.boolean().default(false).meta({ title: '提交' }),
});
export type SheetSync = z.infer<typeof SheetSyncSchema>;

/** The answer to a sync: what the server now holds, and whether the request was a replay. */
export const SheetSyncResultSchema = z.object({
  clientKey: z.uuid(),
  revision: z.number().int(),
  status: z.enum(['draft', 'submitted', 'confirmed', 'withdrawn']),
  replay: z.boolean(),
});
export type SheetSyncResult = z.infer<typeof SheetSyncResultSchema>;

/** Withdrawing a submitted sheet (IVW-10): only before the result is computed, with a reason. */
export const SheetWithdrawSchema = z.object({
  reason: z.string().trim().min(2, '请填写撤回原因').max(200).meta({ title: '撤回原因' }),
});

/** The supervisor's / chief examiner's board of one group in one session: sheets per candidate. */
export const SheetBoardSchema = z.object({
  groupName: z.string(),
  sessionLabel: z.string(),
  examiners: z.array(
    z.object({
      examinerId: z.uuid(),
      nameMasked: z.string(),
      seat: z.enum(['chief', 'fixed', 'rotating', 'professional']),
    }),
  ),
  candidates: z.array(
    z.object({
      interviewCandidateId: z.uuid(),
      orderNumber: z.number().int().nullable(),
      ticketNumber: z.string(),
      nameMasked: z.string(),
      sheets: z.array(
        z.object({
          sheetId: z.uuid(),
          examinerId: z.uuid(),
          kind: ScoredKindSchema,
          status: z.enum(['draft', 'submitted', 'confirmed', 'withdrawn']),
          /** Points per indicator: the supervisor sees what he confirms; the chief sees only states. */
          scores: z.record(z.string(), z.number()).nullable(),
          submittedAt: z.string().nullable(),
        }),
      ),
      /** The candidate's computed score per kind in points, once every sheet is confirmed. */
      result: z.record(z.string(), z.number()).nullable(),
    }),
  ),
});
export type SheetBoard = z.infer<typeof SheetBoardSchema>;

/** The supervisor's confirmation of a submitted sheet; `computed` says the candidate's result now exists. */
export const SheetConfirmResultSchema = z.object({
  sheetId: z.uuid(),
  status: z.literal('confirmed'),
  computed: z.boolean(),
});
export type SheetConfirmResult = z.infer<typeof SheetConfirmResultSchema>;

/** A withdrawal's answer: the sheet as the server now holds it. */
export const SheetWithdrawResultSchema = SheetSyncResultSchema.omit({ replay: true });

/** The board's query: one group in one session. */
export const SheetBoardQuerySchema = z.object({
  sessionId: z.uuid().meta({ title: '场次' }),
  groupId: z.uuid().meta({ title: '面试组' }),
});

/** Reminding the examiners of a group who have not handed in (IVW-10), optionally for one candidate. */
export const SheetRemindSchema = z.object({
  sessionId: z.uuid().meta({ title: '场次' }),
  groupId: z.uuid().meta({ title: '面试组' }),
  interviewCandidateId: z.uuid().optional().meta({ title: '考生' }),
});
export const SheetRemindResultSchema = z.object({ reminded: z.number().int() });

/** Staff's results query: the event, optionally narrowed to a session and / or group. */
export const ScoringResultsQuerySchema = z.object({
  interviewEventId: z.uuid().meta({ title: '面试事项' }),
  sessionId: z.uuid().optional().meta({ title: '场次' }),
  groupId: z.uuid().optional().meta({ title: '面试组' }),
});

/** One computed interview score with each indicator's kept and dropped examiner scores (points). */
export const ScoringResultSchema = z.object({
  interviewCandidateId: z.uuid(),
  ticketNumber: z.string(),
  nameMasked: z.string(),
  orderNumber: z.number().int().nullable(),
  groupName: z.string(),
  sessionLabel: z.string(),
  kind: ScoredKindSchema,
  score: z.number(),
  examinerCount: z.number().int(),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kept: z.array(z.number()),
      dropped: z.array(z.number()),
    }),
  ),
  /** One sentence: how the score came about (extremes dropped or not, mean, weights). */
  explanation: z.string(),
  computedAt: z.string(),
  handedOverAt: z.string().nullable(),
});
export type ScoringResult = z.infer<typeof ScoringResultSchema>;
export const ScoringResultListSchema = z.object({ items: z.array(ScoringResultSchema) });

/** Moving a candidate to another session (interview time change), with the reason he is told. */
export const CandidateSessionChangeSchema = z.object({
  sessionId: z.uuid().meta({ title: '新场次' }),
  reason: z.string().trim().min(2, '请填写调整原因').max(200).meta({ title: '调整原因' }),
});
export const CandidateSessionChangeResultSchema = z.object({
  interviewCandidateId: z.uuid(),
  sessionId: z.uuid(),
  sessionLabel: z.string(),
  /** Whether the candidate was told by SMS (only candidates linked to a registration have a phone). */
  notified: z.boolean(),
});

/** An examiner's new tablet account: the one-time password is shown once, never again. */
export const ExaminerAccountSchema = z.object({
  staffUserId: z.uuid(),
  username: z.string(),
  oneTimePassword: z.string(),
  expiresAt: z.iso.datetime(),
});
export type ExaminerAccount = z.infer<typeof ExaminerAccountSchema>;
