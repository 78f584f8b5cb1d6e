import { z } from 'zod';
import { pageOf } from './common';

/** Exam registration 笔试报名 lifecycle (ONL, §7); transitions live in the server's table. */
export const RegistrationStatusSchema = z.enum([
  'pending_verification',
  'awaiting_payment',
  'confirmed',
  'rejected',
  'not_admitted',
  'cancelled',
]);
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>;

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  pending_verification: '待核验',
  awaiting_payment: '待缴费',
  confirmed: '报名成功',
  rejected: '核验未通过',
  not_admitted: '逾期未缴费',
  cancelled: '已撤销',
};

/** One automatic check, explained in Chinese; `pending` means the city platform could not answer yet. */
export const CheckResultSchema = z.enum(['passed', 'failed', 'pending']);
export type CheckResult = z.infer<typeof CheckResultSchema>;
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = {
  passed: '通过',
  failed: '不符合',
  pending: '待核验',
};

/** One automatic check of a registration (hukou, residence permit, greylist, barred lists …). */
export const RegistrationCheckSchema = z.object({
  condition: z.string(),
  code: z.string(),
  result: CheckResultSchema,
  reason: z.string(),
});
export type RegistrationCheck = z.infer<typeof RegistrationCheckSchema>;

/** Exam registration: the category, and the professional subject where the category has some. */
export const CreateRegistrationSchema = z.object({
  eventId: z.uuid().meta({ title: '招录事项' }),
  examCategory: z.string().trim().min(1, '请选择考试类别').max(20).meta({ title: '考试类别' }),
  subjectCode: z.string().trim().min(1).max(20).optional().meta({ title: '专业科目' }),
});
export type CreateRegistration = z.infer<typeof CreateRegistrationSchema>;

/** Runs the automatic checks only (the "check before you submit" button): nothing is saved. */
export const PrecheckRegistrationSchema = CreateRegistrationSchema;
export const PrecheckResultSchema = z.object({
  eligible: z.boolean(),
  checks: z.array(RegistrationCheckSchema),
});

/** One step of a registration's history, with the status change it made if any (留痕). */
export const TimelineEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  fromStatus: RegistrationStatusSchema.nullable(),
  toStatus: RegistrationStatusSchema.nullable(),
  message: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** The candidate's registration: status, checks, and the profile version frozen with it. */
export const RegistrationSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventName: z.string(),
  examCategory: z.string(),
  examCategoryName: z.string(),
  subjectCode: z.string().nullable(),
  status: RegistrationStatusSchema,
  checks: z.array(RegistrationCheckSchema),
  profileVersion: z.number().int(),
  createdAt: z.string(),
  timeline: z.array(TimelineEntrySchema),
});
export type Registration = z.infer<typeof RegistrationSchema>;
export const RegistrationListSchema = z.object({ items: z.array(RegistrationSchema) });

/** Staff list of an event's registrations, filtered by status. */
export const AdminRegistrationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  status: RegistrationStatusSchema.optional().meta({ title: '状态' }),
});
export const AdminRegistrationSchema = z.object({
  id: z.uuid(),
  candidateName: z.string(),
  idNumberMasked: z.string(),
  examCategory: z.string(),
  status: RegistrationStatusSchema,
  createdAt: z.string(),
});
export const AdminRegistrationPageSchema = pageOf(AdminRegistrationSchema);
/** Rechecking every registration still pending verification: how many were queued. */
export const RecheckResultSchema = z.object({ queued: z.number().int() });
