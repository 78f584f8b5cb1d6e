import type { EventPolicy } from '@kaolu/contracts';
import {
  compositeScore,
  formatCenti,
  rankRows,
  weightsWithoutProfessional,
  type Centi,
  type CompositeWeights,
} from '@kaolu/domain';
import type { ListedCandidate } from './composite-inputs';

/** A listed candidate's interview scores as stored (hundredths; both null when absent). */
export type StoredScore = { structured: Centi | null; professional: Centi | null; absent: boolean };

/** One candidate's computed composite, rank and physical-exam outcome, with his explanation. */
export type ComputedComposite = {
  candidateId: string;
  positionId: string;
  unitId: string;
  examCategory: string;
  writtenCenti: Centi;
  structuredCenti: Centi | null;
  professionalCenti: Centi | null;
  absent: boolean;
  compositeCenti: Centi | null;
  passed: boolean;
  rank: number | null;
  physicalExam: boolean;
  explanation: string;
};

// The tie order of §7 as the domain's ranking keys: composite, then interview, then written.
const KEYS = [
  { field: 'composite', label: '综合成绩' },
  { field: 'interview', label: '面试成绩' },
  { field: 'written', label: '笔试成绩' },
];

/** The event's weights (whole percents) in the domain's ten-thousandths. */
export function eventWeights(policy: EventPolicy): CompositeWeights {
  const w = policy.scoreWeights;
  return {
    written: w.written * 100,
    structured: w.interview * 100,
    professional: w.professional * 100,
  };
}

/**
 * Composites of every listed candidate (§7, IVW-08, INT-07): the domain's compositeScore with the
 * event's weights (a category without 专业分 carries w3 on the structured interview); the interview
 * (structured) score must reach the pass mark to be ranked; ranks per position by rankRows with
 * the stated tie order; the physical-exam list takes rank ≤ headcount, so all tied at the last place enter.
 */
export function computeComposites(
  policy: EventPolicy,
  passMark: Centi,
  listed: readonly ListedCandidate[],
  scores: ReadonlyMap<string, StoredScore>,
): ComputedComposite[] {
  const weights = eventWeights(policy);
  const drafts = listed.map((c) => {
    // The service refuses to compute while a listed candidate has no scores.
    const s = scores.get(c.candidateId)!;
    const own = c.hasProfessional ? weights : weightsWithoutProfessional(weights);
    const base = {
      candidateId: c.candidateId,
      positionId: c.position.id,
      unitId: c.position.unitId,
      examCategory: c.examCategory,
      writtenCenti: c.writtenCenti,
      structuredCenti: s.structured,
      professionalCenti: c.hasProfessional ? s.professional : null,
      absent: s.absent,
    };
    if (s.absent || s.structured === null)
      return {
        ...base,
        compositeCenti: null,
        passed: false,
        text: '面试缺考，没有面试成绩和综合成绩',
      };
    const { composite, formula } = compositeScore(
      {
        writtenConverted: c.writtenCenti,
        structured: s.structured,
        professional: base.professionalCenti,
      },
      own,
    );
    const folded =
      !c.hasProfessional && weights.professional > 0
        ? `（「${c.examCategoryName}」不设专业分，专业分权重 ${weights.professional / 10000} 并入结构化面试）`
        : '';
    // As in computeInterviewResults: the pass mark applies to the structured interview score.
    const passed = s.structured >= passMark;
    const verdict = `面试成绩（结构化面试）${formatCenti(s.structured)} ${passed ? '达到' : '未达到'}合格分数线 ${formatCenti(passMark)}`;
    return {
      ...base,
      compositeCenti: composite,
      passed,
      text: `综合成绩 = ${formula}${folded}；${verdict}`,
    };
  });
  // Only those who passed the interview are ranked (§7: 60 to continue).
  const ranked = rankRows(
    drafts
      .filter((d) => d.passed)
      .map((d) => ({
        id: d.candidateId,
        partition: d.positionId,
        values: {
          composite: d.compositeCenti!,
          interview: d.structuredCenti!,
          written: d.writtenCenti,
        },
      })),
    { keys: KEYS },
  );
  // The rows are built from validated integers, so the ranking cannot refuse them.
  if (!ranked.ok) throw new Error(`ranking refused: ${JSON.stringify(ranked.reasons)}`);
  const rankOf = new Map(ranked.value.map((r) => [r.id, r]));
  const passedIn = new Map<string, number>();
  for (const r of ranked.value) passedIn.set(r.partition, (passedIn.get(r.partition) ?? 0) + 1);
  const headcount = new Map(listed.map((c) => [c.position.id, c.position]));
  // Per position: how many enter the physical exam (rank ≤ headcount) and the last rank entering;
  // more entering than places means everyone at that last rank tied and all of them enter.
  const entering = new Map<string, { count: number; lastRank: number }>();
  for (const r of ranked.value) {
    if (r.rank > headcount.get(r.partition)!.headcount) continue;
    const e = entering.get(r.partition) ?? { count: 0, lastRank: 0 };
    entering.set(r.partition, { count: e.count + 1, lastRank: Math.max(e.lastRank, r.rank) });
  }
  return drafts.map(({ text, ...d }) => {
    const position = headcount.get(d.positionId)!;
    const r = rankOf.get(d.candidateId);
    if (!r)
      return {
        ...d,
        rank: null,
        physicalExam: false,
        explanation: `${text}，不参加排名，不进入体检`,
      };
    // Competition ranks: rank ≤ headcount takes everyone tied at the last place too.
    const physicalExam = r.rank <= position.headcount;
    const tiedAll = r.position > 1 && r.separatedBy === null;
    const tie = tiedAll
      ? '（与前一名各项成绩均相同，名次并列）'
      : r.separatedBy && r.separatedBy !== '综合成绩'
        ? `（与前一名综合成绩相同，按${r.separatedBy}排在其后）`
        : '';
    const e = entering.get(d.positionId);
    const beyond =
      physicalExam && e && e.count > position.headcount && r.rank === e.lastRank
        ? `，末位第 ${r.rank} 名成绩完全相同的考生一并进入体检（共 ${e.count} 人）`
        : '';
    const outcome = physicalExam ? `进入体检名单${beyond}` : '名次在招录人数之外，未进入体检名单';
    const explanation =
      `${text}；在职位「${position.title}」面试合格的 ${passedIn.get(d.positionId)} 人中排名第 ${r.rank}${tie}` +
      `（依次按综合成绩、面试成绩、笔试成绩从高到低排序）；该职位招录 ${position.headcount} 人，${outcome}`;
    return { ...d, rank: r.rank, physicalExam, explanation };
  });
}
