/**
 * Permission catalogue shared by server routes and web buttons: `resource.action` → zh-CN label.
 * Roles (identity module) are sets of these; every staff route declares exactly one.
 */
export const PERMISSIONS = {
  'job.read': '查看后台任务',
  'system.read': '查看系统状态',
} as const;

export type Permission = keyof typeof PERMISSIONS;
