import { WRITTEN_SUBJECT_LABELS, type WrittenSubject } from '@kaolu/contracts';
import { formatCenti, type Centi } from '@kaolu/domain';
import type { writtenScore } from './scores.table';

type ScoreRow = typeof writtenScore.$inferSelect;

// Scores leave the service as decimal strings ('85.50'), never as binary floats.
export const text = (c: Centi | null) => (c === null ? null : formatCenti(c));

/**
 * The subject lines of one score as shown: 行测 and 申论 always, the professional subject only
 * where the category sits one. A subject is marked 缺考 only when the row is absent and it has no
 * score.
 */
export function subjectsOf(row: ScoreRow, hasProfessional: boolean) {
  const list: Array<[WrittenSubject, Centi | null]> = [
    ['xingce', row.xingceCenti],
    ['shenlun', row.shenlunCenti],
  ];
  if (hasProfessional) list.push(['professional', row.professionalCenti]);
  return list.map(([subject, value]) => ({
    subject,
    name: WRITTEN_SUBJECT_LABELS[subject],
    score: text(value),
    absent: row.absent && value === null,
  }));
}
