import { z } from 'zod';
import { pageOf } from './common';

/** Notice kinds: REG-03 interview notices, REG-04 physical re-check notices, general announcements. */
export const NoticeKindSchema = z.enum(['announcement', 'interview', 'recheck']);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  announcement: '公告',
  interview: '面试通知',
  recheck: '体检复检通知',
};

/** A withdrawn notice leaves the public site and can no longer be edited; its versions stay. */
export const NoticeStatusSchema = z.enum(['draft', 'published', 'withdrawn']);
export type NoticeStatus = z.infer<typeof NoticeStatusSchema>;
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

/** A new notice; without an event it is a site-wide announcement. */
export const NoticeInputSchema = z.object({
  eventId: z.uuid().nullable().default(null).meta({ title: '招录事项' }),
  kind: NoticeKindSchema.meta({ title: '类型' }),
  title: z.string().trim().min(2).max(200).meta({ title: '标题' }),
  body: z.string().trim().min(1).max(50_000).meta({ title: '正文' }),
  /** Candidates the notice names; they get an SMS whenever the published notice changes. */
  candidateIds: z.array(z.uuid()).max(5000).default([]).meta({ title: '涉及考生' }),
});
export type NoticeInput = z.infer<typeof NoticeInputSchema>;
/** An edit saves a new version (REG-03/04 keep every version); event and kind never change. */
export const UpdateNoticeSchema = NoticeInputSchema.omit({ eventId: true, kind: true }).extend({
  changeNote: z.string().trim().max(500).optional().meta({ title: '修改说明' }),
});

export const AdminNoticeSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid().nullable(),
  kind: NoticeKindSchema,
  title: z.string(),
  body: z.string(),
  status: NoticeStatusSchema,
  version: z.number().int(),
  candidateCount: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type AdminNotice = z.infer<typeof AdminNoticeSchema>;
// The list leaves out the body: notices can be long, and the list only needs the titles.
export const AdminNoticePageSchema = pageOf(AdminNoticeSchema.omit({ body: true }));

/** The SMS side of a notice change: the background job texting the candidates (null when nobody is named). */
export const NoticeSmsReportSchema = z.object({
  jobId: z.uuid().nullable(),
  recipients: z.number().int(),
});
/** The saved notice and the SMS job started for it, so staff can follow the texting. */
export const NoticeChangeResultSchema = z.object({
  notice: AdminNoticeSchema,
  sms: NoticeSmsReportSchema,
});
export type NoticeChangeResult = z.infer<typeof NoticeChangeResultSchema>;

/** What the notice SMS job reports when done: candidates texted and those refused, with the reason. */
export const NoticeSmsJobResultSchema = z.object({
  noticeId: z.uuid(),
  version: z.number().int(),
  total: z.number().int(),
  sent: z.number().int(),
  refused: z.number().int(),
  /** Refused candidates, shown to staff by masked name and phone ('张*', '138****5678'), never in clear. */
  refusals: z.array(
    z.object({
      candidateId: z.uuid(),
      nameMasked: z.string().nullable(),
      phoneMasked: z.string().nullable(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
});
export type NoticeSmsJobResult = z.infer<typeof NoticeSmsJobResultSchema>;
/** One kept version of a notice with its change note. */
export const NoticeVersionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
});
export const NoticeVersionListSchema = z.object({ items: z.array(NoticeVersionSchema) });

/** The public site's view: published notices only, with the version so readers see it changed. */
export const PublicNoticeSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  publishedAt: z.string(),
});
export const PublicNoticePageSchema = pageOf(PublicNoticeSchema);
export const PublicNoticeDetailSchema = PublicNoticeSchema.extend({
  kind: NoticeKindSchema,
  eventId: z.uuid().nullable(),
  body: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const PublicNoticeQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ title: '页码' }),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).meta({ title: '每页条数' }),
  eventId: z.uuid().optional().meta({ title: '招录事项' }),
  kind: NoticeKindSchema.optional().meta({ title: '类型' }),
});
