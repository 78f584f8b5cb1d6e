import { z } from 'zod';

// Recruiting units 招录单位 and their departments; contact persons are personal data, shown masked.

/**
 * A unit's contact person as every answer shows it: masked (NFR-SEC-3); the clear values are stored
 * only encrypted (NFR-SEC-2).
 */
export const UnitContactSchema = z.object({
  nameMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  addressMasked: z.string().nullable(),
});
export type UnitContact = z.infer<typeof UnitContactSchema>;
/**
 * What an organisation is: a supervising department, a recruiting unit, or a physical-exam hospital
 * or hospital-school 学校 (§3 HOS), whose users get a unit-scoped grant like a unit's.
 */
export const UnitKindSchema = z.enum(['department', 'unit', 'hospital', 'school']);
export type UnitKind = z.infer<typeof UnitKindSchema>;
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  department: '主管部门',
  unit: '招录单位',
  hospital: '体检医院',
  school: '学校',
};
/**
 * A unit or the department above it; the positions of a 公安 unit bar long stays abroad (INT-07).
 */
export const UnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  parentId: z.uuid().nullable(),
  district: z.string().nullable(),
  isPolice: z.boolean(),
  contact: UnitContactSchema.nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;
export const UnitListSchema = z.object({ items: z.array(UnitSchema), total: z.number().int() });
/**
 * Contact changes: a field left out keeps its stored value (an editor sees only the masked one and
 * must not write it back), null or '' clears it, text replaces it.
 */
export const UnitContactInputSchema = z.object({
  name: z.string().trim().max(30).nullable().optional().meta({ title: '联系人' }),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(
      /^$|^[0-9()+\s-]*[0-9][0-9()+\s-]*(?:(?:转|分机|ext\.?|x|#)\s*\d{1,6})?$/i,
      '请填写电话号码',
    )
    .nullable()
    .optional()
    .meta({ title: '联系电话' }),
  address: z.string().trim().max(100).nullable().optional().meta({ title: '联系地址' }),
});
export type UnitContactInput = z.infer<typeof UnitContactInputSchema>;
/** Creating or editing a unit; the contact is optional and follows UnitContactInput's rules. */
export const UnitInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9-]+$/, '只能包含字母、数字和连字符')
    .meta({ title: '单位代码' }),
  name: z.string().trim().min(2).max(100).meta({ title: '单位名称' }),
  kind: UnitKindSchema.meta({ title: '类型' }),
  parentId: z.uuid().nullable().default(null).meta({ title: '主管部门' }),
  district: z.string().trim().max(20).nullable().default(null).meta({ title: '所属区' }),
  isPolice: z.boolean().default(false).meta({ title: '公安机关' }),
  contact: UnitContactInputSchema.optional().meta({ title: '联系人信息' }),
});
export type UnitInput = z.input<typeof UnitInputSchema>;
export const UnitQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(500).default(100).meta({ title: '每页条数' }),
  parentId: z.uuid().optional().meta({ title: '主管部门' }),
  keyword: z.string().trim().max(50).optional().meta({ title: '关键字' }),
});
