import { problem, type Problem } from '../shared/outcome';
import type {
  ExaminerLotteryInput,
  ExaminerLotteryRules,
  LotteryExaminer,
  LotteryGroup,
  SeatAssignment,
  SeatKind,
} from './examiner-lottery.types';

/** Seats of a group in the order they are drawn: the most constrained first. */
export function seatsOf(group: LotteryGroup, rules: ExaminerLotteryRules): SeatKind[] {
  // An examiner who scores both ways fills a fixed seat too, so fewer fixed seats remain to draw.
  const fixed = rules.professionalCountsAsStructured
    ? Math.max(0, group.fixed - group.professional)
    : group.fixed;
  return [
    'chief',
    ...Array<SeatKind>(group.rotating).fill('rotating'),
    ...Array<SeatKind>(group.professional).fill('professional'),
    ...Array<SeatKind>(fixed).fill('fixed'),
  ];
}

/** The units whose positions a group interviews: the basis of every 回避 rule below. */
export const recruitingUnits = (group: LotteryGroup): Set<string> =>
  new Set(group.positions.map((p) => p.unitId));
/** 区外考官: from another district than the host; unknown districts never count as outside. */
export const isOutside = (e: LotteryExaminer, rules: ExaminerLotteryRules): boolean =>
  rules.hostDistrict !== undefined && e.district !== undefined && e.district !== rules.hostDistrict;

/** Why this examiner cannot take this seat next to those already in the room, or null. */
export function seatConflict(
  e: LotteryExaminer,
  seat: SeatKind,
  group: LotteryGroup,
  room: readonly LotteryExaminer[],
  rules: ExaminerLotteryRules,
): { code: string; message: string } | null {
  const units = recruitingUnits(group);
  if (seat === 'rotating' && !units.has(e.unitId))
    return { code: 'EXAMINER.ROTATING_NOT_UNIT', message: `轮换考官 ${e.id} 不属于本组招录单位` };
  if (seat === 'professional' && !e.roles.includes('professional'))
    return { code: 'EXAMINER.NOT_PROFESSIONAL', message: `考官 ${e.id} 不是专业考官` };
  if ((seat === 'fixed' || seat === 'rotating') && !e.roles.includes('structured'))
    return { code: 'EXAMINER.NOT_STRUCTURED', message: `考官 ${e.id} 不是结构化考官` };
  if (seat === 'chief' && units.has(e.unitId))
    return {
      code: 'EXAMINER.CHIEF_OWN_UNIT',
      message: `主考官 ${e.id} 不得为本单位职位担任主考官`,
    };
  // 回避 (IVW-04): two examiners of one unit never share a room, and the recruiting units' own
  // examiners are capped per group (maxRecruitingUnitPerGroup).
  if (room.some((r) => r.unitId === e.unitId))
    return { code: 'EXAMINER.SAME_UNIT_IN_ROOM', message: `考官 ${e.id} 与同单位考官同在一个考场` };
  if (
    units.has(e.unitId) &&
    room.filter((r) => units.has(r.unitId)).length >= rules.maxRecruitingUnitPerGroup
  ) {
    return {
      code: 'EXAMINER.TOO_MANY_RECRUITING',
      message: `本组招录单位考官已达 ${rules.maxRecruitingUnitPerGroup} 名`,
    };
  }
  if (
    e.conflictUnitIds?.some((u) => units.has(u)) ||
    e.conflictPositionIds?.some((p) => group.positions.some((x) => x.id === p))
  ) {
    return {
      code: 'EXAMINER.DECLARED_CONFLICT',
      message: `考官 ${e.id} 申报了与本组职位的回避关系`,
    };
  }
  // Configurable: nobody sits in the same group twice in a row.
  if (rules.previousSession?.[group.id]?.includes(e.id))
    return { code: 'EXAMINER.REPEAT_IN_GROUP', message: `考官 ${e.id} 上一场已在本组` };
  return null;
}

/** Checks a complete draw against every rule; each violation names the group and seat (IVW-04 validator). */
export function validateExaminerDraw(
  input: ExaminerLotteryInput,
  seats: readonly SeatAssignment[],
): Problem[] {
  const reasons: Problem[] = [];
  const chiefs = new Map(input.chiefPool.map((e) => [e.id, e]));
  const pool = new Map(input.examinerPool.map((e) => [e.id, e]));
  const used = new Set<string>();
  for (const group of input.groups) {
    const mine = seats.filter((s) => s.groupId === group.id);
    const expected = seatsOf(group, input.rules);
    for (const kind of new Set(expected)) {
      const want = expected.filter((k) => k === kind).length;
      const have = mine.filter((s) => s.seat === kind).length;
      if (want !== have)
        reasons.push(
          problem(
            'EXAMINER.SEAT_COUNT',
            `${group.id} 组${kind}席位应为 ${want} 人，实际 ${have} 人`,
            `groups.${group.id}.${kind}`,
          ),
        );
    }
    // The seats are replayed in order, so each is judged against the room as it stood when filled.
    const room: LotteryExaminer[] = [];
    mine.forEach((s, k) => {
      const at = `groups.${group.id}.seats[${k}]`;
      const e = (s.seat === 'chief' ? chiefs : pool).get(s.examinerId);
      if (!e)
        return void reasons.push(
          problem(
            'EXAMINER.NOT_IN_POOL',
            `考官 ${s.examinerId} 不在${s.seat === 'chief' ? '主考官' : '考官'}库中`,
            at,
          ),
        );
      if (used.has(e.id)) reasons.push(problem('EXAMINER.TWICE', `考官 ${e.id} 被重复抽中`, at));
      used.add(e.id);
      const conflict = seatConflict(e, s.seat, group, room, input.rules);
      if (conflict) reasons.push(problem(conflict.code, conflict.message, at));
      room.push(e);
    });
    // Checked on the whole room: the minimum of 区外 examiners is a property of the group, not a
    // seat.
    const outside = room.filter((e) => isOutside(e, input.rules)).length;
    if (outside < input.rules.minOutsideExaminers) {
      reasons.push(
        problem(
          'EXAMINER.TOO_FEW_OUTSIDE',
          `${group.id} 组区外考官 ${outside} 名，少于 ${input.rules.minOutsideExaminers} 名`,
          `groups.${group.id}`,
        ),
      );
    }
  }
  return reasons;
}
