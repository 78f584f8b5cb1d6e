import {
  Bell,
  Collection,
  DataBoard,
  Document,
  EditPen,
  List,
  Money,
  OfficeBuilding,
  Operation,
  Service,
  Share,
  Tickets,
} from '@element-plus/icons-vue';
import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { identityRoutes } from './routes-identity';
import { selectionRoutes } from './routes-selection';

// The one declaration of each admin page (NFR-MNT-1): its title, the permission it needs and, for
// sidebar pages, `menu` (order, icon, label when it differs from the title). The sidebar is derived
// from these records (admin-menu.ts) and AdminLayout shows the 403 page from the same `permission`,
// so a page's access is declared once and the menu cannot disagree with the page.
// Icons are markRaw: Vue must not make component definitions reactive.
const icon = markRaw;

/** Admin portal 管理端 at '/admin': staff of the organisation department, units, exam institute. */
export const adminRoutes: RouteRecordRaw = {
  path: '/admin',
  component: () => import('./AdminLayout.vue'),
  // Every page needs a staff session (identity-guard, REG-05); `permission` is checked by AdminLayout.
  meta: { portal: 'admin', requiresStaff: true },
  children: [
    {
      // No permission: every signed-in staff user sees whether the system is up.
      path: '',
      name: 'admin-dashboard',
      component: () => import('./pages/AdminDashboardPage.vue'),
      meta: { menu: { order: 10, icon: icon(DataBoard), label: '系统概况' } },
    },
    {
      path: 'jobs',
      name: 'admin-jobs',
      component: () => import('./pages/JobListPage.vue'),
      meta: {
        title: '后台任务',
        permission: 'job.read',
        menu: { order: 20, icon: icon(Operation) },
      },
    },
    {
      // audit.read is the auditor's alone (三权分立, NFR-SEC-1): the administrators cannot read the
      // log of their own actions.
      path: 'audit',
      name: 'admin-audit',
      component: () => import('@/features/audit/AuditLogPage.vue'),
      meta: {
        title: '审计日志',
        permission: 'audit.read',
        menu: { order: 30, icon: icon(Document) },
      },
    },
    // sign-in pages open without a full session (REG-05: second factor, forced password change)
    {
      path: 'login',
      name: 'admin-login',
      component: () => import('@/features/identity/pages/StaffLoginPage.vue'),
      meta: { title: '后台登录', staffOpen: true },
    },
    {
      path: 'change-password',
      name: 'admin-change-password',
      component: () => import('@/features/identity/pages/StaffChangePasswordPage.vue'),
      meta: { title: '修改密码', staffOpen: true },
    },
    // recruitment events, units, brochures, REG-01 lists, REG-03/04 notices
    {
      path: 'events',
      name: 'admin-events',
      component: () => import('@/features/events/pages/EventListPage.vue'),
      meta: {
        title: '招录事项',
        permission: 'event.read',
        menu: { order: 40, icon: icon(Collection) },
      },
    },
    {
      // Sub-pages without meta.menu are reached from their list page; their permission still guards a
      // direct visit.
      path: 'events/compare',
      name: 'admin-event-compare',
      component: () => import('@/features/events/pages/EventComparePage.vue'),
      meta: { title: '招录事项对比', permission: 'event.manage' },
    },
    {
      path: 'events/:id',
      name: 'admin-event-detail',
      component: () => import('@/features/events/pages/EventDetailPage.vue'),
      meta: { title: '招录事项详情', permission: 'event.read' },
    },
    {
      path: 'units',
      name: 'admin-units',
      component: () => import('@/features/positions/pages/UnitListPage.vue'),
      meta: {
        title: '招录单位',
        permission: 'unit.read',
        menu: { order: 50, icon: icon(OfficeBuilding) },
      },
    },
    {
      path: 'positions',
      name: 'admin-unit-positions',
      component: () => import('@/features/positions/pages/UnitPositionsPage.vue'),
      meta: {
        title: '职位填报',
        permission: 'position.read',
        menu: { order: 60, icon: icon(EditPen) },
      },
    },
    {
      path: 'lists',
      name: 'admin-lists',
      component: () => import('@/features/lists/pages/AdjustmentListPage.vue'),
      meta: {
        title: '白名单与灰名单',
        permission: 'event.adjust',
        menu: { order: 70, icon: icon(List) },
      },
    },
    {
      path: 'notices',
      name: 'admin-notices',
      component: () => import('@/features/notices/pages/NoticeAdminPage.vue'),
      meta: {
        title: '公告通知',
        permission: 'notice.manage',
        menu: { order: 80, icon: icon(Bell) },
      },
    },
    // REG-11 payment reconciliation and the NFR-EXC-1 data-exchange interface log
    {
      path: 'reconciliation',
      name: 'admin-reconciliation',
      component: () => import('@/features/payment/pages/ReconciliationPage.vue'),
      meta: {
        title: '缴费对账',
        permission: 'payment.read',
        menu: { order: 90, icon: icon(Money) },
      },
    },
    {
      path: 'interface-logs',
      name: 'admin-interface-logs',
      component: () => import('@/features/registration/pages/InterfaceLogPage.vue'),
      meta: {
        title: '接口日志',
        permission: 'data_exchange.read',
        menu: { order: 100, icon: icon(Share) },
      },
    },
    // ONL-02 written-exam scores and pass lines, §7 unit review
    {
      path: 'scores',
      name: 'admin-scores',
      component: () => import('@/features/scores/pages/ScoreAdminPage.vue'),
      meta: {
        title: '笔试成绩与合格线',
        permission: 'score.read',
        menu: { order: 110, icon: icon(DataBoard), label: '成绩与合格线' },
      },
    },
    {
      path: 'reviews',
      name: 'admin-reviews',
      component: () => import('@/features/review/pages/ReviewQueuePage.vue'),
      meta: {
        title: '资格审查',
        permission: 'application.review',
        menu: { order: 120, icon: icon(List) },
      },
    },
    {
      // INT-02, §7: units read their own positions' lists; the org computes, confirms, publishes.
      path: 'interview-lists',
      name: 'admin-interview-lists',
      component: () => import('@/features/interview-lists/pages/InterviewListAdminPage.vue'),
      meta: {
        title: '面试名单',
        permission: 'interview_list.read',
        menu: { order: 122, icon: icon(Tickets) },
      },
    },
    {
      path: 'reviews/:id',
      name: 'admin-review-detail',
      component: () => import('@/features/review/pages/ReviewDetailPage.vue'),
      meta: { title: '报名审核', permission: 'application.review' },
    },
    // The stages after review, then identity and access: kept in sibling files, spread in this order.
    ...selectionRoutes,
    ...identityRoutes,
    {
      // ONL-01: the problem center's queues (org department: appeals and waivers; support: technical).
      path: 'problems',
      name: 'admin-problems',
      component: () => import('@/features/problems/pages/ProblemQueuePage.vue'),
      meta: {
        title: '报名问题处理',
        permission: 'problem.read',
        menu: { order: 105, icon: icon(Service) },
      },
    },
    {
      path: 'problems/:id',
      name: 'admin-problem',
      component: () => import('@/features/problems/pages/ProblemHandlePage.vue'),
      meta: { title: '问题处理', permission: 'problem.read' },
    },
    {
      // Last: an unknown admin path shows the 404 page inside the layout, with the menu still usable.
      path: ':pathMatch(.*)*',
      name: 'admin-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};
