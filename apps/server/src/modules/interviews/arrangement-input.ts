import type { ArrangementRules } from '@kaolu/contracts';
import {
  DEFAULT_EXAMINER_LOTTERY_RULES,
  type ExaminerLotteryInput,
  type ExaminerLotteryRules,
  type LotteryExaminer,
  type LotteryGroup,
} from '@kaolu/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { arrangementRules } from './arrangement.table';
import {
  examinerAssignment,
  interviewEvent,
  interviewExaminer,
  interviewGroup,
  interviewPosition,
  interviewRoom,
  interviewSession,
  interviewVenue,
} from './interview.table';

// Builds one session's examiner-draw input from the interview tables (IVW-04, §7 回避). The input is
// what the draw record keeps and anyone replays, so it holds codes (examiner codes, position codes),
// unit ids and districts, never a name, and it is sorted so the same tables give the same digest.

/** The draw input without its seed: the seed comes from the platform's committed draw. */
export type ExaminerDrawInput = Omit<ExaminerLotteryInput, 'seed'>;

/** The organiser's default rules (§7): one recruiting-unit examiner per group, no repeat in a row. */
export const DEFAULT_ARRANGEMENT_RULES: ArrangementRules = {
  maxRecruitingUnitPerGroup: DEFAULT_EXAMINER_LOTTERY_RULES.maxRecruitingUnitPerGroup,
  hostDistrict: null,
  minOutsideExaminers: DEFAULT_EXAMINER_LOTTERY_RULES.minOutsideExaminers,
  poolFactor: DEFAULT_EXAMINER_LOTTERY_RULES.poolFactor,
  professionalCountsAsStructured: DEFAULT_EXAMINER_LOTTERY_RULES.professionalCountsAsStructured,
  noRepeatInGroup: true,
};

export const HALF_DAY_LABELS = { am: '上午', pm: '下午' } as const;
export type SessionRow = typeof interviewSession.$inferSelect & { eventName: string };

/** A session with its event's name, or SESSION_NOT_FOUND. */
export async function loadSession(db: DbOrTx, sessionId: string): Promise<SessionRow> {
  const [row] = await db
    .select({ session: interviewSession, eventName: interviewEvent.name })
    .from(interviewSession)
    .innerJoin(interviewEvent, eq(interviewEvent.id, interviewSession.interviewEventId))
    .where(eq(interviewSession.id, sessionId));
  if (!row) throw new AppError('ARRANGEMENT.SESSION_NOT_FOUND');
  return { ...row.session, eventName: row.eventName };
}

export const sessionLabel = (s: { day: string; halfDay: 'am' | 'pm' }) =>
  `${s.day} ${HALF_DAY_LABELS[s.halfDay]}`;

/** The event's stored rules, or the defaults before the organiser saved any. */
export async function rulesOf(db: DbOrTx, eventId: string): Promise<ArrangementRules> {
  const [row] = await db
    .select()
    .from(arrangementRules)
    .where(eq(arrangementRules.interviewEventId, eventId));
  return row
    ? { ...DEFAULT_ARRANGEMENT_RULES, ...(row.rules as ArrangementRules) }
    : DEFAULT_ARRANGEMENT_RULES;
}

/** The groups sitting on the session's day: room, venue and the positions each keeps all day. */
export async function groupsOfSession(db: DbOrTx, session: SessionRow) {
  const groups = await db
    .select({ group: interviewGroup, roomName: interviewRoom.name, venueName: interviewVenue.name })
    .from(interviewGroup)
    .innerJoin(interviewRoom, eq(interviewRoom.id, interviewGroup.roomId))
    .innerJoin(interviewVenue, eq(interviewVenue.id, interviewRoom.venueId))
    .where(
      and(
        eq(interviewGroup.interviewEventId, session.interviewEventId),
        eq(interviewGroup.day, session.day),
      ),
    )
    .orderBy(asc(interviewGroup.name), asc(interviewGroup.id));
  const ids = groups.map((g) => g.group.id);
  const positions = ids.length
    ? await db
        .select()
        .from(interviewPosition)
        .where(inArray(interviewPosition.groupId, ids))
        .orderBy(asc(interviewPosition.code))
    : [];
  return groups.map((g) => ({
    ...g,
    positions: positions.filter((p) => p.groupId === g.group.id),
  }));
}

