import { z } from 'zod';

/** Position application 职位报名 lifecycle (§7); transitions live in the server's table. */
export const ApplicationStatusSchema = z.enum([
  'submitted',
  'returned',
  'approved',
  'rejected',
  'withdrawn',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: '待审核',
  returned: '退回补充',
  approved: '审核通过',
  rejected: '审核不通过',
  withdrawn: '已改报',
};

/** Default posts a 基础警察 candidate ranks (ONL-03b) when the position lists none in its details. */
export const DEFAULT_POLICE_POSTS = [
  '社区民警',
  '治安民警',
  '交通警察',
  '刑侦民警',
  '巡特警',
] as const;

/** One automatic check of an application, explained in Chinese. */
export const ApplicationCheckSchema = z.object({
  condition: z.string(),
  code: z.string(),
  result: z.enum(['passed', 'failed']),
  reason: z.string(),
});
export type ApplicationCheck = z.infer<typeof ApplicationCheckSchema>;

const policeIntentions = z
  .array(z.string().trim().min(1).max(40))
  .max(20)
  .optional()
  .meta({ title: '岗位意向（按志愿顺序）' });

/**
 * A candidate applies to one position of an event; 基础警察 positions also take his ranked posts.
 */
export const SubmitApplicationSchema = z.object({
  eventId: z.uuid().meta({ title: '招录事项' }),
  positionId: z.uuid().meta({ title: '职位' }),
  policeIntentions,
});
export type SubmitApplication = z.infer<typeof SubmitApplicationSchema>;
/** The same checks as a submission, saving nothing: the candidate sees why before he applies. */
export const PrecheckApplicationSchema = SubmitApplicationSchema.pick({
  eventId: true,
  positionId: true,
});
/** Every condition with its verdict, and the posts to rank when the position is a 基础警察 one. */
export const ApplicationPrecheckSchema = z.object({
  eligible: z.boolean(),
  checks: z.array(ApplicationCheckSchema),
  policePosts: z.array(z.string()).nullable(),
});

/** 改报: moving the application to another position, allowed only before the unit's review. */
export const ChangeApplicationSchema = z.object({
  positionId: z.uuid().meta({ title: '新职位' }),
  policeIntentions,
});
/** Resubmission after a unit returned the application for more material 退回补充. */
export const SupplementApplicationSchema = z.object({
  note: z.string().trim().min(2, '请说明补充的材料').max(1000).meta({ title: '补充说明' }),
});

/** One step of the application's history, with the status change it made if any (留痕). */
export const ApplicationTimelineSchema = z.object({
  at: z.string(),
  kind: z.string(),
  fromStatus: ApplicationStatusSchema.nullable(),
  toStatus: ApplicationStatusSchema.nullable(),
  message: z.string(),
});

/** The candidate's view of an application: status, automatic checks, review reason and history. */
export const ApplicationSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  positionId: z.uuid(),
  positionCode: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  status: ApplicationStatusSchema,
  checks: z.array(ApplicationCheckSchema),
  policeIntentions: z.array(z.string()).nullable(),
  reviewReasonCode: z.string().nullable(),
  reviewReasonText: z.string().nullable(),
  submittedAt: z.string(),
  timeline: z.array(ApplicationTimelineSchema),
});
export type Application = z.infer<typeof ApplicationSchema>;
export const ApplicationListSchema = z.object({ items: z.array(ApplicationSchema) });

/** An in-site message 站内消息 to a candidate; readAt null while unread. */
export const CandidateMessageSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const CandidateMessageListSchema = z.object({ items: z.array(CandidateMessageSchema) });
