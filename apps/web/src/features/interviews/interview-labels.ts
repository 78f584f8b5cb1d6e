import {
  HALF_DAY_LABELS,
  INTERVIEW_EVENT_STATUS_LABELS,
  INTERVIEW_IMPORT_LABELS,
  INTERVIEW_KIND_LABELS,
  PERMISSIONS,
  type Permission,
} from '@kaolu/contracts';

// Chinese labels of the interview screens, from the shared catalogue (no raw codes on screen).
export {
  HALF_DAY_LABELS,
  INTERVIEW_EVENT_STATUS_LABELS,
  INTERVIEW_IMPORT_LABELS,
  INTERVIEW_KIND_LABELS,
};

/** What a permission lets the staff member do, as the portal home lists it. */
export function permissionLabel(permission: string): string {
  return PERMISSIONS[permission as Permission] ?? permission;
}

/** "2026-12-20 上午" for a session. */
export function sessionLabel(s: { day: string; halfDay: 'am' | 'pm' }): string {
  return `${s.day} ${HALF_DAY_LABELS[s.halfDay]}`;
}
