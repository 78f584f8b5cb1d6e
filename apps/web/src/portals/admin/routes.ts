import type { RouteRecordRaw } from 'vue-router';

/** Admin portal 管理端 at '/admin': staff of the organisation department, units, exam institute. */
export const adminRoutes: RouteRecordRaw = {
  path: '/admin',
  component: () => import('./AdminLayout.vue'),
  // Every page needs a staff session (identity-guard); `permission` is checked by AdminLayout, which
  // shows the 403 page instead. Menu entries (admin-menu.ts) declare the same permission.
  meta: { portal: 'admin', requiresStaff: true },
  children: [
    { path: '', name: 'admin-dashboard', component: () => import('./pages/AdminDashboardPage.vue') },
    {
      path: 'jobs',
      name: 'admin-jobs',
      component: () => import('./pages/JobListPage.vue'),
      meta: { title: '后台任务', permission: 'job.read' },
    },
    {
      path: 'audit',
      name: 'admin-audit',
      component: () => import('@/features/audit/AuditLogPage.vue'),
      meta: { title: '审计日志', permission: 'audit.read' },
    },
    // identity and access (issue 3)
    { path: 'login', name: 'admin-login', component: () => import('@/features/identity/pages/StaffLoginPage.vue'), meta: { title: '后台登录', staffOpen: true } },
    { path: 'change-password', name: 'admin-change-password', component: () => import('@/features/identity/pages/StaffChangePasswordPage.vue'), meta: { title: '修改密码', staffOpen: true } },
    { path: 'users', name: 'admin-users', component: () => import('@/features/identity/pages/StaffUserListPage.vue'), meta: { title: '用户管理', permission: 'staff_user.read' } },
    { path: 'role-grants', name: 'admin-role-grants', component: () => import('@/features/identity/pages/RoleGrantPage.vue'), meta: { title: '角色授权', permission: 'role_grant.manage' } },
    { path: 'ip-allowlist', name: 'admin-ip-allowlist', component: () => import('@/features/identity/pages/IpAllowlistPage.vue'), meta: { title: '登录白名单', permission: 'ip_allowlist.manage' } },
    { path: 'sessions', name: 'admin-sessions', component: () => import('@/features/identity/pages/SessionListPage.vue'), meta: { title: '在线会话', permission: 'session.manage' } },
    { path: 'sms', name: 'admin-sms', component: () => import('@/features/identity/pages/SmsOutboxPage.vue'), meta: { title: '短信管理', permission: 'sms.read' } },
    // recruitment events, units, brochures, REG-01 lists, notices (issue 6)
    { path: 'events', name: 'admin-events', component: () => import('@/features/events/pages/EventListPage.vue'), meta: { title: '招录事项', permission: 'event.read' } },
    { path: 'events/compare', name: 'admin-event-compare', component: () => import('@/features/events/pages/EventComparePage.vue'), meta: { title: '招录事项对比', permission: 'event.manage' } },
    { path: 'events/:id', name: 'admin-event-detail', component: () => import('@/features/events/pages/EventDetailPage.vue'), meta: { title: '招录事项详情', permission: 'event.read' } },
    { path: 'units', name: 'admin-units', component: () => import('@/features/positions/pages/UnitListPage.vue'), meta: { title: '招录单位', permission: 'unit.read' } },
    { path: 'positions', name: 'admin-unit-positions', component: () => import('@/features/positions/pages/UnitPositionsPage.vue'), meta: { title: '职位填报', permission: 'position.read' } },
    { path: 'lists', name: 'admin-lists', component: () => import('@/features/lists/pages/AdjustmentListPage.vue'), meta: { title: '白名单与灰名单', permission: 'event.adjust' } },
    { path: 'notices', name: 'admin-notices', component: () => import('@/features/notices/pages/NoticeAdminPage.vue'), meta: { title: '公告通知', permission: 'notice.manage' } },
    // payment reconciliation and the data-exchange interface log (issue 7)
    { path: 'reconciliation', name: 'admin-reconciliation', component: () => import('@/features/payment/pages/ReconciliationPage.vue'), meta: { title: '缴费对账', permission: 'payment.read' } },
    // written-exam scores, pass lines and unit review (issue 8)
    { path: 'scores', name: 'admin-scores', component: () => import('@/features/scores/pages/ScoreAdminPage.vue'), meta: { title: '笔试成绩与合格线', permission: 'score.read' } },
    { path: 'reviews', name: 'admin-reviews', component: () => import('@/features/review/pages/ReviewQueuePage.vue'), meta: { title: '资格审查', permission: 'application.review' } },
    { path: 'reviews/:id', name: 'admin-review-detail', component: () => import('@/features/review/pages/ReviewDetailPage.vue'), meta: { title: '报名审核', permission: 'application.review' } },
    { path: 'interface-logs', name: 'admin-interface-logs', component: () => import('@/features/registration/pages/InterfaceLogPage.vue'), meta: { title: '接口日志', permission: 'data_exchange.read' } },
    {
      path: ':pathMatch(.*)*',
      name: 'admin-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};
