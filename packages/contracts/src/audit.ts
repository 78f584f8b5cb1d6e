import { z } from 'zod';
import { pageOf, PageQuerySchema } from './common';

// The auditor's API over the signed audit log (REG-08): list with filters, verify, export.

/**
 * Who acted: a staff user, a candidate, the system itself (jobs, CLIs), or someone not logged in.
 */
export const AuditActorKindSchema = z.enum(['staff', 'candidate', 'system', 'anonymous']);
export const AUDIT_ACTOR_KIND_LABELS = {
  staff: '工作人员',
  candidate: '考生',
  system: '系统',
  anonymous: '未登录用户',
} as const;
// Refusals are audited too (failed logins, refused IPs), hence a result on every entry.
export const AuditResultSchema = z.enum(['success', 'failure']);
export const AUDIT_RESULT_LABELS = { success: '成功', failure: '失败' } as const;

/**
 * Audited actions (`resource.past_tense`) with their zh-CN labels, for the filter and the table.
 * docs/security.md "## Audit log" lists the same actions with when each is written.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'login.succeeded': '登录成功',
  'login.failed': '登录失败',
  'login.refused': '登录被拒绝',
  'login.password_accepted': '密码验证通过（待第二因子）',
  'login.second_factor_failed': '第二因子验证失败',
  'logout.succeeded': '退出登录',
  'password.changed': '修改密码',
  'password.change_failed': '修改密码失败',
  'staff_user.created': '新建后台用户',
  'staff_user.password_reset': '重置后台用户密码',
  'role.granted': '授予角色',
  'role.revoked': '撤销角色',
  'session.revoked': '注销会话',
  'ip_allowlist.added': '添加登录地址白名单',
  'ip_allowlist.removed': '删除登录地址白名单',
  'totp.enrolled': '绑定动态口令',
  'totp.removed': '解绑动态口令',
  'candidate.registered': '考生注册',
  'candidate.real_name_failed': '考生实名认证失败',
  'sms.sent': '发送短信',
  'sms.refused': '短信发送被拒绝',
  'sms.unlocked': '解锁短信限制',
  'personal_data.revealed': '查看个人信息明文',
  'key.rotated': '轮换字段加密密钥',
  'audit.verified': '验证审计日志',
  'audit.exported': '导出审计日志',
  'audit.archived': '归档审计日志',
  // Business modules' actions (NFR-UX-1: the auditor reads Chinese, never `notice.published`).
  'adjustment.exported': '导出调剂名单',
  'adjustment_application.reviewed': '审核调剂申请',
  'adjustment_application.withdrawn': '撤回调剂申请',
  'adjustment_positions.published': '发布调剂职位',
  'adjustment_public.closed': '结束公开调剂',
  'adjustment_unified.confirmed': '确认统一调剂结果',
  'adjustment_unified.edited': '修改统一调剂方案',
  'adjustment_unified.proposed': '生成统一调剂方案',
  'application.changed': '变更职位报名',
  'application.reviewed': '审核职位报名',
  'application.submitted': '提交职位报名',
  'application.supplemented': '补充职位报名材料',
  'attachment.downloaded': '下载附件',
  'attachment.uploaded': '上传附件',
  'candidate_order.drawn': '抽取考生面试顺序',
  'candidate_sub_groups.set': '设置考生分组',
  'checkin_desk.created': '创建报到台',
  'checkin_desk.revoked': '停用报到台',
  'composite.computed': '计算综合成绩',
  'composite.published': '公布综合成绩',
  'deadline.changed': '应急调整截止时间',
  'draw.drawn': '抽签',
  'education.checked': '核验学历',
  'event.created': '新建招录事项',
  'event.status_changed': '变更招录事项状态',
  'event.updated': '修改招录事项',
  'event_policy.changed': '修改招录政策',
  'exam_room.created': '新建考场',
  'interview.arrangement_rules_saved': '保存考官编排规则',
  'interview.examiner_checked_in': '考官报到',
  'interview.examiners_arranged': '编排考官',
  'interview_event.created': '新建面试事项',
  'interview_event.updated': '修改面试事项',
  'interview_import.completed': '导入面试名单',
  'interview_list.computed': '生成面试名单',
  'interview_list.confirmed': '确认面试名单',
  'interview_list.published': '公布面试名单',
  'interview_room.created': '新建面试室',
  'interview_score.imported': '导入面试成绩',
  'interview_session.created': '新建面试场次',
  'interview_type.deleted': '删除面试类型',
  'interview_venue.created': '新建面试考点',
  'notice.changed': '修改公告',
  'notice.created': '新建公告',
  'notice.published': '发布公告',
  'notice.withdrawn': '撤回公告',
  'pass_line.changed': '调整合格分数线',
  'payment.callback_rejected': '拒绝缴费回调',
  'payment.confirmed': '确认缴费',
  'payment.deadline_applied': '缴费逾期处理',
  'payment.exported': '导出缴费对账表',
  'payment.refunded': '退费',
  'payment.waived': '减免报名费',
  'photo.confirmed': '确认考生照片',
  'photo.uploaded': '上传考生照片',
  'physical_test.imported': '导入体能测评结果',
  'position.created': '新建职位',
  'position.deleted': '删除职位',
  'position.hired_changed': '修改职位录用人数',
  'position.updated': '修改职位',
  'position_hires.imported': '导入职位录用人数',
  'positions.imported': '导入职位',
  'problem.answered': '答复报名问题',
  'problem.assigned': '分派报名问题',
  'problem.exported': '导出报名问题清单',
  'problem.noted': '备注报名问题',
  'problem.replied': '考生回复报名问题',
  'problem.status_changed': '变更报名问题状态',
  'problem.submitted': '提交报名问题',
  'problem.withdrawn': '撤回报名问题',
  'problem_evidence.uploaded': '上传问题佐证材料',
  'profile.name_changed': '变更考生姓名',
  'profile.updated': '修改考生档案',
  'registration.cancelled': '撤销报名',
  'registration.recheck_queued': '报名重新核验排队',
  'registration.rejected': '报名核验未通过',
  'registration.submitted': '提交笔试报名',
  'registration.verified': '报名核验通过',
  'score.imported': '导入笔试成绩',
  'score.published': '公布笔试成绩',
  'seat.assigned': '编排考场座位',
  'second_round.generated': '生成第二轮简章',
  'unit.created': '新建单位',
  'unit.updated': '修改单位',
  'whitelist.changed': '修改白名单',
  'greylist.changed': '修改灰名单',
  'brochure.filling': '简章退回填报',
  'brochure.submitted': '上报简章',
  'brochure.returned': '退回简章',
  'brochure.approved': '简章审核通过',
  'brochure.published': '发布简章',
  // interview scoring, reports, physical exam (IVW-08 … IVW-10, INT-09b/c/g, §7)
  'score_sheet.submitted': '考官提交评分表',
  'score_sheet.confirmed': '监督员确认评分表',
  'score_sheet.withdrawn': '考官撤回评分表',
  'interview_candidate.session_changed': '调整考生面试时间',
  'interview_examiner.account_linked': '开通考官平板账号',
  'interview_export.downloaded': '导出面试成绩（一人一表）',
  'interview_psych.imported': '导入心理测评结果',
  'physical_exam.list_built': '生成体检名单',
  'physical_exam.assigned': '安排体检或复检',
  'physical_exam.result_recorded': '记录体检结果',
  'physical_exam.change_requested': '医院申请变更体检结果',
  'physical_exam.recheck_requested': '考生申请复检',
};

/**
 * What an entry acted on, in Chinese (NFR-UX-1): the log shows 招录事项 or 后台用户, never the
 * table name. Types without a label show as 其他对象 (see auditTargetTypeLabel).
 */
