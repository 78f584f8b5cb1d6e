import type { RouteRecordRaw } from 'vue-router';

/**
 * Candidate portal 考生服务 at '/': public pages, mobile first (REQUIREMENTS §0, ONL).
 * Every page is lazy-loaded: a candidate on a phone network downloads only the page he opens, not
 * the whole portal (NFR-UX-1, no noticeable delay). Pages that need an account have no route
 * guard; they call the API and go to sign-in on 401 (require-login.ts), so the server decides.
 */
export const candidateRoutes: RouteRecordRaw = {
  path: '/',
  component: () => import('./CandidateLayout.vue'),
  meta: { portal: 'candidate' },
  children: [
    { path: '', name: 'candidate-home', component: () => import('./pages/CandidateHomePage.vue') },
    {
      path: 'notices',
      name: 'candidate-notices',
      component: () => import('./pages/NoticeListPage.vue'),
      meta: { title: '招录公告' },
    },
    // notice and position detail: public, no sign-in, so anyone can read them before registering
    {
      path: 'notices/:id',
      name: 'candidate-notice',
      component: () => import('@/features/notices/pages/NoticeDetailPage.vue'),
      meta: { title: '公告详情' },
    },
    {
      path: 'positions/:id',
      name: 'candidate-position',
      component: () => import('@/features/positions/pages/PositionDetailPage.vue'),
      meta: { title: '职位详情' },
    },
    {
      path: 'positions',
      name: 'candidate-positions',
      component: () => import('./pages/PositionSearchPage.vue'),
      meta: { title: '职位查询' },
    },
    // 抽签公示 (REG-08): any draw's hash, seed, inputs digest and result in codes, with a replay
    {
      path: 'draws/:id',
      name: 'candidate-draw',
      component: () => import('@/features/draws/pages/PublicDrawPage.vue'),
      meta: { title: '抽签公示' },
    },
    // candidate account: real-name registration, SMS password reset (REG-06)
    {
      path: 'login',
      name: 'candidate-login',
      component: () => import('@/features/identity/pages/CandidateLoginPage.vue'),
      meta: { title: '考生登录' },
    },
    {
      path: 'register',
      name: 'candidate-register',
      component: () => import('@/features/identity/pages/CandidateRegisterPage.vue'),
      meta: { title: '考生注册' },
    },
    {
      path: 'forgot-password',
      name: 'candidate-forgot-password',
      component: () => import('@/features/identity/pages/ForgotPasswordPage.vue'),
      meta: { title: '找回密码' },
    },
    {
      path: 'account',
      name: 'candidate-account',
      component: () => import('@/features/identity/pages/CandidateAccountPage.vue'),
      meta: { title: '我的账号' },
    },
    // profile, exam registration 笔试报名, payment (REG-11), admission ticket
    {
      path: 'profile',
      name: 'candidate-profile',
      component: () => import('@/features/profile/pages/ProfilePage.vue'),
      meta: { title: '我的档案' },
    },
    {
      path: 'registrations',
      name: 'candidate-registrations',
      component: () => import('@/features/registration/pages/MyRegistrationsPage.vue'),
      meta: { title: '我的报名' },
    },
    {
      path: 'registrations/new/:eventId',
      name: 'candidate-register-exam',
      component: () => import('@/features/registration/pages/RegisterExamPage.vue'),
      meta: { title: '笔试报名' },
    },
    {
      path: 'registrations/:id/payment',
      name: 'candidate-payment',
      component: () => import('@/features/payment/pages/PaymentPage.vue'),
      meta: { title: '缴费' },
    },
    // written-exam scores (ONL-02) and position application (ONL-03)
    {
      path: 'scores',
      name: 'candidate-scores',
      component: () => import('@/features/scores/pages/MyScoresPage.vue'),
      meta: { title: '我的成绩' },
    },
    // interview and composite scores, once published (§7, IVW-08)
    {
      path: 'composite',
      name: 'candidate-composite',
      component: () => import('@/features/composite/pages/MyCompositePage.vue'),
      meta: { title: '我的综合成绩' },
    },
    // in-site messages the steps send (review, lists, adjustment, composite, problem replies)
    {
      path: 'messages',
      name: 'candidate-messages',
      component: () => import('@/features/messages/pages/MyMessagesPage.vue'),
      meta: { title: '我的消息' },
    },
    // physical exam and re-check notices and results, the re-check request (§7, REG-04)
    {
      path: 'physical-exam',
      name: 'candidate-physical-exam',
      component: () => import('@/features/physical-exam/pages/MyPhysicalExamPage.vue'),
      meta: { title: '我的体检' },
    },
    {
      path: 'applications',
      name: 'candidate-applications',
      component: () => import('@/features/applications/pages/ApplyPositionPage.vue'),
      meta: { title: '职位报名' },
    },
    // interview lists (INT-02, §7): the candidate's own status, and the public page of a published list
    {
      path: 'interview-lists',
      name: 'candidate-interview-lists',
      component: () => import('@/features/interview-lists/pages/MyInterviewListsPage.vue'),
      meta: { title: '我的面试资格' },
    },
    {
      path: 'interview-lists/:eventId',
      name: 'public-interview-list',
      component: () => import('@/features/interview-lists/pages/PublicInterviewListPage.vue'),
      meta: { title: '面试名单公示' },
    },
    // adjustment 调剂 (§7): apply for one published adjustment position, change until approved
    {
      path: 'adjustment',
      name: 'candidate-adjustment',
      component: () => import('@/features/adjustment/pages/MyAdjustmentPage.vue'),
      meta: { title: '我的调剂' },
    },
    // admission ticket 准考证: printable once seats are assigned
    {
      path: 'registrations/:id/ticket',
      name: 'candidate-ticket',
      component: () => import('@/features/ticket/pages/AdmissionTicketPage.vue'),
      meta: { title: '准考证' },
    },
    // problem center 报名问题处理中心 (ONL-01): appeals, waivers, name changes, technical questions
    {
      path: 'problems',
      name: 'candidate-problems',
      component: () => import('@/features/problems/pages/MyProblemsPage.vue'),
      meta: { title: '问题中心' },
    },
    {
      path: 'problems/new',
      name: 'candidate-problem-new',
      component: () => import('@/features/problems/pages/NewProblemPage.vue'),
      meta: { title: '提交问题' },
    },
    {
      path: 'problems/:id',
      name: 'candidate-problem',
      component: () => import('@/features/problems/pages/ProblemDetailPage.vue'),
      meta: { title: '问题详情' },
    },
    // Last, so it only catches what no route above matched; it stays inside the candidate shell.
    {
      path: ':pathMatch(.*)*',
      name: 'candidate-not-found',
      component: () => import('@/shared/NotFoundPage.vue'),
      meta: { title: '页面不存在' },
    },
  ],
};

/**
 * Navigation entries of the candidate header and drawer: one list for both, so they never
 * disagree. Ordered along a candidate's way through an event: read, find, register, profile,
 * scores, apply.
 */
export const candidateNav = [
  { to: '/', label: '首页' },
  { to: '/notices', label: '招录公告' },
  { to: '/positions', label: '职位查询' },
  { to: '/registrations', label: '我的报名' },
  { to: '/profile', label: '我的档案' },
  { to: '/scores', label: '我的成绩' },
  { to: '/applications', label: '职位报名' },
  { to: '/interview-lists', label: '面试资格' },
  { to: '/adjustment', label: '我的调剂' },
  { to: '/composite', label: '综合成绩' },
  { to: '/physical-exam', label: '我的体检' },
  { to: '/messages', label: '我的消息' },
  { to: '/problems', label: '问题中心' },
  { to: '/account', label: '我的账号' },
] as const;
