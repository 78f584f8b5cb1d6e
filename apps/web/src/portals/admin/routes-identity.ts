import { ChatDotRound, Connection, Key, Monitor, User } from '@element-plus/icons-vue';
import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';

// The admin pages of identity and access (REG-05 to REG-07, NFR-SEC-1), kept by sys_admin, sec_admin
// and support. Spread into adminRoutes (routes.ts) in this order; meta is read there as everywhere
// (NFR-MNT-1).
const icon = markRaw;

export const identityRoutes: RouteRecordRaw[] = [
  // identity and access: users, role grants, login allowlist, sessions, SMS (REG-05 to REG-07)
  {
    // 三权分立: users are sys_admin's (staff_user.manage); sec_admin sees them read-only to grant roles.
    path: 'users',
    name: 'admin-users',
    component: () => import('@/features/identity/pages/StaffUserListPage.vue'),
    meta: {
      title: '用户管理',
      permission: 'staff_user.read',
      menu: { order: 130, icon: icon(User) },
    },
  },
  {
    // sec_admin grants roles; the server refuses self-grants and two security roles in one person.
    path: 'role-grants',
    name: 'admin-role-grants',
    component: () => import('@/features/identity/pages/RoleGrantPage.vue'),
    meta: {
      title: '角色授权',
      permission: 'role_grant.manage',
      menu: { order: 140, icon: icon(Key) },
    },
  },
  {
    // REG-07: the addresses staff may log in from, kept by sec_admin.
    path: 'ip-allowlist',
    name: 'admin-ip-allowlist',
    component: () => import('@/features/identity/pages/IpAllowlistPage.vue'),
    meta: {
      title: '登录白名单',
      permission: 'ip_allowlist.manage',
      menu: { order: 150, icon: icon(Connection) },
    },
  },
  {
    // NFR-SEC-1 session control: sec_admin sees who is signed in and can force a session off.
    path: 'sessions',
    name: 'admin-sessions',
    component: () => import('@/features/identity/pages/SessionListPage.vue'),
    meta: {
      title: '在线会话',
      permission: 'session.manage',
      menu: { order: 160, icon: icon(Monitor) },
    },
  },
  {
    // REG-06: support reads the outbox and lifts a number's daily limit (sms.read / sms.unlock).
    path: 'sms',
    name: 'admin-sms',
    component: () => import('@/features/identity/pages/SmsOutboxPage.vue'),
    meta: {
      title: '短信管理',
      permission: 'sms.read',
      menu: { order: 170, icon: icon(ChatDotRound) },
    },
  },
];
