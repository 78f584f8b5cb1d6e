import type { RouteRecordRaw } from 'vue-router';

/** Admin portal 管理端 at '/admin': staff of the organisation department, units, exam institute. */
export const adminRoutes: RouteRecordRaw = {
  path: '/admin',
  component: () => import('./AdminLayout.vue'),
  meta: { portal: 'admin' },
  children: [
    { path: '', name: 'admin-dashboard', component: () => import('./pages/AdminDashboardPage.vue') },
    {
      path: 'jobs',
      name: 'admin-jobs',
      component: () => import('./pages/JobListPage.vue'),
      meta: { title: '后台任务' },
    },
    {
      path: 'audit',
      name: 'admin-audit',
      component: () => import('@/features/audit/AuditLogPage.vue'),
      meta: { title: '审计日志' },
    },
    {
      path: ':pathMatch(.*)*',
      name: 'admin-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};
