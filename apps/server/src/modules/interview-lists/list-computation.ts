import type { EventPolicy } from '@kaolu/contracts';
import {
  computeQuota,
  formatCenti,
  parseScaled,
  rankColumns,
  selectInterviewList,
  type Centi,
  type InterviewList,
  type ListCandidate,
  type ListPosition,
} from '@kaolu/domain';
import type { ApprovedApplication } from '../applications';
import type { SelectionPosition } from '../positions';
import { passLineFor, type WrittenResultRow } from '../scores';
import type { LIST_ENTRY_STATUSES } from './interview-list.table';

type PassLines = Parameters<typeof passLineFor>[0];

/** What the lists are drawn from: the event's approved applicants, their scores and the positions. */
export type ListInputs = {
  policy: EventPolicy;
  positions: readonly SelectionPosition[];
  applications: readonly ApprovedApplication[];
  written: readonly WrittenResultRow[];
  passLines: PassLines;
  /** Candidates who failed the 体测 (INT-02): they never enter a list. */
  physicalTestFailed: ReadonlySet<string>;
};

export type ComputedEntry = {
  positionId: string;
  candidateId: string;
  applicationId: string;
  status: (typeof LIST_ENTRY_STATUSES)[number];
  writtenTotalCenti: Centi | null;
  rank: number | null;
  reason: string;
};

export type ComputedPosition = {
  positionId: string;
  unitId: string;
  positionCode: string;
  positionTitle: string;
  headcount: number;
  ratioCenti: number;
  quota: number;
  passLineCenti: Centi | null;
  lineCenti: Centi | null;
  tiedBeyondQuota: number;
  listed: number;
  shortfall: number;
};

/** The position's own ratio (1:N, per-position override) or the event policy's, in hundredths. */
export function ratioCentiOf(p: SelectionPosition, policy: EventPolicy): number {
  return parseScaled(p.interviewRatio ?? policy.interview.ratio, 2) ?? 300;
}

/**
 * First-round interview lists of an event (INT-02, §7): every approved applicant either enters
 * his position's list by written total (quota = headcount × ratio, ties with the last place all
 * enter) or gets the reason he did not — absent, below his category's pass line, failed the 体测,
 * or past the quota. The ratio and the tie rule are the domain engine's; this only assembles.
 */
export function computeFirstLists(inputs: ListInputs): {
  positions: ComputedPosition[];
  entries: ComputedEntry[];
} {
  const written = new Map(inputs.written.map((w) => [w.candidateId, w]));
  const byPosition = new Map(inputs.positions.map((p) => [p.id, p]));
  const entries: ComputedEntry[] = [];
  const candidates: ListCandidate[] = [];
  const applicationOf = new Map<string, string>();
  for (const a of inputs.applications) {
    if (!byPosition.has(a.positionId)) continue;
    const w = written.get(a.candidateId);
    const total = w?.totalCenti ?? null;
    const line = w ? passLineFor(inputs.passLines, w.examCategory, w.majorType) : undefined;
    const base = { positionId: a.positionId, candidateId: a.candidateId, rank: null };
    const entry = { ...base, applicationId: a.applicationId, writtenTotalCenti: total };
    if (total === null) {
      entries.push({ ...entry, status: 'below_cutoff', reason: '无笔试总成绩（缺考或成绩不全）' });
    } else if (line === undefined || total < line) {
      const why =
        line === undefined
          ? '本类别尚未设置合格线'
          : `笔试成绩 ${formatCenti(total)} 低于合格线 ${formatCenti(line)}`;
      entries.push({ ...entry, status: 'below_cutoff', reason: why });
    } else if (inputs.physicalTestFailed.has(a.candidateId)) {
      entries.push({ ...entry, status: 'physical_test_failed', reason: '体测不合格，不进入面试' });
    } else {
      candidates.push({ id: a.candidateId, positionId: a.positionId, score: total });
      applicationOf.set(a.candidateId, a.applicationId);
    }
  }
  const listPositions: ListPosition[] = inputs.positions.map((p) => ({
    id: p.id,
    headcount: p.headcount,
    ratio: (ratioCentiOf(p, inputs.policy) / 100).toFixed(2),
  }));
  const outcome = selectPerPosition(listPositions, candidates);
  const ranks = rankWithinPositions(candidates);
  for (const c of outcome.candidates) {
    entries.push({
      positionId: c.positionId,
      candidateId: c.candidateId,
      applicationId: applicationOf.get(c.candidateId)!,
      status: c.status === 'selected' ? 'listed' : c.status,
      writtenTotalCenti: written.get(c.candidateId)!.totalCenti,
      rank: ranks.get(c.candidateId) ?? null,
      reason: c.reason,
    });
  }
  const positions = outcome.positions.map((l): ComputedPosition => {
    const p = byPosition.get(l.positionId)!;
    const line = p.examCategory ? passLineFor(inputs.passLines, p.examCategory, null) : undefined;
    return {
      positionId: p.id,
      unitId: p.unitId,
      positionCode: p.code,
      positionTitle: p.title,
      headcount: p.headcount,
      ratioCenti: ratioCentiOf(p, inputs.policy),
      quota: computeQuota(p.headcount, ratioCentiOf(p, inputs.policy)),
      passLineCenti: line ?? null,
      lineCenti: l.lineScore,
      tiedBeyondQuota: l.tiedBeyondQuota,
      listed: l.selectedIds.length,
      shortfall: l.shortfall,
    };
  });
  return { positions, entries };
}

/**
 * The engine called once per position (NFR-PERF-1): a list depends only on its own position's
 * applicants (quota, line, ties), so the result is the same as one call over the event, while the
 * engine's ordering of all candidates costs n·log n over 2 M rows and only n·log(n / positions) here.
 */
function selectPerPosition(
  positions: readonly ListPosition[],
  candidates: readonly ListCandidate[],
) {
  const byPosition = new Map<string, ListCandidate[]>();
  for (const c of candidates) {
    const group = byPosition.get(c.positionId);
    if (group) group.push(c);
    else byPosition.set(c.positionId, [c]);
  }
  // Positions in their input order, so the figures come out as one call would give them.
  const lists: InterviewList = { positions: [], candidates: [] };
  for (const p of positions) {
    const outcome = selectInterviewList([p], byPosition.get(p.id) ?? []);
    // The inputs come from validated tables; a refusal here is a broken invariant, not user input.
    if (!outcome.ok) throw new Error(outcome.reasons.map((r) => r.message).join('；'));
    lists.positions.push(...outcome.value.positions);
    for (const c of outcome.value.candidates) lists.candidates.push(c);
  }
  return lists;
}

/** Competition rank (1, 1, 3) by written total within each position, for the candidate's view. */
function rankWithinPositions(candidates: readonly ListCandidate[]): Map<string, number> {
  const index = new Map<string, number>();
  const partition = candidates.map(
    (c) => index.get(c.positionId) ?? index.set(c.positionId, index.size).get(c.positionId)!,
  );
  const { rank } = rankColumns(candidates.length, {
    partition,
    keys: [{ values: candidates.map((c) => c.score), order: 'desc' }],
  });
  return new Map(candidates.map((c, i) => [c.id, rank[i]!]));
}
