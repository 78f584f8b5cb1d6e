import { DEGREE_LABELS, EDUCATION_LEVEL_LABELS, type EducationCheck } from '@kaolu/contracts';
import { EDUCATION_LEVELS } from '@kaolu/domain';
import type { EducationRecord, EducationRecordAnswer } from '../data-exchange';

// The declared education entry, as the frozen profile snapshot stores it.
type Declared = {
  level: EducationRecord['level'];
  degree: EducationRecord['degree'];
  school: string;
  major: string;
  endDate: string | null;
  fullTime: boolean;
};
type Field = EducationCheck['fields'][number];

// Both sides store the study mode as a flag; it is compared as the words the reviewer reads.
const mode = (fullTime: boolean) => (fullTime ? '全日制' : '非全日制');
// Whitespace is ignored, since 学信 and candidates space school and major names differently.
const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Compares the highest declared education with the national record of the same level (INT-09e):
 * school, major, level, degree, graduation month and study mode, each marked matching or not.
 */
export function compareEducation(
  declaredList: readonly Declared[],
  answer: EducationRecordAnswer,
): { outcome: EducationCheck['outcome']; fields: Field[]; message: string } {
  // The highest declared level is the one the position's education condition was judged on.
  const declared = [...declaredList].sort(
    (a, b) => EDUCATION_LEVELS.indexOf(b.level) - EDUCATION_LEVELS.indexOf(a.level),
  )[0];
  if (!answer.found || answer.records.length === 0)
    return {
      outcome: 'not_found',
      fields: [],
      message: '学信系统中没有该考生的国内学历记录（境外学历须另行认证）',
    };
  // The record of the same level, else the highest one, so a declared level 学信 lacks still
  // shows a diff.
  const record =
    answer.records.find((r) => r.level === declared?.level) ??
    [...answer.records].sort(
      (a, b) => EDUCATION_LEVELS.indexOf(b.level) - EDUCATION_LEVELS.indexOf(a.level),
    )[0]!;
  const row = (field: string, label: string, d: string, r: string): Field => ({
    field,
    label,
    declared: d,
    record: r,
    matches: same(d, r),
  });
  // Every field is listed, matching or not, so the reviewer sees the whole comparison.
  const fields: Field[] = [
    row('school', '毕业院校', declared?.school ?? '', record.school),
    row('major', '专业', declared?.major ?? '', record.major),
    row(
      'level',
      '学历',
      declared ? EDUCATION_LEVEL_LABELS[declared.level] : '',
      EDUCATION_LEVEL_LABELS[record.level],
    ),
    row(
      'degree',
      '学位',
      declared ? DEGREE_LABELS[declared.degree] : '',
      DEGREE_LABELS[record.degree],
    ),
    row(
      'graduation',
      '毕业年月',
      declared?.endDate?.slice(0, 7) ?? '',
      record.graduationDate.slice(0, 7),
    ),
    row('mode', '学习形式', declared ? mode(declared.fullTime) : '', mode(record.fullTime)),
  ];
  const differing = fields.filter((f) => !f.matches).map((f) => f.label);
  return differing.length
    ? { outcome: 'mismatch', fields, message: `学信记录与考生填报不一致：${differing.join('、')}` }
    : {
        outcome: 'match',
        fields,
        message: `学信记录与考生填报一致（证书编号 ${record.certificateNumber}）`,
      };
}
