/** Seat kinds in an interview room (IVW-04, §7). */
export type SeatKind = 'chief' | 'rotating' | 'professional' | 'fixed';

/** An examiner of the pool: his unit and district drive 回避 and the 区外 quota. */
export type LotteryExaminer = {
  id: string;
  unitId: string;
  district?: string;
  /** 'professional' examiners score the professional interview; see professionalCountsAsStructured. */
  roles: readonly ('structured' | 'professional')[];
  /** Declared personal or family conflicts 回避申报. */
  conflictUnitIds?: readonly string[];
  conflictPositionIds?: readonly string[];
};

/** A room: the positions it keeps all day and its seats besides the chief. */
export type LotteryGroup = {
  id: string;
  positions: readonly { id: string; unitId: string }[];
  fixed: number;
  /** Rotating (unit) examiners, drawn from the recruiting units' own examiners. */
  rotating: number;
  professional: number;
};

/** The 回避 and balance rules of an examiner draw (IVW-04), with the defaults below. */
export type ExaminerLotteryRules = {
  maxRecruitingUnitPerGroup: number;
  /** The host district; examiners from elsewhere count as outside examiners. */
  hostDistrict?: string;
  minOutsideExaminers: number;
  poolFactor: number;
  /** Professional examiners also sit as structured examiners, so fixed seats shrink by that many. */
  professionalCountsAsStructured: boolean;
  /** Examiners who sat in a group in the previous session may not sit in it again. */
  previousSession?: Readonly<Record<string, readonly string[]>>;
};

// Default: at most one examiner of a recruiting unit per room; the pool holds ≥ 1.2 × the examiners
// needed.
export const DEFAULT_EXAMINER_LOTTERY_RULES: ExaminerLotteryRules = {
  maxRecruitingUnitPerGroup: 1,
  minOutsideExaminers: 0,
  poolFactor: 1.2,
  professionalCountsAsStructured: true,
};

/** One session's draw: groups, the chief and examiner pools, rules and the recorded seed. */
export type ExaminerLotteryInput = {
  groups: readonly LotteryGroup[];
  chiefPool: readonly LotteryExaminer[];
  examinerPool: readonly LotteryExaminer[];
  rules: ExaminerLotteryRules;
  seed: string;
};

/** One examiner in one seat of one group: the draw's output and the validator's input. */
export type SeatAssignment = { groupId: string; seat: SeatKind; examinerId: string };