export const AUDIT_TARGET_TYPE_LABELS: Record<string, string> = {
  recruitment_event: '招录事项',
  event: '招录事项',
  staff_user: '后台用户',
  candidate: '考生',
  problem_case: '报名问题',
  position_application: '职位报名',
  interview_event: '面试事项',
  exam_registration: '笔试报名',
  position: '职位',
  notice: '公告',
  stored_file: '附件',
  payment_notice: '缴费单',
  interview_group: '面试分组',
  adjustment_application: '调剂申请',
  unit: '单位',
  phone: '手机号',
  list_entry: '名单条目',
  ip_allow_entry: '登录地址白名单',
  interview_type: '面试类型',
  interview_session: '面试场次',
  interview_checkin_desk: '报到台',
  draw_record: '抽签记录',
  brochure: '简章',
  session: '登录会话',
  interview_venue: '面试考点',
  interview_room: '面试室',
  interview_candidate: '面试考生',
  field_key: '字段加密密钥',
  examiner_dispatch: '考官派遣',
  examiner_assignment: '考官编排',
  audit_log: '审计日志',
  audit_checkpoint: '审计检查点',
  interview_examiner: '面试考官',
  score_sheet: '评分表',
  physical_exam_entry: '体检考生',
  physical_exam_round: '体检安排',
};

