import {
  adjustPositions,
  allocatePreferences,
  checkEligibility,
  computeInterviewResults,
  dispatchExaminers,
  DEFAULT_ELIGIBILITY_POLICY,
  type AdjustmentCandidate,
  type AdjustmentPosition,
  type AllocationCandidate,
  type AllocationPosition,
  type EligibilityCandidate,
  type InterviewListColumnsResult,
  type PositionRequirements,
  type ResultPolicy,
  type ScoreSheet,
} from '../src/index';
import { createBenchRandom, type CandidateColumns, type PositionColumns } from './generate';
import { measure, type Row } from './measure';
import { naiveAdjustment, naiveAllocation, naiveDispatch, naiveResults } from './naive';

type Log = (text: string) => void;
const fmt = (n: number): string => n.toLocaleString('en-US');

/** Eligibility of every candidate for the position he applied to, in chunks to bound memory. */
export async function benchEligibility(n: number, p: number, log: Log): Promise<Row[]> {
  log('eligibility');
  const r = createBenchRandom(11);
  const levels = ['bachelor', 'master', 'doctor'] as const;
  const positions: PositionRequirements[] = Array.from({ length: p }, (_, i) => ({
    residence: (['any', 'shanghai_hukou', 'hukou_or_permit'] as const)[i % 3]!,
    minEducation: levels[i % 2]!,
    maxAge: 35,
    ...(i % 5 === 0 ? { majorCodes: ['0812', '0301'], majorKeywords: ['法'] } : {}),
    ...(i % 7 === 0 ? { politicalStatus: ['cpc_member', 'cpc_probationary'] as const } : {}),
    ...(i % 11 === 0 ? { minGrassrootsYears: 2, barsLongStayAbroad: true } : {}),
  }));
  const policy = { ...DEFAULT_ELIGIBILITY_POLICY, referenceDate: '2025-01-01' };
  let ms = 0;
  let naiveMs = 0;
  let peakRss = 0;
  let peakHeap = 0;
  let eligible = 0;
  let naiveEligible = 0;
  const chunk = 100_000;
  for (let start = 0; start < n; start += chunk) {
    const size = Math.min(chunk, n - start);
    const people: { c: EligibilityCandidate; p: number }[] = Array.from({ length: size }, () => ({
      p: r.int(p),
      c: {
        birthDate: `${1985 + r.int(19)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
        gender: r.int(2) ? 'male' : 'female',
        education: levels[r.int(3)]!,
        degree: 'master',
        majorCode: r.int(2) ? '081203' : '030101',
        majorName: r.int(2) ? '计算机' : '法学',
        politicalStatus: r.int(3) ? 'cpc_member' : 'masses',
        hukou: r.int(2) ? 'shanghai' : 'other',
        residencePermit: {
          issuedOn: '2022-05-01',
          validUntil: '2026-05-01',
          points: 100 + r.int(40),
        },
        workMonths: r.int(80),
        grassrootsMonths: r.int(40),
        longestAbroadMonths: r.int(3) ? 0 : r.int(24),
      },
    }));
    const run = await measure(() =>
      people.reduce((s, x) => {
        const res = checkEligibility(x.c, positions[x.p]!, policy);
        return s + (res.ok && res.value.eligible ? 1 : 0);
      }, 0),
    );
    const naive = await measure(() =>
      people.reduce((s, x) => s + (naiveEligible1(x.c, positions[x.p]!) ? 1 : 0), 0),
    );
    ms += run.m.ms;
    naiveMs += naive.m.ms;
    eligible += run.result;
    naiveEligible += naive.result;
    peakRss = Math.max(peakRss, run.m.peakRssMb);
    peakHeap = Math.max(peakHeap, run.m.peakHeapMb);
  }
  return [
    {
      engine: 'eligibility (full explanation)',
      n: fmt(n),
      m: { ms, peakRssMb: peakRss, peakHeapMb: peakHeap },
      items: n,
      baseline: 'naive boolean check (Date objects, no reasons)',
      baselineMs: naiveMs,
      note: `${fmt(eligible)} eligible${eligible === naiveEligible ? ', same count as naive' : `, naive says ${fmt(naiveEligible)}`}`,
    },
  ];
}

// The quick script: Date arithmetic and early exits, no reasons, same rules.
function naiveEligible1(c: EligibilityCandidate, p: PositionRequirements): boolean {
  const order = ['high_school', 'junior_college', 'bachelor', 'master', 'doctor'];
  if (p.minEducation && order.indexOf(c.education) < order.indexOf(p.minEducation)) return false;
  if (p.maxAge !== undefined) {
    const b = new Date(`${c.birthDate}T00:00:00Z`);
    const ref = new Date('2025-01-01T00:00:00Z');
    let age = ref.getUTCFullYear() - b.getUTCFullYear();
    if (
      ref.getUTCMonth() < b.getUTCMonth() ||
      (ref.getUTCMonth() === b.getUTCMonth() && ref.getUTCDate() < b.getUTCDate())
    )
      age--;
    if (age > p.maxAge) return false;
  }
  if (
    (p.majorCodes || p.majorKeywords) &&
    !(
      p.majorCodes?.some((m) => c.majorCode?.startsWith(m)) ||
      p.majorKeywords?.some((k) => c.majorName?.includes(k))
    )
  )
    return false;
  if (p.politicalStatus && !p.politicalStatus.includes(c.politicalStatus)) return false;
  if (c.hukou !== 'shanghai' && p.residence === 'shanghai_hukou') return false;
  if (c.hukou !== 'shanghai' && p.residence === 'hukou_or_permit') {
    const permit = c.residencePermit;
    if (
      order.indexOf(c.education) < 3 ||
      !permit ||
      permit.validUntil < '2025-01-01' ||
      permit.points < 120
    )
      return false;
    const months =
      (2025 - Number(permit.issuedOn.slice(0, 4))) * 12 +
      (1 - Number(permit.issuedOn.slice(5, 7))) -
      (1 < Number(permit.issuedOn.slice(8, 10)) ? 1 : 0);
    if (months < 12) return false;
  }
  if (p.minGrassrootsYears && c.grassrootsMonths < p.minGrassrootsYears * 12) return false;
  if (p.barsLongStayAbroad && c.longestAbroadMonths >= 6) return false;
  return true;
}

function adjustmentInput(
  cand: CandidateColumns,
  pos: PositionColumns,
  listed: InterviewListColumnsResult,
  keep: (i: number) => boolean,
  keepPos: (p: number) => boolean,
) {
  const r = createBenchRandom(23);
  const posIds: string[] = [];
  const positions: AdjustmentPosition[] = [];
  for (let p = 0; p < pos.count; p++) {
    posIds.push(`P${p}`);
    if (keepPos(p))
      positions.push({
        id: `P${p}`,
        unitId: `U${p % 2000}`,
        category: `C${p % 4}`,
        subject: `S${p % 3}`,
        shortfall: listed.shortfall[p]!,
        barsLongStayAbroad: p % 10 === 0,
      });
  }
  const candidates: AdjustmentCandidate[] = [];
  for (let i = 0; i < cand.n; i++) {
    const p = cand.position[i]!;
    const wants = r.int(10) < 3;
    const choice = r.int(pos.count);
    if (!keep(i)) continue;
    candidates.push({
      id: `c${i}`,
      category: `C${p % 4}`,
      subject: `S${p % 3}`,
      writtenTotal: cand.written[i]!,
      wantsAdjustment: wants,
      onFirstList: listed.selected[i] === 1,
      longestAbroadMonths: i % 17 === 0 ? 8 : 0,
      ...(wants && choice % 3 === 0 && keepPos(choice) ? { choice: posIds[choice]! } : {}),
    });
  }
  return { positions, candidates };
}

/** Adjustment at full scale, and against the scan-everything version on a 1/50 sample. */
export async function benchAdjustment(
  cand: CandidateColumns,
  pos: PositionColumns,
  listed: InterviewListColumnsResult,
  scale: number,
  log: Log,
): Promise<Row[]> {
  log('adjustment (full)');
  const policy = {
    passLines: { C0: 11000, C1: 11000, C2: 10500, C3: 10500 },
    abroadLimitMonths: 6,
  };
  const full = adjustmentInput(
    cand,
    pos,
    listed,
    () => true,
    () => true,
  );
  const run = await measure(() =>
    adjustPositions({ positions: full.positions, candidates: full.candidates, policy }),
  );
  const placedFull = run.result.ok ? run.result.value.placements.length : -1;
  full.candidates.length = 0;
  log('adjustment (1/50 sample, naive)');
  const sample = adjustmentInput(
    cand,
    pos,
    listed,
    (i) => i % 50 === 0,
    (p) => p % 50 === 0,
  );
  const ours = await measure(() =>
    adjustPositions({ positions: sample.positions, candidates: sample.candidates, policy }),
  );
  const naive = await measure(() =>
    naiveAdjustment(sample.positions, sample.candidates, policy.passLines),
  );
  const short = pos.count;
  return [
    {
      engine: 'adjustment 调剂 (public + unified)',
      n: `${fmt(cand.n)} / ${fmt(short)} pos`,
      m: run.m,
      items: cand.n,
      baseline: '—',
      baselineMs: null,
      note: `${fmt(placedFull)} placed`,
    },
    {
      engine: 'adjustment, 1/50 sample',
      n: `${fmt(sample.candidates.length)} / ${fmt(sample.positions.length)} pos`,
      m: ours.m,
      items: sample.candidates.length,
      baseline: 'scan all candidates per position',
      baselineMs: naive.m.ms,
      note: `scale ${scale}; naive has no ties/whitelist/police rules`,
    },
  ];
}

function allocationInput(
  cand: CandidateColumns,
  pos: PositionColumns,
  keep: (i: number) => boolean,
  keepPos: (p: number) => boolean,
) {
  const r = createBenchRandom(31);
  const positions: AllocationPosition[] = [];
  for (let p = 0; p < pos.count; p++)
    if (keepPos(p)) positions.push({ id: `P${p}`, vacancies: pos.headcount[p]! });
  const candidates: AllocationCandidate[] = [];
  for (let i = 0; i < cand.n; i++) {
    const prefs = [r.int(pos.count), r.int(pos.count), r.int(pos.count)].filter(
      (p, k, all) => all.indexOf(p) === k && keepPos(p),
    );
    if (keep(i))
      candidates.push({
        id: `c${i}`,
        score: cand.composite[i]!,
        preferences: prefs.map((p) => `P${p}`),
        acceptsAdjustment: i % 2 === 0,
      });
  }
  return { positions, candidates };
}

/** 选调生 allocation at full scale, and against per-position scans on a 1/50 sample. */
export async function benchAllocation(
  cand: CandidateColumns,
  pos: PositionColumns,
  scale: number,
  log: Log,
): Promise<Row[]> {
  log('allocation (full)');
  const full = allocationInput(
    cand,
    pos,
    () => true,
    () => true,
  );
  const run = await measure(() => allocatePreferences(full));
  const admitted = run.result.ok ? run.result.value.admissions.length : -1;
  full.candidates.length = 0;
  log('allocation (1/50 sample, naive)');
  const sample = allocationInput(
    cand,
    pos,
    (i) => i % 50 === 0,
    (p) => p % 50 === 0,
  );
  const ours = await measure(() => allocatePreferences({ ...sample, unifiedAdjustment: false }));
  const naive = await measure(() => naiveAllocation(sample.positions, sample.candidates, 3));
  return [
    {
      engine: '选调生 allocation (3 preferences)',
      n: `${fmt(cand.n)} / ${fmt(pos.count)} pos`,
      m: run.m,
      items: cand.n,
      baseline: '—',
      baselineMs: null,
      note: `${fmt(admitted)} admitted`,
    },
    {
      engine: 'allocation, 1/50 sample',
      n: `${fmt(sample.candidates.length)} / ${fmt(sample.positions.length)} pos`,
      m: ours.m,
      items: sample.candidates.length,
      baseline: 'scan all candidates per position and round',
      baselineMs: naive.m.ms,
      note: `scale ${scale}; naive has no tie rule`,
    },
  ];
}

/** Dispatch of 10 000 examiners over 1 000 units, against greedy matching. */
export async function benchDispatch(scale: number, log: Log): Promise<Row[]> {
  log('dispatch');
  const r = createBenchRandom(41);
  const count = Math.max(500, Math.round(10_000 * scale));
  const units = Math.round(count / 10);
  const examiners = Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    unitId: `U${Math.floor(r.next() ** 1.5 * units)}`,
  }));
  const needs = Array.from({ length: units }, (_, u) => ({ unitId: `U${u}`, count: r.int(19) }));
  const run = await measure(() => dispatchExaminers(examiners, needs));
  const naive = await measure(() => naiveDispatch(examiners, needs));
  const v = run.result.ok ? run.result.value : null;
  return [
    {
      engine: 'external examiner dispatch (max-flow)',
      n: `${fmt(count)} examiners / ${fmt(units)} units`,
      m: run.m,
      items: count,
      baseline: 'greedy',
      baselineMs: naive.m.ms,
      note: `met ${fmt(v?.met ?? 0)} of ${fmt(v?.needed ?? 0)} (greedy ${fmt(naive.result)}), max ${v?.maxPerPair} per unit pair`,
    },
  ];
}

/** Interview results for 50 000 candidates × 7 examiners × 5 indicators, against float maths. */
export async function benchResults(scale: number, log: Log): Promise<Row[]> {
  log('interview results');
  const r = createBenchRandom(51);
  const n = Math.max(1000, Math.round(50_000 * scale));
  const codes = ['A', 'B', 'C', 'D', 'E'];
  const policy: ResultPolicy = {
    indicators: { structured: codes.map((code) => ({ code, name: code, max: 10, weight: 2 })) },
    dropExtremesMinExaminers: 5,
    writtenFullMark: 200,
    weights: { written: '0.4', structured: '0.6' },
    passMark: 60,
  };
  const examiners = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'];
  const candidates = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    written: (200 + r.int(200)) / 2,
    examiners: { structured: examiners },
  }));
  const sheets: ScoreSheet[] = candidates.flatMap((c) =>
    examiners.map((e) => ({
      candidateId: c.id,
      examinerId: e,
      kind: 'structured' as const,
      supervisorSigned: true,
      scores: Object.fromEntries(codes.map((k) => [k, (40 + r.int(61)) / 10])),
    })),
  );
  const run = await measure(() => computeInterviewResults(policy, candidates, sheets));
  const written = new Map(candidates.map((c) => [c.id, c.written]));
  const naive = await measure(() =>
    naiveResults(
      sheets as { candidateId: string; scores: Record<string, number> }[],
      written,
      codes,
    ),
  );
  let drift = 0;
  if (run.result.ok)
    for (const res of run.result.value.results)
      if (Math.round(naive.result.get(res.candidateId)! * 100) !== res.composite) drift++;
  return [
    {
      engine: 'interview results (validate + compute)',
      n: `${fmt(n)} × 7 × 5`,
      m: run.m,
      items: sheets.length,
      baseline: 'float maths, no validation',
      baselineMs: naive.m.ms,
      note: `throughput in sheets; float composite differs for ${fmt(drift)} candidates`,
    },
  ];
}
