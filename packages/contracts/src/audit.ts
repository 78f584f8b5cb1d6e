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
};

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
