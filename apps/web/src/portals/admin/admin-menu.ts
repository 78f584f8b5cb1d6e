import { ChatDotRound, Connection, DataBoard, Document, Key, Monitor, Operation, User } from '@element-plus/icons-vue';
import { markRaw, type Component } from 'vue';

export type AdminMenuItem = { index: string; label: string; icon: Component };

/** Sidebar entries; later modules append theirs (with a permission) here. */
export const adminMenu: AdminMenuItem[] = [
  { index: '/admin', label: '系统概况', icon: markRaw(DataBoard) },
  { index: '/admin/jobs', label: '后台任务', icon: markRaw(Operation) },
  { index: '/admin/audit', label: '审计日志', icon: markRaw(Document) },
  // identity and access (issue 3); the server refuses each page's calls without its permission
  { index: '/admin/users', label: '用户管理', icon: markRaw(User) },
  { index: '/admin/role-grants', label: '角色授权', icon: markRaw(Key) },
  { index: '/admin/ip-allowlist', label: '登录白名单', icon: markRaw(Connection) },
  { index: '/admin/sessions', label: '在线会话', icon: markRaw(Monitor) },
  { index: '/admin/sms', label: '短信管理', icon: markRaw(ChatDotRound) },
];
