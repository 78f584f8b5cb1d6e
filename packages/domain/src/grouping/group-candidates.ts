import type { Gender } from '../identity/id-number';
import {
  createDrawRecord,
  createSeededRandom,
  deriveSeed,
  type DrawRecord,
} from '../random/seeded-random';
import { createFlowNetwork } from '../shared/max-flow';
import { problem, type Outcome, type Problem } from '../shared/outcome';

/** unitId and schoolId, when known, drive 回避: no examiner of the same unit or school. */
export type GroupingCandidate = { id: string; gender: Gender; unitId?: string; schoolId?: string };
export type GroupingExaminer = { id: string; unitId?: string; schoolId?: string };
/** REG-02c input; the seed is recorded so that the same input redraws the same groups. */
export type GroupingInput = {
  candidates: readonly GroupingCandidate[];
  examiners: readonly GroupingExaminer[];
  groupSize: number;
  examinersPerGroup: number;
  /** How many groups one examiner may serve (default 1). */
  maxGroupsPerExaminer?: number;
  seed: string;
};
/** One group of one gender, with the examiners assigned to it. */
export type CandidateGroup = {
  id: string;
  gender: Gender;
  candidateIds: string[];
  examinerIds: string[];
};

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Sizes of g groups for n people differing by at most one: the first n mod g get one more. */
export function splitSizes(n: number, targetSize: number): number[] {
  const count = Math.ceil(n / targetSize);
  return Array.from({ length: count }, (_, i) => Math.floor(n / count) + (i < n % count ? 1 : 0));
}

/**
 * 选调生 grouping (REG-02c): split by gender, shuffle each class with the recorded seed, cut into groups
 * whose sizes differ by at most one, and give each group K examiners by maximum flow so that no
 * examiner meets a candidate of his own unit or school — or explain why that is impossible.
 */
export function groupCandidates(
  input: GroupingInput,
): Outcome<{ groups: CandidateGroup[]; record: DrawRecord }> {
  const reasons = validateGrouping(input);
  if (reasons.length > 0) return { ok: false, reasons };
  // Sorted by id before any shuffle: the recorded seed reproduces the draw whatever the input
  // order.
  const candidates = [...input.candidates].sort(byId);
  const groups: CandidateGroup[] = [];
  const members: GroupingCandidate[][] = [];
  for (const gender of ['male', 'female'] as const) {
    // One derived stream per class, so the men's draw does not depend on how many women there are.
    const shuffled = createSeededRandom(deriveSeed(input.seed, gender)).shuffle(
      candidates.filter((c) => c.gender === gender),
    );
    let offset = 0;
    splitSizes(shuffled.length, input.groupSize).forEach((size, i) => {
      const part = shuffled.slice(offset, (offset += size));
      members.push(part);
      groups.push({
        id: `${gender === 'male' ? '男' : '女'}${i + 1}组`,
        gender,
        candidateIds: part.map((c) => c.id),
        examinerIds: [],
      });
    });
  }
  // Shuffled too: which feasible assignment the flow finds then follows the seed, not the lowest
  // ids.
  const examiners = createSeededRandom(deriveSeed(input.seed, 'examiners')).shuffle(
    [...input.examiners].sort(byId),
  );
  const assignment = assignGroupExaminers(
    members,
    examiners,
    input.examinersPerGroup,
    input.maxGroupsPerExaminer ?? 1,
  );
  if (!assignment.ok) return assignment;
  assignment.value.forEach((ids, g) => (groups[g]!.examinerIds = ids));
  const record = createDrawRecord(input.seed, {
    candidates,
    examiners: [...input.examiners].sort(byId),
    groupSize: input.groupSize,
    examinersPerGroup: input.examinersPerGroup,
    maxGroupsPerExaminer: input.maxGroupsPerExaminer ?? 1,
  });
  return { ok: true, value: { groups, record } };
}

