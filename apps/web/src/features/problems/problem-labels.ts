import type { ProblemStatus } from '@kaolu/contracts';
import type { TagType } from '@/shared/labels';

/** Tag colours of the case statuses (ONL-01): waiting on the candidate stands out in orange. */
export const problemStatusTags: Record<ProblemStatus, TagType> = {
  submitted: 'info',
  in_review: 'primary',
  more_info_needed: 'warning',
  approved: 'success',
  rejected: 'danger',
  closed: 'info',
};

/** Human sizes, rounded up so a file just over the limit never reads as the limit. */
// Shared by the upload hint and the history's file list, so both show sizes the same way.
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)}KB`;
  return `${(Math.ceil((bytes / 1024 / 1024) * 10) / 10).toString()}MB`;
}
