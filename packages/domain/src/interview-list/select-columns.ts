import { orderByColumns } from '../shared/radix-order';
import { assertInvariant } from '../shared/outcome';

/** Columnar interview-list input: per candidate its position index and score, per position quota and cut-off. */
export type InterviewListColumns = {
  candidatePosition: ArrayLike<number>;
  candidateScore: ArrayLike<number>;
  positionQuota: ArrayLike<number>;
  positionCutoff: ArrayLike<number>;
};

export type InterviewListColumnsResult = {
  selected: Uint8Array;
  selectedCount: Uint32Array;
  /** Lowest selected score per position (the interview line), or -1 when nobody was selected. */
  lineScore: Int32Array;
  shortfall: Uint32Array;
};

/**
 * Interview list by ratio on columns (INT-02, §7): per position take candidates at or above the
 * cut-off by score up to the quota, plus everyone tied with the last taken; quota minus taken is the shortfall.
 */
export function selectInterviewColumns(input: InterviewListColumns): InterviewListColumnsResult {
  const n = input.candidateScore.length;
  const positions = input.positionQuota.length;
  assertInvariant(input.candidatePosition.length === n, 'one position per candidate');
  const order = orderByColumns(n, [
    { values: input.candidatePosition, order: 'asc' },
    { values: input.candidateScore, order: 'desc' },
  ]);
  const selected = new Uint8Array(n);
  const selectedCount = new Uint32Array(positions);
  const lineScore = new Int32Array(positions).fill(-1);
  for (let k = 0; k < n; k++) {
    const row = order[k]!;
    const p = input.candidatePosition[row]!;
    const score = input.candidateScore[row]!;
    if (score < input.positionCutoff[p]!) continue;
    // Below quota anyone qualifies; at or past it only a tie with the last taken score does.
    if (selectedCount[p]! < input.positionQuota[p]! || score === lineScore[p]) {
      selected[row] = 1;
      selectedCount[p]! += 1;
      lineScore[p] = score;
    }
  }
  const shortfall = new Uint32Array(positions);
  for (let p = 0; p < positions; p++)
    shortfall[p] = Math.max(0, input.positionQuota[p]! - selectedCount[p]!);
  return { selected, selectedCount, lineScore, shortfall };
}
