import {
  DEGREE_LABELS,
  EDUCATION_LEVEL_LABELS,
  JUDICIAL_MEDICAL_MAJOR_TYPES,
  RESIDENCE_LABELS,
  type JudicialMedicalMajorType,
  type PositionConditions,
} from '@kaolu/contracts';
import { POLITICAL_LABELS, type PoliticalStatus } from '@kaolu/domain';

/** One labelled line of the 报考条件 block on the position page. */
export type ConditionLine = { label: string; text: string };

/** A position's conditions as plain Chinese lines for candidates (position detail). */
export function describeConditions(
  c: PositionConditions,
  flags: { township: boolean; basicPolice: boolean },
): ConditionLine[] {
  const lines: ConditionLine[] = [];
  lines.push({
    label: '学历',
    text: c.minEducation ? `${EDUCATION_LEVEL_LABELS[c.minEducation]}及以上` : '不限',
  });
  if (c.minDegree && c.minDegree !== 'none')
    lines.push({ label: '学位', text: `${DEGREE_LABELS[c.minDegree]}及以上学位` });
  const majors = [
    ...(c.majorKeywords ?? []),
    ...(c.majorCodes ?? []).map((code) => `专业代码${code}`),
  ];
  const types = (c.majorTypes ?? []).map(
    (t) => JUDICIAL_MEDICAL_MAJOR_TYPES[t as JudicialMedicalMajorType] ?? t,
  );
  lines.push({
    label: '专业',
    text: majors.length || types.length ? [...types, ...majors].join('、') : '不限',
  });
  if (c.minAge !== undefined || c.maxAge !== undefined) {
    lines.push({
      label: '年龄',
      // With only a minimum age given, 35 is shown as the upper bound, the usual civil-service
      // limit.
      text: c.minAge !== undefined ? `${c.minAge}至${c.maxAge ?? 35}周岁` : `${c.maxAge}周岁以下`,
    });
  }
  lines.push({
    label: '性别',
    text: c.gender === 'male' ? '男性' : c.gender === 'female' ? '女性' : '不限',
  });
  if (c.politicalStatus?.length)
    lines.push({
      label: '政治面貌',
      text: c.politicalStatus.map((s) => POLITICAL_LABELS[s as PoliticalStatus]).join('或'),
    });
  lines.push({ label: '户籍', text: RESIDENCE_LABELS[c.residence ?? 'any'] });
  if (c.minWorkYears)
    lines.push({ label: '工作经历', text: `具有${c.minWorkYears}年以上工作经历` });
  if (c.minGrassrootsYears)
    lines.push({ label: '基层工作经历', text: `具有${c.minGrassrootsYears}年以上基层工作经历` });
  // ONL-03: the 乡镇 and 基础警察 eligibility rules, stated so candidates read them before applying.
  if (flags.township)
    lines.push({ label: '乡镇职位', text: '非本市户籍考生须具有研究生学历并持有本市居住证' });
  if (flags.basicPolice)
    lines.push({ label: '基础警察职位', text: '在境外连续居住、学习或工作6个月以上者不得报考' });
  if (c.other) lines.push({ label: '其他条件', text: c.other });
  return lines;
}
