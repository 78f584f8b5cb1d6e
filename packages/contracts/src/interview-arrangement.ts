import { z } from 'zod';

// Examiner arrangement 考官编排 (IVW-04, IVW-07) and verifiable draws 抽签公示 (REG-08): what the
// interview portal, the admin pages and the public replay page show.

/** The §7 回避 rules of one interview event's examiner draws, edited by the organiser. */
export const ArrangementRulesSchema = z.object({
  maxRecruitingUnitPerGroup: z.number().int().min(0).max(3).meta({ title: '每组招录单位考官上限' }),
  hostDistrict: z.string().trim().max(20).nullable().meta({ title: '本区（区外考官以此判断）' }),
  minOutsideExaminers: z.number().int().min(0).max(9).meta({ title: '每组区外考官下限' }),
  poolFactor: z.number().min(1).max(3).meta({ title: '考官库倍数' }),
  professionalCountsAsStructured: z.boolean().meta({ title: '专业考官兼任结构化考官' }),
  noRepeatInGroup: z.boolean().meta({ title: '同一考官不得连续两场在同一组' }),
});
export type ArrangementRules = z.infer<typeof ArrangementRulesSchema>;

/** One problem the simulation or validator found, in Chinese. */
const ProblemSchema = z.object({ code: z.string(), message: z.string() });

/** The simulated draw's report (IVW-04): how often each rule failed over many seeds. */
export const SimulationReportSchema = z.object({
  runs: z.number().int(),
  succeeded: z.number().int(),
  failures: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int() })),
  problems: z.array(ProblemSchema),
  // A sample draw of the simulation, validated: shown so the organiser sees what a draw looks like.
  sample: z.array(z.object({ groupName: z.string(), seats: z.array(z.string()) })),
  sampleProblems: z.array(ProblemSchema),
  inputDigest: z.string(),
});
export type SimulationReport = z.infer<typeof SimulationReportSchema>;

// Seat names as the interview room says them (§7), shared by the pages, the export and the CLI.
export const SEAT_LABELS = {
  chief: '主考官',
  rotating: '轮换考官',
  professional: '专业考官',
  fixed: '固定考官',
} as const;
export const SeatKindSchema = z.enum(['chief', 'rotating', 'professional', 'fixed']);

export const DrawStatusSchema = z.enum(['committed', 'drawn', 'superseded']);
export const DRAW_STATUS_LABELS = {
  committed: '已公布种子哈希，待抽签',
  drawn: '已抽签',
  superseded: '已被重新抽签取代',
} as const;
// Every kind of verifiable draw (REG-08) by its Chinese name, for the public page.
export const DRAW_KIND_LABELS: Record<string, string> = {
  examiners: '考官抽签',
  candidates: '考生抽签',
  selection_groups: '选调生分组抽签',
  exam_seats: '考场座位编排',
};

// The reason is optional for the first draw of a session and required (server-side) for a redraw.
export const CommitDrawBodySchema = z.object({
  redrawReason: z.string().trim().max(200).optional().meta({ title: '重新抽签原因' }),
});
export const CommittedDrawSchema = z.object({ drawId: z.uuid(), seedHash: z.string() });

/** One seat of the arrangement table, as staff see it (the name masked, NFR-SEC-2). */
const ArrangedSeatSchema = z.object({
  seat: SeatKindSchema,
  examinerCode: z.string(),
  examinerName: z.string(),
  unitName: z.string(),
  checkedInAt: z.string().nullable(),
});

/** The arrangement table 考官编排表 of one session, with the draw it came from. */
export const ArrangementSchema = z.object({
  sessionId: z.uuid(),
  sessionLabel: z.string(),
  eventName: z.string(),
  draw: z
    .object({
      drawId: z.uuid(),
      status: DrawStatusSchema,
      seedHash: z.string(),
      committedAt: z.string(),
      drawnAt: z.string().nullable(),
    })
    .nullable(),
  groups: z.array(
    z.object({
      groupName: z.string(),
      roomName: z.string(),
      venueName: z.string(),
      positions: z.array(z.string()),
      seats: z.array(ArrangedSeatSchema),
    }),
  ),
});
export type Arrangement = z.infer<typeof ArrangementSchema>;

/** The sessions of an event the arrangement pages pick from. */
export const ArrangementSessionsSchema = z.object({
  eventName: z.string(),
  sessions: z.array(z.object({ id: z.uuid(), label: z.string(), drawn: z.boolean() })),
});

/** The interview events within the caller's scope, for the arrangement and check-in pages. */
export const ArrangementEventsSchema = z.array(z.object({ id: z.uuid(), name: z.string() }));

export const ExaminerCheckinBodySchema = z.object({
  sessionId: z.uuid(),
  examinerCode: z.string().trim().min(1).max(40).meta({ title: '考官编号' }),
});
/** What the examiner learns at check-in (IVW-07): where the draw put him. */
export const ExaminerCheckinSchema = z.object({
  examinerCode: z.string(),
  examinerName: z.string(),
  seat: SeatKindSchema,
  groupName: z.string(),
  roomName: z.string(),
  venueName: z.string(),
  checkedInAt: z.string(),
});
export type ExaminerCheckin = z.infer<typeof ExaminerCheckinSchema>;

/** A draw as anyone may see it (REG-08): codes only, never names. */
export const PublicDrawSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  scopeLabel: z.string(),
  status: DrawStatusSchema,
  seedHash: z.string(),
  seed: z.string().nullable(),
  algorithm: z.string(),
  inputDigest: z.string().nullable(),
  committedAt: z.string(),
  drawnAt: z.string().nullable(),
  redrawReason: z.string().nullable(),
  supersedes: z.uuid().nullable(),
  supersededBy: z.uuid().nullable(),
  summary: z.array(z.object({ label: z.string(), codes: z.array(z.string()) })),
});
export type PublicDraw = z.infer<typeof PublicDrawSchema>;

/** The replay's two answers: the seed hashes to the published value; the result is the same. */
export const DrawReplaySchema = z.object({
  seedMatchesHash: z.boolean(),
  resultMatches: z.boolean(),
});
export type DrawReplay = z.infer<typeof DrawReplaySchema>;