// An imported unit may lack a unit id: its name then stands for it, so 回避 still holds.
const unitKey = (unitId: string | null, unitName: string) => unitId ?? `name:${unitName}`;

/** The previous session of the same event (by day and half day), whose groups no one may repeat. */
async function previousAssignments(db: DbOrTx, session: SessionRow) {
  const sessions = await db
    .select()
    .from(interviewSession)
    .where(eq(interviewSession.interviewEventId, session.interviewEventId))
    .orderBy(asc(interviewSession.day), asc(interviewSession.halfDay));
  const at = sessions.findIndex((s) => s.id === session.id);
  const previous = at > 0 ? sessions[at - 1] : undefined;
  if (!previous) return {};
  const rows = await db
    .select({ groupId: examinerAssignment.groupId, code: interviewExaminer.code })
    .from(examinerAssignment)
    .innerJoin(interviewExaminer, eq(interviewExaminer.id, examinerAssignment.examinerId))
    .where(eq(examinerAssignment.sessionId, previous.id))
    .orderBy(asc(interviewExaminer.code));
  const byGroup: Record<string, string[]> = {};
  for (const r of rows) (byGroup[r.groupId] ??= []).push(r.code);
  return byGroup;
}

/**
 * The session's draw input (IVW-04): its groups with the positions they keep and their units, the
 * chief pool (chief-capable examiners, §7 their own pool), the examiner pool, and the event's
 * rules with the previous session's assignments when no one may sit twice in a row.
 */
export async function buildExaminerDrawInput(
  db: DbOrTx,
  session: SessionRow,
): Promise<ExaminerDrawInput> {
  const groups = await groupsOfSession(db, session);
  if (groups.length === 0) throw new AppError('ARRANGEMENT.NO_GROUPS');
  const stored = await rulesOf(db, session.interviewEventId);
  const examiners = await db
    .select()
    .from(interviewExaminer)
    .where(eq(interviewExaminer.interviewEventId, session.interviewEventId))
    .orderBy(asc(interviewExaminer.code));
  // Professional-capable examiners may take professional seats and still sit as structured ones.
  const lotteryExaminer = (e: (typeof examiners)[number]): LotteryExaminer => ({
    id: e.code,
    unitId: unitKey(e.unitId, e.unitName),
    ...(e.district ? { district: e.district } : {}),
    roles: e.professionalCapable ? ['structured', 'professional'] : ['structured'],
    conflictUnitIds: [...((e.conflictUnitIds as string[] | null) ?? [])].sort(),
    conflictPositionIds: [...((e.conflictPositionCodes as string[] | null) ?? [])].sort(),
  });
  const lotteryGroups: LotteryGroup[] = groups.map((g) => ({
    id: g.group.id,
    positions: g.positions.map((p) => ({ id: p.code, unitId: unitKey(p.unitId, p.unitName) })),
    fixed: g.group.fixedSeats,
    rotating: g.group.rotatingSeats,
    professional: g.group.professionalSeats,
  }));
  const rules: ExaminerLotteryRules = {
    maxRecruitingUnitPerGroup: stored.maxRecruitingUnitPerGroup,
    ...(stored.hostDistrict ? { hostDistrict: stored.hostDistrict } : {}),
    minOutsideExaminers: stored.minOutsideExaminers,
    poolFactor: stored.poolFactor,
    professionalCountsAsStructured: stored.professionalCountsAsStructured,
    ...(stored.noRepeatInGroup ? { previousSession: await previousAssignments(db, session) } : {}),
  };
  return {
    groups: lotteryGroups,
    chiefPool: examiners.filter((e) => e.chiefCapable).map(lotteryExaminer),
    examinerPool: examiners.filter((e) => !e.chiefCapable).map(lotteryExaminer),
    rules,
  };
}
