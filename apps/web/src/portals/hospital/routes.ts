import type { RouteRecordRaw } from 'vue-router';

/** Hospital-school portal 医院学校端 at '/hospital' (REQUIREMENTS §3, HOS). */
export const hospitalRoutes: RouteRecordRaw = {
  path: '/hospital',
  component: () => import('./HospitalLayout.vue'),
  meta: { portal: 'hospital' },
  children: [
    { path: '', name: 'hospital-home', component: () => import('./pages/HospitalHomePage.vue') },
    {
      path: ':pathMatch(.*)*',
      name: 'hospital-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};

/** Navigation of the hospital-school header; HOS modules add their pages here. */
export const hospitalNav = [{ to: '/hospital', label: '首页' }] as const;
