import { Collection, Connection, FirstAidKit, List, Share, User } from '@element-plus/icons-vue';
import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';

// The admin pages of the stages after the qualification review (§7): composite scores, adjustment,
// the interview system and external examiners. Spread into adminRoutes (routes.ts) in this order;
// meta is read there as everywhere (NFR-MNT-1).
const icon = markRaw;

export const selectionRoutes: RouteRecordRaw[] = [
  // §7 interview scores, composite, ranking and the physical-exam list (IVW-08, INT-07)
  {
    path: 'composite',
    name: 'admin-composite',
    component: () => import('@/features/composite/pages/CompositeAdminPage.vue'),
    meta: {
      title: '面试成绩与综合成绩',
      permission: 'composite.read',
      menu: { order: 126, icon: icon(Collection), label: '综合成绩' },
    },
  },
  // §7 physical exam and re-check after the composite (REG-04), hospitals' change approval (INT-09g)
  {
    path: 'physical-exam',
    name: 'admin-physical-exam',
    component: () => import('@/features/physical-exam/pages/PhysicalExamAdminPage.vue'),
    meta: {
      title: '体检与复检',
      permission: 'physical_exam.manage',
      menu: { order: 126.5, icon: icon(FirstAidKit), label: '体检管理' },
    },
  },
  // adjustment 调剂 (§7): the org's public and unified rounds, the units' review of applications
  {
    path: 'adjustment',
    name: 'admin-adjustment',
    component: () => import('@/features/adjustment/pages/AdjustmentAdminPage.vue'),
    meta: {
      title: '调剂',
      permission: 'adjustment.manage',
      menu: { order: 124, icon: icon(Share), label: '调剂管理' },
    },
  },
  {
    path: 'adjustment-reviews',
    name: 'admin-adjustment-reviews',
    component: () => import('@/features/adjustment/pages/AdjustmentReviewPage.vue'),
    meta: {
      title: '调剂申请审核',
      permission: 'adjustment.review',
      menu: { order: 125, icon: icon(List) },
    },
  },
  // interview system setup, imports and browse (IVW-01 … IVW-03)
  {
    path: 'interviews',
    name: 'admin-interviews',
    component: () => import('@/features/interviews/pages/InterviewEventListPage.vue'),
    meta: {
      title: '面试事项',
      permission: 'interview.read',
      menu: { order: 127, icon: icon(Collection) },
    },
  },
  {
    path: 'interviews/:id',
    name: 'admin-interview-setup',
    component: () => import('@/features/interviews/pages/InterviewSetupPage.vue'),
    meta: { title: '面试设置', permission: 'interview.read' },
  },
  // INT-09a external examiners: units register, the org allocates and confirms
  {
    path: 'examiner-dispatch/unit',
    name: 'admin-examiner-dispatch-unit',
    component: () => import('@/features/examiner-dispatch/pages/DispatchUnitPage.vue'),
    meta: {
      title: '外派考官登记',
      permission: 'examiner_dispatch.register',
      menu: { order: 128, icon: icon(User) },
    },
  },
  {
    path: 'examiner-dispatch',
    name: 'admin-examiner-dispatch',
    component: () => import('@/features/examiner-dispatch/pages/DispatchBoardPage.vue'),
    meta: {
      title: '外派考官调配',
      permission: 'examiner_dispatch.manage',
      menu: { order: 129, icon: icon(Connection) },
    },
  },
];