/** True when the examiner must avoid the candidate (same unit or same school). */
export function mustAvoid(examiner: GroupingExaminer, candidate: GroupingCandidate): boolean {
  return (
    (examiner.unitId !== undefined && examiner.unitId === candidate.unitId) ||
    (examiner.schoolId !== undefined && examiner.schoolId === candidate.schoolId)
  );
}

/** K examiners per group by maximum flow under avoidance, each examiner in at most perExaminer groups. */
export function assignGroupExaminers(
  members: readonly (readonly GroupingCandidate[])[],
  examiners: readonly GroupingExaminer[],
  k: number,
  perExaminer: number,
): Outcome<string[][]> {
  const g = members.length;
  const source = g + examiners.length;
  const sink = source + 1;
  const net = createFlowNetwork(sink + 1);
  const edges: { group: number; examiner: number; edge: number }[] = [];
  const allowedPerGroup = members.map(() => 0);
  members.forEach((group, gi) => {
    net.addEdge(source, gi, k);
    examiners.forEach((ex, ei) => {
      if (group.some((c) => mustAvoid(ex, c))) return;
      allowedPerGroup[gi]! += 1;
      edges.push({ group: gi, examiner: ei, edge: net.addEdge(gi, g + ei, 1) });
    });
  });
  examiners.forEach((_, ei) => net.addEdge(g + ei, sink, perExaminer));
  const flow = net.maxFlow(source, sink);
  // Short of g × k seats: name the groups that have too few examiners left after 回避, else the
  // total.
  if (flow < g * k) {
    const reasons: Problem[] = [];
    allowedPerGroup.forEach((n, gi) => {
      if (n < k)
        reasons.push(
          problem(
            'GROUPING.TOO_FEW_EXAMINERS',
            `第 ${gi + 1} 组回避后只有 ${n} 名考官可用，需要 ${k} 名`,
            `groups[${gi}]`,
          ),
        );
    });
    if (reasons.length === 0) {
      reasons.push(
        problem(
          'GROUPING.INFEASIBLE',
          `回避约束下最多只能安排 ${flow} 个考官席位，共需要 ${g * k} 个`,
          'examiners',
        ),
      );
    }
    return { ok: false, reasons };
  }
  const result = members.map(() => [] as string[]);
  for (const e of edges)
    if (net.flowOn(e.edge) > 0) result[e.group]!.push(examiners[e.examiner]!.id);
  return { ok: true, value: result };
}

/** Sizes, seed, duplicates and genders checked up front, every problem with its field. */
function validateGrouping(input: GroupingInput): Problem[] {
  const reasons: Problem[] = [];
  if (!Number.isInteger(input.groupSize) || input.groupSize < 1)
    reasons.push(problem('GROUPING.BAD_SIZE', '每组人数应为正整数', 'groupSize'));
  if (!Number.isInteger(input.examinersPerGroup) || input.examinersPerGroup < 1)
    reasons.push(problem('GROUPING.BAD_SIZE', '每组考官人数应为正整数', 'examinersPerGroup'));
  if (input.seed.length === 0) reasons.push(problem('GROUPING.NO_SEED', '缺少随机种子', 'seed'));
  const ids = new Set<string>();
  input.candidates.forEach((c, i) => {
    if (ids.has(c.id))
      reasons.push(problem('GROUPING.DUPLICATE', `考生 ${c.id} 重复`, `candidates[${i}].id`));
    ids.add(c.id);
    if (c.gender !== 'male' && c.gender !== 'female')
      reasons.push(
        problem('GROUPING.BAD_GENDER', `考生 ${c.id} 性别无效`, `candidates[${i}].gender`),
      );
  });
  const exIds = new Set<string>();
  input.examiners.forEach((e, i) => {
    if (exIds.has(e.id))
      reasons.push(problem('GROUPING.DUPLICATE', `考官 ${e.id} 重复`, `examiners[${i}].id`));
    exIds.add(e.id);
  });
  return reasons;
}
