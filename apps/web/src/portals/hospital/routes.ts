import type { Permission } from '@kaolu/contracts';
import type { RouteRecordRaw } from 'vue-router';

/** Hospital-school portal 医院学校端 at '/hospital' (REQUIREMENTS §3, HOS). */
export const hospitalRoutes: RouteRecordRaw = {
  path: '/hospital',
  component: () => import('./HospitalLayout.vue'),
  // Staff only (REG-05, REG-07): the admin portal's login, second factor and forced password change, shown here.
  meta: { portal: 'hospital', requiresStaff: true },
  children: [
    // Login and password change are open without a session (staffOpen): the guard would otherwise
    // send a signed-out user, or one whose password expired (REG-05), in a loop to themselves.
    {
      path: 'login',
      name: 'hospital-login',
      component: () => import('@/features/identity/pages/StaffLoginPage.vue'),
      meta: { title: '登录', staffOpen: true },
    },
    {
      path: 'change-password',
      name: 'hospital-change-password',
      component: () => import('@/features/identity/pages/StaffChangePasswordPage.vue'),
      meta: { title: '修改密码', staffOpen: true },
    },
    { path: '', name: 'hospital-home', component: () => import('./pages/HospitalHomePage.vue') },
    // physical-exam results and change requests through the exchange store (HOS, INT-09g)
    {
      path: 'physical-exam',
      name: 'hospital-physical-exam',
      component: () => import('@/features/physical-exam/pages/HospitalExamPage.vue'),
      meta: { title: '体检考生与结果', permission: 'physical_exam.record' },
    },
    // Unknown paths stay inside this portal's shell instead of falling through to the candidate
    // portal's catch-all at '/'.
    {
      path: ':pathMatch(.*)*',
      name: 'hospital-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};

/**
 * Navigation of the hospital-school header; HOS modules add their pages here with the permission of
 * their route, so a school user is not shown the hospitals' page.
 */
export const hospitalNav: ReadonlyArray<{ to: string; label: string; permission?: Permission }> = [
  { to: '/hospital', label: '首页' },
  { to: '/hospital/physical-exam', label: '体检考生与结果', permission: 'physical_exam.record' },
];
