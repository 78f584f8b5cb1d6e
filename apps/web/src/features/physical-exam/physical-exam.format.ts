import { PHYSICAL_EXAM_RESULT_LABELS } from '@kaolu/contracts';

// One way to write a physical-exam result across the org's, hospital's and candidate's pages.

type Outcome = {
  result: 'qualified' | 'unqualified';
  items: Array<{ name: string; outcome: 'qualified' | 'unqualified'; remark: string }>;
  remarks: string;
};

/** "不合格（血压：160/100）" — the conclusion, then the failed items; '—' when not recorded. */
export function outcomeText(outcome: Outcome | null | undefined): string {
  if (!outcome) return '—';
  const failed = outcome.items
    .filter((i) => i.outcome === 'unqualified')
    .map((i) => (i.remark ? `${i.name}：${i.remark}` : i.name));
  const label = PHYSICAL_EXAM_RESULT_LABELS[outcome.result];
  return failed.length ? `${label}（${failed.join('；')}）` : label;
}
