import { Bell, ChatDotRound, Collection, Connection, DataBoard, Document, EditPen, Key, List, Money, Monitor, OfficeBuilding, Operation, Share, User } from '@element-plus/icons-vue';
import { markRaw, type Component } from 'vue';

export type AdminMenuItem = { index: string; label: string; icon: Component };

/** Sidebar entries; later modules append theirs (with a permission) here. */
export const adminMenu: AdminMenuItem[] = [
  { index: '/admin', label: '系统概况', icon: markRaw(DataBoard) },
  { index: '/admin/jobs', label: '后台任务', icon: markRaw(Operation) },
  { index: '/admin/audit', label: '审计日志', icon: markRaw(Document) },
  // recruitment events (issue 6)
  { index: '/admin/events', label: '招录事项', icon: markRaw(Collection) },
  { index: '/admin/units', label: '招录单位', icon: markRaw(OfficeBuilding) },
  { index: '/admin/positions', label: '职位填报', icon: markRaw(EditPen) },
  { index: '/admin/lists', label: '白名单与灰名单', icon: markRaw(List) },
  { index: '/admin/notices', label: '公告通知', icon: markRaw(Bell) },
  // payments and data exchange (issue 7)
  { index: '/admin/reconciliation', label: '缴费对账', icon: markRaw(Money) },
  { index: '/admin/interface-logs', label: '接口日志', icon: markRaw(Share) },
  // written-exam scores and unit review (issue 8)
  { index: '/admin/scores', label: '成绩与合格线', icon: markRaw(DataBoard) },
  { index: '/admin/reviews', label: '资格审查', icon: markRaw(List) },
  // identity and access (issue 3); the server refuses each page's calls without its permission
  { index: '/admin/users', label: '用户管理', icon: markRaw(User) },
  { index: '/admin/role-grants', label: '角色授权', icon: markRaw(Key) },
  { index: '/admin/ip-allowlist', label: '登录白名单', icon: markRaw(Connection) },
  { index: '/admin/sessions', label: '在线会话', icon: markRaw(Monitor) },
  { index: '/admin/sms', label: '短信管理', icon: markRaw(ChatDotRound) },
];
