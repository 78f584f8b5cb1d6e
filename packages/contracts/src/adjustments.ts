import { z } from 'zod';
import { pageOf } from './common';

/** REG-01 lists: whitelist 白名单 directs an ID number to a unit; greylist 灰名单 bars it with a reason. */
export const ListKindSchema = z.enum(['whitelist', 'greylist']);
export type ListKind = z.infer<typeof ListKindSchema>;
export const LIST_KIND_LABELS: Record<ListKind, string> = {
  whitelist: '白名单',
  greylist: '灰名单',
};

// Every change of a list is a REG-01 adjustment: it needs a reason, which the audit log keeps.
const reason = z.string().trim().min(2, '请填写调整原因').max(500).meta({ title: '调整原因' });
// 15 to 18 characters here; the server validates the number itself and explains what is wrong.
const idNumber = z.string().trim().min(15).max(18).meta({ title: '身份证号' });

/** Whitelisting directs the ID number to one unit, which adjustment then keeps him in (INT-02). */
export const WhitelistEntryInputSchema = z.object({
  idNumber,
  unitId: z.uuid().meta({ title: '定向单位' }),
  reason,
});
/** Greylisting bars the ID number; the note is the grounds, the reason explains this change. */
export const GreylistEntryInputSchema = z.object({
  idNumber,
  note: z.string().trim().min(1).max(200).meta({ title: '灰名单原因' }),
  reason,
});
/** Removing an entry is an adjustment like adding one: it takes a reason too. */
export const RemoveListEntrySchema = z.object({ reason });

/** A list entry as staff see it: the ID number only masked (NFR-SEC-3). */
export const ListEntrySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  idNumberMasked: z.string(),
  unitId: z.uuid().nullable(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type ListEntry = z.infer<typeof ListEntrySchema>;
export const ListEntryPageSchema = pageOf(ListEntrySchema);
