// zh-CN labels of the enums the web shows. The values are checked against @kaolu/contracts' enums
// (type-only import, so zod stays out of the bundle); a missing or unknown value fails the typecheck.
import type { EventStatus, EventType, JobStatus, PositionCategory } from '@kaolu/contracts';

export type { EventStatus, EventType, JobStatus, PositionCategory };

/** Element Plus tag colours, used by EnumTag. */
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** Recruitment event types named by the tender (REQUIREMENTS §0). */
export const eventTypeLabels = {
  general: '面上',
  selection: '选调生',
  emergency_enforcement: '应急执法',
  judicial_medical: '司法医护',
  mass_org: '工青妇',
  contract: '聘任制',
  external: '体外招录',
  second_round: '第二轮',
} as const satisfies Record<EventType, string>;

/** Lifecycle of a recruitment event. */
export const eventStatusLabels = {
  draft: '草稿',
  collecting: '简章征集',
  published: '已发布',
  registration: '报名中',
  in_progress: '进行中',
  closed: '已结束',
} as const satisfies Record<EventStatus, string>;

export const eventStatusTags: Record<EventStatus, TagType> = {
  draft: 'info',
  collecting: 'warning',
  published: 'primary',
  registration: 'success',
  in_progress: 'primary',
  closed: 'info',
};

/** Background job states (issue 2 item 9). */
export const jobStatusLabels = {
  queued: '排队中',
  running: '执行中',
  succeeded: '已完成',
  failed: '失败',
} as const satisfies Record<JobStatus, string>;

export const jobStatusTags: Record<JobStatus, TagType> = {
  queued: 'info',
  running: 'primary',
  succeeded: 'success',
  failed: 'danger',
};

/** Position categories 职位类别 of the Shanghai general exam. */
export const positionCategoryLabels = {
  comprehensive: '综合管理类',
  law_enforcement: '行政执法类',
  professional: '专业技术类',
  police: '公安类',
} as const satisfies Record<PositionCategory, string>;

/** Returns the label of a value, or the raw value when the map does not know it yet. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return labels[value] ?? value;
}
