import { z } from 'zod';

// Check-in (IVW-05), candidate draw (IVW-06, §7) and external examiners (INT-09a): request and
// answer shapes shared by the server routes and the interview / admin portals.

/** What a desk reads or types: an 18-digit ID number (reader or hand) or a ticket number. */
export const CheckinLookupSchema = z.object({
  code: z
    .string()
    .trim()
    .min(4, '请输入身份证号或准考证号')
    .max(32, '号码过长')
    .regex(/^[0-9A-Za-z-]+$/, '号码只能含数字、字母和短横线')
    .meta({ title: '身份证号或准考证号' }),
  via: z.enum(['reader', 'manual']).default('manual').meta({ title: '读取方式' }),
});
export type CheckinLookup = z.infer<typeof CheckinLookupSchema>;

/** The ID-card reader bridge's post: the number it read (the desk is named by its token). */
export const ReaderBridgeCheckinSchema = z.object({
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '身份证号应为18位')
    .meta({ title: '身份证号' }),
});

/** One checked-in (or found) candidate as the desk shows him: masked, with the photo state. */
export const CheckinResultSchema = z.object({
  interviewCandidateId: z.uuid(),
  nameMasked: z.string(),
  idNumberMasked: z.string(),
  ticketNumber: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  groupName: z.string().nullable(),
  checkedInAt: z.string(),
  /** True when this was a second check-in: checkedInAt then says when the first was. */
  already: z.boolean(),
  /** The registered photo exists (fetched from the photo URL), else "none on file". */
  hasPhoto: z.boolean(),
});
export type CheckinResult = z.infer<typeof CheckinResultSchema>;

/** Check-in statistics of an interview event, per session, group and position (IVW-05). */
export const CheckinStatsSchema = z.object({
  checkedIn: z.number().int(),
  expected: z.number().int(),
  rows: z.array(
    z.object({
      sessionLabel: z.string(),
      groupName: z.string(),
      positionTitle: z.string(),
      checkedIn: z.number().int(),
      expected: z.number().int(),
    }),
  ),
});
export type CheckinStats = z.infer<typeof CheckinStatsSchema>;

/** Query of the candidates of an event by check-in state. */
export const CheckinQuerySchema = z.object({
  state: z.enum(['all', 'in', 'missing']).default('all').meta({ title: '签到状态' }),
  groupId: z.uuid().optional().meta({ title: '面试组' }),
});
export const CheckinListSchema = z.object({
  items: z.array(
    z.object({
      interviewCandidateId: z.uuid(),
      nameMasked: z.string(),
      ticketNumber: z.string(),
      positionTitle: z.string(),
      groupName: z.string().nullable(),
      checkedInAt: z.string().nullable(),
    }),
  ),
});
export type CheckinList = z.infer<typeof CheckinListSchema>;

/** A check-in desk whose reader bridge posts with a token; the token is shown once at creation. */
export const CheckinDeskInputSchema = z.object({
  name: z.string().trim().min(1, '请填写签到台名称').max(40).meta({ title: '签到台名称' }),
});
export const CheckinDeskSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const CheckinDeskListSchema = z.object({ items: z.array(CheckinDeskSchema) });
export const CheckinDeskCreatedSchema = CheckinDeskSchema.extend({ token: z.string() });
export type CheckinDesk = z.infer<typeof CheckinDeskSchema>;
export type CheckinDeskCreated = z.infer<typeof CheckinDeskCreatedSchema>;

/** The interview events a staff member works at, and what his grants let him do there. */
export const DeskEventListSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), name: z.string(), checkin: z.boolean(), draw: z.boolean() }),
  ),
});
export type DeskEventList = z.infer<typeof DeskEventListSchema>;
