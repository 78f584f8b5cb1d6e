import { z } from 'zod';

/** Fields whose clear value can be revealed to a permitted staff user (NFR-SEC-3). */
export const RevealableFieldSchema = z.enum(['id_number', 'phone']);
export type RevealableField = z.infer<typeof RevealableFieldSchema>;

export const REVEALABLE_FIELD_LABELS: Record<RevealableField, string> = {
  id_number: '身份证号',
  phone: '手机号',
};

/**
 * Asking for one clear value: the reason is required and goes to the signed audit log with the
 * request (personal_data.revealed), so every unmasking can be accounted for.
 */
export const RevealPersonalDataSchema = z.object({
  field: RevealableFieldSchema.meta({ title: '字段' }),
  reason: z
    .string()
    .trim()
    .min(4, '请填写至少 4 个字的查看事由')
    .max(200)
    .meta({ title: '查看事由' }),
});
export type RevealPersonalData = z.infer<typeof RevealPersonalDataSchema>;

/** The clear value; the route answers it with `cache-control: no-store`, so no cache keeps it. */
export const RevealedPersonalDataSchema = z.object({
  field: RevealableFieldSchema,
  value: z.string(),
});