/** The Chinese name of an audited action; one not catalogued yet still never shows its code. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? '其他操作';
}

/** The Chinese name of an entry's target type ('—' for none). */
export function auditTargetTypeLabel(type: string | null): string {
  if (!type) return '—';
  return AUDIT_TARGET_TYPE_LABELS[type] ?? '其他对象';
}

/**
 * One entry as the auditor sees it; `mac` is its link in the HMAC-SM3 chain (over the entry and the
 * previous mac), shown so that an exported copy can be checked entry by entry.
 */
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime(),
  actorKind: AuditActorKindSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** A readable name of the target where the server knows one (user name, event name). */
  targetName: z.string().nullable(),
  result: AuditResultSchema,
  details: z.record(z.string(), z.unknown()),
  mac: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditEntryPageSchema = pageOf(AuditEntrySchema);

/** The auditor's filters: time range, actor, action, target and result. */
export const AuditEntryQuerySchema = PageQuerySchema.extend({
  from: z.iso.datetime({ offset: true }).optional().meta({ title: '开始时间' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ title: '结束时间' }),
  actor: z.string().trim().max(100).optional().meta({ title: '操作人' }),
  action: z.string().trim().max(100).optional().meta({ title: '操作' }),
  targetType: z.string().trim().max(100).optional().meta({ title: '对象类型' }),
  targetId: z.string().trim().max(200).optional().meta({ title: '对象编号' }),
  result: AuditResultSchema.optional().meta({ title: '结果' }),
});
export type AuditEntryQuery = z.infer<typeof AuditEntryQuerySchema>;

/** A range by entry ids or by time; empty means the whole retained log. */
export const AuditRangeSchema = z.object({
  fromId: z.number().int().min(1).optional().meta({ title: '起始序号' }),
  toId: z.number().int().min(1).optional().meta({ title: '结束序号' }),
  from: z.iso.datetime({ offset: true }).optional().meta({ title: '开始时间' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ title: '结束时间' }),
});
export type AuditRange = z.infer<typeof AuditRangeSchema>;

/**
 * REG-08 online verification: whether the range is intact, and else the first entry that breaks it.
 */
export const AuditVerificationSchema = z.object({
  intact: z.boolean(),
  fromId: z.number().int(),
  toId: z.number().int(),
  entriesChecked: z.number().int(),
  checkpointsChecked: z.number().int(),
  firstBreak: z
    .object({ entryId: z.number().int(), reason: z.string(), message: z.string() })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/** Both files of an export in one answer: the workbook as base64 and the signature file as text. */
export const AuditExportSchema = z.object({
  fromId: z.number().int(),
  toId: z.number().int(),
  count: z.number().int(),
  chainIntact: z.boolean(),
  workbookFile: z.string(),
  workbookBase64: z.string(),
  signatureFile: z.string(),
  signatureText: z.string(),
});
export type AuditExport = z.infer<typeof AuditExportSchema>;

/** The SM2 public key (and signer id) the checkpoints are signed with, for offline verification. */
export const AuditPublicKeySchema = z.object({
  algorithm: z.literal('SM2'),
  userId: z.string(),
  publicKeyHex: z.string(),
});
