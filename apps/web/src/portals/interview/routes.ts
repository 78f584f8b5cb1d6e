import type { RouteRecordRaw } from 'vue-router';

/** Interview system 面试系统 at '/interview', used on tablets in interview rooms (REQUIREMENTS §5, IVW). */
export const interviewRoutes: RouteRecordRaw = {
  path: '/interview',
  component: () => import('./InterviewLayout.vue'),
  meta: { portal: 'interview' },
  children: [
    { path: '', name: 'interview-home', component: () => import('./pages/InterviewHomePage.vue') },
    {
      path: ':pathMatch(.*)*',
      name: 'interview-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};

/** Navigation of the interview header; IVW modules add check-in, lottery, scoring, monitoring. */
export const interviewNav = [{ to: '/interview', label: '首页' }] as const;
