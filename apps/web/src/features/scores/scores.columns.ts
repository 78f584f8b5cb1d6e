import type { AdminScorePage } from './scores.api';
import type { PageTableColumn } from '@/shared/page-table';

type ScoreRow = AdminScorePage['items'][number];

/** One line per subject, '缺考' where the candidate was absent: 行测 61.5；申论 缺考. */
export function subjectsText(row: Pick<ScoreRow, 'subjects'>): string {
  return row.subjects.map((s) => `${s.name} ${s.score ?? '缺考'}`).join('；');
}

/**
 * Columns of the imported written-exam scores (ONL-02). The exam category shows by the event's
 * name for it (综合管理类), which the page knows from the event's policy.
 */
export function scoreColumns(categoryName: (code: string) => string): PageTableColumn<ScoreRow>[] {
  return [
    { prop: 'ticketNumber', label: '准考证号', width: 130 },
    { prop: 'candidateName', label: '姓名', width: 90 },
    {
      prop: 'examCategory',
      label: '考试类别',
      width: 120,
      format: (r) => categoryName(r.examCategory),
    },
    { prop: 'subjects', label: '各科', minWidth: 240, format: subjectsText },
    { prop: 'total', label: '笔试成绩', width: 100 },
  ];
}
