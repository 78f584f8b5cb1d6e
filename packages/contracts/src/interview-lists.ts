import { z } from 'zod';

// Interview lists 面试名单 (INT-02, §7): what the admin pages and the candidate see of them.

/** The figures of one computation, shown in the confirmation message. */
export const ComputeListsResultSchema = z.object({
  positions: z.number().int().meta({ title: '职位数' }),
  listed: z.number().int().meta({ title: '进入面试人数' }),
  shortPositions: z.number().int().meta({ title: '未达比例职位数' }),
});
export type ComputeListsResult = z.infer<typeof ComputeListsResultSchema>;

export const InterviewListStatusSchema = z.enum(['draft', 'confirmed', 'published']);
export type InterviewListStatus = z.infer<typeof InterviewListStatusSchema>;
export const INTERVIEW_LIST_STATUS_LABELS: Record<InterviewListStatus, string> = {
  draft: '待确认',
  confirmed: '已确认',
  published: '已发布',
};

export const ListEntryStatusSchema = z.enum([
  'listed',
  'below_cutoff',
  'outside_quota',
  'physical_test_failed',
]);
export type ListEntryStatus = z.infer<typeof ListEntryStatusSchema>;
export const LIST_ENTRY_STATUS_LABELS: Record<ListEntryStatus, string> = {
  listed: '进入面试',
  below_cutoff: '未达合格线',
  outside_quota: '未进入比例',
  physical_test_failed: '体测不合格',
};

export const ListRoundSchema = z.enum(['first', 'public', 'unified']);
export type ListRound = z.infer<typeof ListRoundSchema>;
export const LIST_ROUND_LABELS: Record<ListRound, string> = {
  first: '首轮',
  public: '公开调剂',
  unified: '统一调剂',
};
