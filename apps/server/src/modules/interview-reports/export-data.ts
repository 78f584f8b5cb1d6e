import { HALF_DAY_LABELS } from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import type { Db } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { resultStatesOf, sheetStatesOf, type SheetState } from '../interview-scoring';
import {
  groupIndicatorsOf,
  reportCandidatesOf,
  seatsOf,
  type ReportCandidate,
  type ReportEvent,
} from '../interviews';
import { writtenResultsOfCandidates } from '../scores';

// What every export format prints (INT-09b): per candidate his details (masked), place in the
// arrangement, each examiner's sheet (examiners anonymised 考官1…n), kept and dropped scores,
// interview scores and, for candidates of a linked recruitment event, the written score.

export const KIND_LABELS = { structured: '结构化面试', professional: '专业面试' } as const;
// Seat order of the anonymous numbering: the chief examiner is 考官1 in every group.
const SEAT_ORDER = ['chief', 'fixed', 'rotating', 'professional'];

/** One examiner's sheet as printed. */
export type ExportSheet = {
  examiner: string;
  kind: keyof typeof KIND_LABELS;
  status: string;
  scores: Record<string, string>;
  total: string;
};

/** One indicator of a result: the scores kept and those dropped as extremes. */
export type ExportIndicatorResult = {
  code: string;
  name: string;
  kept: string[];
  dropped: string[];
};

/** One candidate's page. */
export type ExportCandidate = ReportCandidate & {
  session: string;
  typeName: string;
  indicators: Array<{ code: string; name: string }>;
  sheets: ExportSheet[];
  results: Array<{
    kind: keyof typeof KIND_LABELS;
    score: string;
    examinerCount: number;
    indicators: ExportIndicatorResult[];
  }>;
  written: string | null;
};

const STATUS_LABELS: Record<SheetState['status'], string> = {
  draft: '未提交',
  submitted: '已提交',
  confirmed: '已确认',
  withdrawn: '已撤回',
};

/** The candidates of the place with everything the exports print, in group and draw order. */
export async function loadExport(
  deps: { db: Db; crypto: CryptoProvider },
  event: ReportEvent,
  place: { sessionId?: string; groupId?: string },
): Promise<ExportCandidate[]> {
  const { db, crypto } = deps;
  const scoring = { interviewEventId: event.id, ...place };
  // Names and ID numbers stay masked: an export leaves the system, a reveal is one person at a time.
  const [candidates, sheets, results, seats, types] = await Promise.all([
    reportCandidatesOf(db, crypto, { ...scoring, open: false }),
    sheetStatesOf(db, scoring),
    resultStatesOf(db, scoring),
    seatsOf(db, event.id),
    groupIndicatorsOf(db, event.id),
  ]);
  const written = await writtenOf(db, event, candidates);
  const sessions = new Map(
    event.sessions.map((s) => [s.id, `${s.day} ${HALF_DAY_LABELS[s.halfDay]}`]),
  );
  const numbers = examinerNumbers(seats, sheets);
  return candidates.map((c) => {
    const type = (c.groupId && types.get(c.groupId)) || { typeName: '', indicators: [] };
    const names = new Map(type.indicators.map((i) => [i.code, i.name]));
    // Drafts are keystrokes and withdrawn sheets were taken back: neither is printed.
    const own = sheets.filter(
      (s) => s.interviewCandidateId === c.id && s.status !== 'draft' && s.status !== 'withdrawn',
    );
    return {
      ...c,
      session: (c.sessionId && sessions.get(c.sessionId)) || '未安排',
      typeName: type.typeName,
      indicators: type.indicators.map((i) => ({ code: i.code, name: i.name })),
      sheets: own
        .map((s) => ({
          examiner: numbers.get(`${s.sessionId}|${s.groupId}|${s.examinerId}`) ?? '考官',
          kind: s.kind,
          status: STATUS_LABELS[s.status],
          scores: Object.fromEntries(
            Object.entries(s.scoresCenti).map(([k, v]) => [k, formatCenti(v)]),
          ),
          total: formatCenti(Object.values(s.scoresCenti).reduce((a, b) => a + b, 0)),
        }))
        .sort((a, b) => a.kind.localeCompare(b.kind) || byNumber(a.examiner, b.examiner)),
      results: results
        .filter((r) => r.interviewCandidateId === c.id)
        .map((r) => ({
          kind: r.kind,
          score: formatCenti(r.scoreCenti),
          examinerCount: r.examinerCount,
          indicators: r.explanation.map((e) => ({
            code: e.code,
            name: names.get(e.code) ?? e.code,
            kept: e.kept.map(formatCenti),
            dropped: e.dropped.map(formatCenti),
          })),
        })),
      written: written.get(c.candidateId ?? '') ?? null,
    };
  });
}

const byNumber = (a: string, b: string) =>
  Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, ''));

/**
 * 考官1…n per session and group, by seat (chief first) then examiner id, so the same examiner
 * keeps his number on every page of a group; an examiner without a seat gets the next number.
 */
function examinerNumbers(
  seats: ReadonlyArray<{ sessionId: string; groupId: string; examinerId: string; seat: string }>,
  sheets: readonly SheetState[],
): Map<string, string> {
  const byPanel = new Map<string, Array<{ examinerId: string; rank: number }>>();
  const add = (panel: string, examinerId: string, rank: number) => {
    const list = byPanel.get(panel) ?? [];
    if (!list.some((e) => e.examinerId === examinerId)) list.push({ examinerId, rank });
    byPanel.set(panel, list);
  };
  for (const s of seats)
    add(`${s.sessionId}|${s.groupId}`, s.examinerId, SEAT_ORDER.indexOf(s.seat));
  for (const s of sheets) add(`${s.sessionId}|${s.groupId}`, s.examinerId, SEAT_ORDER.length);
  const numbers = new Map<string, string>();
  for (const [panel, list] of byPanel) {
    list.sort((a, b) => a.rank - b.rank || a.examinerId.localeCompare(b.examinerId));
    list.forEach((e, i) => numbers.set(`${panel}|${e.examinerId}`, `考官${i + 1}`));
  }
  return numbers;
}

/** Written totals of the candidates linked to the recruitment event (one batched read). */
async function writtenOf(db: Db, event: ReportEvent, candidates: readonly ReportCandidate[]) {
  const ids = candidates.map((c) => c.candidateId).filter((id): id is string => id !== null);
  if (!event.recruitmentEventId || ids.length === 0) return new Map<string, string>();
  const rows = await writtenResultsOfCandidates(db, event.recruitmentEventId, ids);
  return new Map(
    rows
      .filter((r) => r.totalCenti !== null)
      .map((r) => [r.candidateId, formatCenti(r.totalCenti as number)]),
  );
}

/** The psych fields of a candidate as one line (summary formats). */
export function psychLine(c: ReportCandidate): string {
  return c.psych
    ? Object.entries(c.psych)
        .map(([k, v]) => `${k}：${v}`)
        .join('；')
    : '';
}
