import { Bell, ChatDotRound, Collection, Connection, DataBoard, Document, EditPen, Key, List, Money, Monitor, OfficeBuilding, Operation, Share, User } from '@element-plus/icons-vue';
import type { Permission } from '@kaolu/contracts';
import { markRaw, type Component } from 'vue';
import { hasPermission } from '@/features/identity/staff-session';

/**
 * A sidebar entry and the permission its page needs: the same one as the page's route (routes.ts)
 * and as the server route the page reads first. No permission: any signed-in staff user.
 */
export type AdminMenuItem = { index: string; label: string; icon: Component; permission?: Permission };

/** Sidebar entries; later modules append theirs, with the permission of the page, here. */
export const adminMenu: AdminMenuItem[] = [
  { index: '/admin', label: '系统概况', icon: markRaw(DataBoard) },
  { index: '/admin/jobs', label: '后台任务', icon: markRaw(Operation), permission: 'job.read' },
  { index: '/admin/audit', label: '审计日志', icon: markRaw(Document), permission: 'audit.read' },
  // recruitment events (issue 6)
  { index: '/admin/events', label: '招录事项', icon: markRaw(Collection), permission: 'event.read' },
  { index: '/admin/units', label: '招录单位', icon: markRaw(OfficeBuilding), permission: 'unit.read' },
  { index: '/admin/positions', label: '职位填报', icon: markRaw(EditPen), permission: 'position.read' },
  { index: '/admin/lists', label: '白名单与灰名单', icon: markRaw(List), permission: 'event.adjust' },
  { index: '/admin/notices', label: '公告通知', icon: markRaw(Bell), permission: 'notice.manage' },
  // payments and data exchange (issue 7)
  { index: '/admin/reconciliation', label: '缴费对账', icon: markRaw(Money), permission: 'payment.read' },
  { index: '/admin/interface-logs', label: '接口日志', icon: markRaw(Share), permission: 'data_exchange.read' },
  // written-exam scores and unit review (issue 8)
  { index: '/admin/scores', label: '成绩与合格线', icon: markRaw(DataBoard), permission: 'score.read' },
  { index: '/admin/reviews', label: '资格审查', icon: markRaw(List), permission: 'application.review' },
  // identity and access (issue 3)
  { index: '/admin/users', label: '用户管理', icon: markRaw(User), permission: 'staff_user.read' },
  { index: '/admin/role-grants', label: '角色授权', icon: markRaw(Key), permission: 'role_grant.manage' },
  { index: '/admin/ip-allowlist', label: '登录白名单', icon: markRaw(Connection), permission: 'ip_allowlist.manage' },
  { index: '/admin/sessions', label: '在线会话', icon: markRaw(Monitor), permission: 'session.manage' },
  { index: '/admin/sms', label: '短信管理', icon: markRaw(ChatDotRound), permission: 'sms.read' },
];

/** The entries the signed-in staff user may open (the menu hides the others). */
export function visibleAdminMenu(items: readonly AdminMenuItem[] = adminMenu): AdminMenuItem[] {
  return items.filter((item) => hasPermission(item.permission));
}
