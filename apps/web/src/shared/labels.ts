// Display helpers for enums. The zh-CN label maps themselves live in @kaolu/contracts beside their
// enums (EVENT_TYPE_LABELS, JOB_STATUS_LABELS, …), one source for the server's Excel exports and
// the web (NFR-MNT-1). What stays here is presentation only: tag colours and the lookup helpers.
import type { EventStatus, JobStatus } from '@kaolu/contracts';

/** Element Plus tag colours, used by EnumTag. */
export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger';

/** Tag colour of an event's lifecycle status: open for candidates is green, finished grey. */
export const eventStatusTags: Record<EventStatus, TagType> = {
  draft: 'info',
  collecting: 'warning',
  published: 'primary',
  registration: 'success',
  in_progress: 'primary',
  closed: 'info',
};

/** Tag colour of a background job's status. */
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

/** Options for an el-select from a label map, in the map's order. */
export function optionsOf<K extends string>(
  labels: Record<K, string>,
): Array<{ value: K; label: string }> {
  return (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label }));
}
