import type { ProfileDocument } from '@kaolu/contracts';

// zh-CN labels of the profile's enums; `satisfies` makes a missing or unknown value fail the typecheck.
type Education = ProfileDocument['education'][number];

export const educationLevelLabels = {
  high_school: '高中及以下',
  junior_college: '大专',
  bachelor: '大学本科',
  master: '硕士研究生',
  doctor: '博士研究生',
} as const satisfies Record<Education['level'], string>;

export const degreeLabels = {
  none: '无学位',
  bachelor: '学士',
  master: '硕士',
  doctor: '博士',
} as const satisfies Record<Education['degree'], string>;

export const politicalStatusLabels = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  cyl_member: '共青团员',
  democratic_party: '民主党派',
  masses: '群众',
} as const satisfies Record<ProfileDocument['politicalStatus'], string>;

export const abroadPurposeLabels = {
  study: '留学',
  work: '工作',
  residence: '居留',
} as const satisfies Record<ProfileDocument['abroad'][number]['purpose'], string>;

/** Options for an el-select from a label map, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): Array<{ value: K; label: string }> {
  return (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label }));
}
