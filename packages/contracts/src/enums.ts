import { z } from 'zod';

/** Recruitment event types named by the tender (§0); policies differ per type, the engine does not. */
export const EventTypeSchema = z.enum([
  'general', // 面上
  'selection', // 选调生
  'emergency_enforcement', // 应急执法
  'judicial_medical', // 司法医护
  'mass_org', // 工青妇
  'contract', // 聘任制
  'external', // 体外招录
  'second_round', // 第二轮
]);
export type EventType = z.infer<typeof EventTypeSchema>;

// Label maps are typed Record<value, label>: a value added without its zh-CN label does not
// compile.
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  general: '面上',
  selection: '选调生',
  emergency_enforcement: '应急执法',
  judicial_medical: '司法医护',
  mass_org: '工青妇',
  contract: '聘任制',
  external: '体外招录',
  second_round: '第二轮',
};

/** Coarse lifecycle of an event; fine-grained stages live in the event's policy schedule. */
export const EventStatusSchema = z.enum([
  'draft',
  'collecting',
  'published',
  'registration',
  'in_progress',
  'closed',
]);
export type EventStatus = z.infer<typeof EventStatusSchema>;

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: '草稿',
  collecting: '简章征集',
  published: '已发布',
  registration: '报名中',
  in_progress: '进行中',
  closed: '已结束',
};

/** Position categories 职位类别 of the Shanghai general exam. */
export const PositionCategorySchema = z.enum([
  'comprehensive',
  'law_enforcement',
  'professional',
  'police',
]);
export type PositionCategory = z.infer<typeof PositionCategorySchema>;

export const POSITION_CATEGORY_LABELS: Record<PositionCategory, string> = {
  comprehensive: '综合管理类',
  law_enforcement: '行政执法类',
  professional: '专业技术类',
  police: '公安类',
};

/** A background job's state; a failed job may have been retried before it failed for good. */
export const JobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type JobStatus = z.infer<typeof JobStatusSchema>;

/**
 * Background job kinds in Chinese, for the 后台任务 list (NFR-UX-1: no `payment.issue-notice` on
 * screen). A kind missing here shows as 其他任务.
 */
export const JOB_KIND_LABELS: Record<string, string> = {
  'physical_exam.exchange_sync': '同步医院中间库体检结果',
  'payment.issue-notice': '生成缴费通知书',
  'payment.issue-refund': '办理退费',
  'payment.deadline': '缴费逾期处理',
  'registration.recheck': '报名重新核验',
  'messages.sms': '发送短信',
  'notices.sms': '公告短信通知',
  'interview_lists.physical_test_import': '导入体能测评结果',
  'scores.import': '导入笔试成绩',
  'positions.import': '导入职位',
  'demo.count': '演示任务',
  'demo.seed': '生成演示数据',
};

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: '排队中',
  running: '执行中',
  succeeded: '已完成',
  failed: '失败',
};
