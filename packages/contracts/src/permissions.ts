/**
 * Permission catalogue shared by server routes and web buttons: `resource.action` → zh-CN label.
 * Roles (identity module) are sets of these; every staff route declares exactly one.
 */
export const PERMISSIONS = {
  'job.read': '查看后台任务',
  'personal_data.reveal': '查看完整个人信息（需填写事由，留痕）',
  'system.read': '查看系统状态',
  // audit log (REG-08): the auditor role holds every audit.* permission
  'audit.read': '查看审计日志',
  'audit.verify': '验证审计日志完整性',
  'audit.export': '导出审计日志及签名文件',
  // identity and access: 三权分立 — accounts (sys_admin), security (sec_admin), SMS support
  'staff_user.read': '查看后台用户',
  'staff_user.manage': '管理后台用户（新建、停用、重置密码、解锁）',
  'role_grant.manage': '分配角色与授权范围',
  'ip_allowlist.manage': '管理后台登录地址白名单',
  'session.manage': '查看和注销登录会话',
  'sms.read': '查看短信发件箱和当日发送量',
  'sms.unlock': '解锁手机号当日短信限制',
  // recruitment events, units, brochures, notices
  'event.read': '查看招录事项',
  'event.manage': '新建和维护招录事项、政策与日程',
  'event.adjust': '应急调整（截止时间、白名单、灰名单）',
  'unit.read': '查看招录单位',
  'unit.manage': '维护招录单位',
  'position.read': '查看职位',
  'position.edit': '填报职位（本单位）',
  'brochure.submit': '上报简章（本单位）',
  'brochure.review': '审核、退回和发布简章',
  'notice.manage': '编辑和发布公告通知',
  // profile, exam registration, payment, tickets, data exchange
  'registration.read': '查看笔试报名',
  'registration.recheck': '重新核验待核验报名',
  'payment.read': '查看缴费对账',
  'payment.export': '导出缴费对账表',
  'payment.manage': '退费、逾期未缴费处理',
  'ticket.manage': '维护考场并编排座位',
  'data_exchange.read': '查看数据交换接口日志',
  'data_exchange.batch_check': '批量户籍和居住证校验',
  // written-exam scores, position application and unit review
  'score.import': '导入笔试成绩',
  'score.read': '查看笔试成绩',
  'score.publish': '设置合格线并公布笔试成绩',
  'application.review': '资格审查（本单位职位报名）',
  'application.overdue': '查看各单位超时未审报名',
  // after review: interview lists, 体测, adjustment, interview scores and composite (INT-02, INT-07, §7)
  'interview_list.read': '查看面试名单（本单位职位）',
  'interview_list.manage': '计算、确认和发布面试名单，导入体测结果',
  'adjustment.review': '审核调剂申请（本单位职位）',
  'adjustment.manage': '发布调剂职位、组织统一调剂',
  'composite.read': '查看面试成绩和综合成绩（本单位职位）',
  'composite.manage': '导入面试成绩、计算并公布综合成绩和体检名单',
  // physical exam 体检 and re-check (§7, REG-04): the org's list and approvals, the hospitals' results
  'physical_exam.manage': '生成体检名单、安排体检和复检、审批体检结果变更',
  'physical_exam.record': '录入和导入体检结果、申请结果变更（本医院考生）',
  // problem center 报名问题处理中心 (ONL-01): queues, handling, export and statistics
  'problem.read': '查看报名问题及统计',
  'problem.handle': '处理报名问题（受理、回复、审批）',
  'problem.export': '导出报名问题清单',
  // interview system (IVW-01 … IVW-10, INT-09a): scoped to an interview event, venue or session
  'interview.read': '查看面试事项、考生、职位和考官（授权范围内）',
  'interview.manage': '面试设置、导入和考官编排',
  'interview.draw': '执行面试抽签（考官、考生）',
  'interview.checkin': '考生和考官签到',
  'interview.supervise': '监督面试抽签、签到和评分，确认考官评分表（监督员）',
  // interview scoring (IVW-08, IVW-10): an examiner scores only the candidates of his own group
  'interview.score': '考官评分（本组考生）',
  'interview.monitor': '查看面试现场进度（监控）',
  'examiner_dispatch.register': '登记外派考官和考官需求（本单位）',
  'examiner_dispatch.manage': '统筹分配外派考官',
} as const;

export type Permission = keyof typeof PERMISSIONS;
