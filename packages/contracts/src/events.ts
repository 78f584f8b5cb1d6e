import { z } from 'zod';
import { pageOf } from './common';
import { EventStatusSchema, EventTypeSchema } from './enums';
import {
  EventPolicyBodySchema,
  EventPolicySchema,
  ExamCategorySchema,
  StageKeySchema,
} from './event-policy';

// Recruitment events 招录事项: the staff's create / edit / transition bodies, the REG-01 deadline
// change, the admin views with policy versions, and the public schedule candidates read.

/** One stage window, in ISO 8601 with offset (the UI enters Asia/Shanghai times). */
export const StageWindowSchema = z
  .object({
    stage: StageKeySchema.meta({ title: '阶段' }),
    startsAt: z.iso.datetime({ offset: true }).meta({ title: '开始时间' }),
    endsAt: z.iso.datetime({ offset: true }).meta({ title: '结束时间' }),
  })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    message: '结束时间必须晚于开始时间',
    path: ['endsAt'],
  });
export type StageWindow = z.infer<typeof StageWindowSchema>;

/** An event's schedule: one window per stage it runs. */
export const ScheduleSchema = z.array(StageWindowSchema).meta({ title: '日程' });

/** A new event; its policy starts as a copy of its type's template. */
export const CreateEventSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符')
    .meta({ title: '事项编号' }),
  name: z.string().trim().min(2).max(100).meta({ title: '事项名称' }),
  type: EventTypeSchema.meta({ title: '事项类型' }),
  year: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
  schedule: ScheduleSchema.default([]),
});
export type CreateEvent = z.infer<typeof CreateEventSchema>;

export const UpdateEventSchema = z.object({
  name: z.string().trim().min(2).max(100).optional().meta({ title: '事项名称' }),
  schedule: ScheduleSchema.optional(),
});
export type UpdateEvent = z.infer<typeof UpdateEventSchema>;

/** A policy change makes a new policy version, and the reason is kept with it. */
export const UpdatePolicySchema = z.object({
  policy: EventPolicySchema.meta({ title: '政策' }),
  reason: z.string().trim().min(2, '请填写修改原因').max(500).meta({ title: '修改原因' }),
});

/** Moving the event to another status; the server allows only the transitions of its table. */
export const TransitionEventSchema = z.object({
  to: EventStatusSchema.meta({ title: '目标状态' }),
});

/** REG-01: one deadline change, with the reason the audit log keeps. */
export const ChangeDeadlineSchema = z.object({
  stage: StageKeySchema.meta({ title: '阶段' }),
  endsAt: z.iso.datetime({ offset: true }).meta({ title: '新截止时间' }),
  reason: z.string().trim().min(2, '请填写调整原因').max(500).meta({ title: '调整原因' }),
});

/** The staff view of an event, with the current policy and its version number. */
export const AdminEventSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: EventTypeSchema,
  year: z.number().int(),
  status: EventStatusSchema,
  schedule: z.array(StageWindowSchema),
  policy: EventPolicyBodySchema,
  policyVersion: z.number().int(),
  sourceEventId: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminEvent = z.infer<typeof AdminEventSchema>;
export const AdminEventPageSchema = pageOf(AdminEventSchema.omit({ policy: true, schedule: true }));

export const AdminEventQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).meta({ title: '每页条数' }),
  type: EventTypeSchema.optional().meta({ title: '事项类型' }),
  status: EventStatusSchema.optional().meta({ title: '状态' }),
  year: z.coerce.number().int().optional().meta({ title: '年度' }),
});

/** One kept version of an event's policy, with the reason it was changed. */
export const PolicyVersionSchema = z.object({
  version: z.number().int(),
  policy: EventPolicyBodySchema,
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export const PolicyVersionListSchema = z.object({ items: z.array(PolicyVersionSchema) });

/** The public view of an event's schedule (candidates see when each stage opens). */
export const PublicEventDetailSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  type: EventTypeSchema,
  year: z.number().int(),
  status: EventStatusSchema,
  schedule: z.array(StageWindowSchema),
  order: z.enum(['exam_first', 'position_first']),
  /** What the candidate chooses and must meet when registering (§7): categories, fee, photo rules. */
  registration: z.object({
    examCategories: z.array(ExamCategorySchema.pick({ code: true, name: true, subjects: true })),
    feeYuan: z.number(),
    photo: EventPolicyBodySchema.shape.photo,
  }),
});
