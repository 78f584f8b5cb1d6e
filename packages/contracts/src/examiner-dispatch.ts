import { z } from 'zod';

// External examiners 外派考官 of a recruitment event (INT-09a): what a unit sends out and needs in,
// the org's allocation, hand adjustments and confirmation.

export const DispatchExaminerInputSchema = z.object({
  name: z.string().trim().min(2, '请填写考官姓名').max(20).meta({ title: '考官姓名' }),
  title: z.string().trim().max(40).optional().meta({ title: '职务' }),
});
export const DispatchNeedInputSchema = z.object({
  count: z.number().int().min(0, '人数不能为负').max(50).meta({ title: '需要外单位考官人数' }),
});

/** A unit's own registration and, once confirmed, where its examiners go and who comes in. */
export const DispatchUnitViewSchema = z.object({
  needCount: z.number().int(),
  status: z.enum(['open', 'allocated', 'confirmed']),
  examiners: z.array(
    z.object({
      id: z.uuid(),
      nameMasked: z.string(),
      title: z.string().nullable(),
      /** Shown to the unit only once the org confirmed. */
      toUnitName: z.string().nullable(),
    }),
  ),
  incoming: z.array(z.object({ nameMasked: z.string(), fromUnitName: z.string() })),
});
export type DispatchUnitView = z.infer<typeof DispatchUnitViewSchema>;

/** The org's board: every offer with its allocation, needs and shortfall. */
export const DispatchBoardSchema = z.object({
  status: z.enum(['open', 'allocated', 'confirmed']),
  examiners: z.array(
    z.object({
      id: z.uuid(),
      nameMasked: z.string(),
      unitId: z.uuid(),
      unitName: z.string(),
      toUnitId: z.uuid().nullable(),
      toUnitName: z.string().nullable(),
      manual: z.boolean(),
    }),
  ),
  needs: z.array(
    z.object({ unitId: z.uuid(), unitName: z.string(), count: z.number().int(), met: z.number() }),
  ),
  needed: z.number().int(),
  met: z.number().int(),
});
export type DispatchBoard = z.infer<typeof DispatchBoardSchema>;

/** A hand adjustment: send one examiner elsewhere (or nowhere, null). */
export const DispatchAdjustSchema = z.object({
  toUnitId: z.uuid().nullable().meta({ title: '派往单位' }),
});

/** The units a unit user registers external examiners for (his grants' units). */
export const DispatchMyUnitsSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

/** zh-CN names of the dispatch states. */
export const DISPATCH_STATUS_LABELS = {
  open: '登记中',
  allocated: '已调配（待确认）',
  confirmed: '已确认',
} as const;
