// zh-CN labels of the enums the web shows. They move to @kaolu/contracts once the server defines the enums.

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
} as const satisfies Record<string, string>;
export type EventType = keyof typeof eventTypeLabels;

/** Lifecycle of a recruitment event. */
export const eventStatusLabels = {
  draft: '草稿',
  collecting: '简章征集',
  published: '已发布',
  registration: '报名中',
  in_progress: '进行中',
  closed: '已结束',
} as const satisfies Record<string, string>;
export type EventStatus = keyof typeof eventStatusLabels;

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
} as const satisfies Record<string, string>;
export type JobStatus = keyof typeof jobStatusLabels;

export const jobStatusTags: Record<JobStatus, TagType> = {
  queued: 'info',
  running: 'primary',
  succeeded: 'success',
  failed: 'danger',
};

/** Returns the label of a value, or the raw value when the map does not know it yet. */
export function labelOf(labels: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return labels[value] ?? value;
}
