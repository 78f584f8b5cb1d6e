import type { Permission } from '@kaolu/contracts';
import type { RouteRecordRaw } from 'vue-router';

/** Interview system 面试系统 at '/interview', used on tablets in interview rooms (REQUIREMENTS §5, IVW). */
export const interviewRoutes: RouteRecordRaw = {
  path: '/interview',
  component: () => import('./InterviewLayout.vue'),
  // Staff only (REG-05, REG-07): the admin portal's login, second factor and forced password change, shown here.
  meta: { portal: 'interview', requiresStaff: true },
  children: [
    // Login and password change are open without a session (staffOpen): the guard would otherwise
    // send a signed-out user, or one whose password expired (REG-05), in a loop to themselves.
    {
      path: 'login',
      name: 'interview-login',
      component: () => import('@/features/identity/pages/StaffLoginPage.vue'),
      meta: { title: '登录', staffOpen: true },
    },
    {
      path: 'change-password',
      name: 'interview-change-password',
      component: () => import('@/features/identity/pages/StaffChangePasswordPage.vue'),
      meta: { title: '修改密码', staffOpen: true },
    },
    { path: '', name: 'interview-home', component: () => import('./pages/InterviewHomePage.vue') },
    // Examiner arrangement: rules, simulated and real draws, table, print (IVW-04, IVW-07)
    {
      path: 'arrangement',
      name: 'interview-arrangement',
      component: () => import('@/features/interviews/pages/ArrangementPage.vue'),
      meta: { title: '考官编排', permission: 'interview.read' },
    },
    {
      path: 'arrangement/print/:eventId',
      name: 'interview-arrangement-print',
      component: () => import('@/features/interviews/pages/ArrangementPrintPage.vue'),
      meta: { title: '打印考官编排表', permission: 'interview.read' },
    },
    {
      path: 'examiner-checkin',
      name: 'interview-examiner-checkin',
      component: () => import('@/features/interviews/pages/ExaminerCheckinPage.vue'),
      meta: { title: '考官报到', permission: 'interview.checkin' },
    },
    // Venue desks (IVW-05, IVW-06): the permission is declared once here; the layout shows 403.
    {
      path: 'checkin',
      name: 'interview-checkin',
      component: () => import('./pages/CandidateCheckinPage.vue'),
      meta: { title: '考生签到', permission: 'interview.checkin' },
    },
    {
      path: 'draw',
      name: 'interview-draw',
      component: () => import('./pages/CandidateDrawPage.vue'),
      meta: { title: '考生抽签', permission: 'interview.draw' },
    },
    {
      path: 'draw/:groupId/print',
      name: 'interview-draw-print',
      component: () => import('./pages/CandidateOrderPrintPage.vue'),
      meta: { title: '面试顺序表', permission: 'interview.draw' },
    },
    // Scoring on the examiner's tablet and the supervisor's board (IVW-08, IVW-10, §7).
    {
      path: 'scoring',
      name: 'interview-scoring',
      component: () => import('@/features/interview-scoring/pages/ScoringPage.vue'),
      meta: { title: '考官评分', permission: 'interview.score' },
    },
    {
      path: 'supervision',
      name: 'interview-supervision',
      component: () => import('@/features/interview-scoring/pages/SupervisionPage.vue'),
      meta: { title: '评分监督', permission: 'interview.supervise' },
    },
    // Live monitoring (IVW-09) and the interview-stage exports with psych results (INT-09b/c).
    {
      path: 'monitor',
      name: 'interview-monitor',
      component: () => import('@/features/interview-reports/MonitorPage.vue'),
      meta: { title: '现场监控', permission: 'interview.monitor' },
    },
    {
      path: 'exports',
      name: 'interview-exports',
      component: () => import('@/features/interview-reports/ExportsPage.vue'),
      meta: { title: '导出与心理测评', permission: 'interview.manage' },
    },
    // Unknown paths stay inside this portal's shell instead of falling through to the candidate
    // portal's catch-all at '/'.
    {
      path: ':pathMatch(.*)*',
      name: 'interview-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};

/**
 * Navigation of the interview header, each entry with its page's permission (the layout hides the
 * ones the user lacks).
 */
export const interviewNav: readonly { to: string; label: string; permission?: Permission }[] = [
  { to: '/interview', label: '首页' },
  { to: '/interview/arrangement', label: '考官编排', permission: 'interview.read' },
  { to: '/interview/examiner-checkin', label: '考官报到', permission: 'interview.checkin' },
  { to: '/interview/checkin', label: '考生签到', permission: 'interview.checkin' },
  { to: '/interview/draw', label: '考生抽签', permission: 'interview.draw' },
  { to: '/interview/scoring', label: '考官评分', permission: 'interview.score' },
  { to: '/interview/supervision', label: '评分监督', permission: 'interview.supervise' },
  { to: '/interview/monitor', label: '现场监控', permission: 'interview.monitor' },
  { to: '/interview/exports', label: '导出', permission: 'interview.manage' },
];
