import { formatCenti, parseScaled, type Centi } from '../shared/decimal';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import { selectInterviewColumns } from './select-columns';

/** A position with its hiring count, interview ratio (e.g. 3 for 1:3) and optional cut-off score. */
export type ListPosition = {
  id: string;
  headcount: number;
  ratio: number | string;
  cutoff?: Centi;
};
/** A candidate applying to one position, with the score the list is drawn by. */
export type ListCandidate = { id: string; positionId: string; score: Centi };

/** Why a candidate is on the list or not: under the cut-off, or past the quota without a tie. */
export type CandidateListOutcome = {
  candidateId: string;
  positionId: string;
  status: 'selected' | 'below_cutoff' | 'outside_quota';
  reason: string;
};

/** One position's interview list: its quota, who is on it, the line score and any shortfall. */
export type PositionList = {
  positionId: string;
  quota: number;
  selectedIds: string[];
  lineScore: Centi | null;
  /** Candidates taken beyond the quota because they tie with the last place. */
  tiedBeyondQuota: number;
  shortfall: number;
};

export type InterviewList = { positions: PositionList[]; candidates: CandidateListOutcome[] };

/** quota = ceil(headcount × ratio); the ratio may have two decimals (1:2.5). */
export function computeQuota(headcount: number, ratioCenti: number): number {
  return Math.ceil((headcount * ratioCenti) / 100);
}

/**
 * Interview list by ratio per position (INT-02, §7 "1:3 … everyone tied with the last place enters"),
 * with every position's shortfall and a reason for each candidate.
 */
export function selectInterviewList(
  positions: readonly ListPosition[],
  candidates: readonly ListCandidate[],
): Outcome<InterviewList> {
  const reasons: Problem[] = [];
  const index = new Map<string, number>();
  const quota: number[] = [];
  positions.forEach((p, i) => {
    const ratio = parseScaled(p.ratio, 2);
    if (index.has(p.id))
      reasons.push(problem('LIST.DUPLICATE_POSITION', `职位 ${p.id} 重复`, `positions[${i}].id`));
    if (!Number.isInteger(p.headcount) || p.headcount < 1)
      reasons.push(
        problem(
          'LIST.BAD_HEADCOUNT',
          `职位 ${p.id} 的招录人数应为正整数`,
          `positions[${i}].headcount`,
        ),
      );
    if (ratio === null || ratio < 100)
      reasons.push(
        problem(
          'LIST.BAD_RATIO',
          `职位 ${p.id} 的面试比例应不小于1且最多两位小数`,
          `positions[${i}].ratio`,
        ),
      );
    if (p.cutoff !== undefined && !Number.isSafeInteger(p.cutoff))
      reasons.push(
        problem('LIST.BAD_CUTOFF', `职位 ${p.id} 的分数线无效`, `positions[${i}].cutoff`),
      );
    index.set(p.id, i);
    quota.push(ratio === null ? 0 : computeQuota(p.headcount, ratio));
  });
  const seen = new Set<string>();
  candidates.forEach((c, i) => {
    if (seen.has(c.id))
      reasons.push(problem('LIST.DUPLICATE_CANDIDATE', `考生 ${c.id} 重复`, `candidates[${i}].id`));
    seen.add(c.id);
    if (!index.has(c.positionId))
      reasons.push(
        problem(
          'LIST.UNKNOWN_POSITION',
          `考生 ${c.id} 报考的职位 ${c.positionId} 不存在`,
          `candidates[${i}].positionId`,
        ),
      );
    if (!Number.isSafeInteger(c.score))
      reasons.push(problem('LIST.BAD_SCORE', `考生 ${c.id} 的成绩无效`, `candidates[${i}].score`));
  });
  if (reasons.length > 0) return { ok: false, reasons };
  const result = selectInterviewColumns({
    candidatePosition: candidates.map((c) => index.get(c.positionId)!),
    candidateScore: candidates.map((c) => c.score),
    positionQuota: quota,
    positionCutoff: positions.map((p) => p.cutoff ?? Number.MIN_SAFE_INTEGER),
  });
  const lists: PositionList[] = positions.map((p, i) => ({
    positionId: p.id,
    quota: quota[i]!,
    selectedIds: [],
    lineScore: result.selectedCount[i]! > 0 ? result.lineScore[i]! : null,
    tiedBeyondQuota: Math.max(0, result.selectedCount[i]! - quota[i]!),
    shortfall: result.shortfall[i]!,
  }));
  const ranked = candidates
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.score - a.c.score || (a.c.id < b.c.id ? -1 : 1));
  const outcomes: CandidateListOutcome[] = ranked.map(({ c, i }) => {
    const p = index.get(c.positionId)!;
    const cutoff = positions[p]!.cutoff;
    if (result.selected[i]) {
      lists[p]!.selectedIds.push(c.id);
      return {
        candidateId: c.id,
        positionId: c.positionId,
        status: 'selected',
        reason: `笔试成绩 ${formatCenti(c.score)} 进入面试名单`,
      };
    }
    if (cutoff !== undefined && c.score < cutoff) {
      return {
        candidateId: c.id,
        positionId: c.positionId,
        status: 'below_cutoff',
        reason: `笔试成绩 ${formatCenti(c.score)} 低于分数线 ${formatCenti(cutoff)}`,
      };
    }
    return {
      candidateId: c.id,
      positionId: c.positionId,
      status: 'outside_quota',
      reason: `面试名额 ${quota[p]} 人已满，入围最低分 ${formatCenti(result.lineScore[p]!)}`,
    };
  });
  return { ok: true, value: { positions: lists, candidates: outcomes } };
}
