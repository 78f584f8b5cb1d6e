import { z } from 'zod';
import { PageQuerySchema, pageOf } from './common';
import {
  InterviewListStatusSchema,
  ListEntryStatusSchema,
  ListRoundSchema,
} from './interview-lists';

// What the staff pages, the candidate and the public see of interview lists 面试名单 (INT-02, §7,
// NFR-HIS-1). Scores travel as decimal text ("70.00"), ratios as "1:3", as on every other page.

/** The staff list of position figures: one event, searchable by position code / title / unit. */
export const ListFiguresQuerySchema = PageQuerySchema.extend({
  keyword: z.string().trim().max(100).optional().meta({ title: '职位代码、名称或单位' }),
  status: InterviewListStatusSchema.optional().meta({ title: '名单状态' }),
});
export type ListFiguresQuery = z.infer<typeof ListFiguresQuerySchema>;

/** One position's list figures: quota from headcount × ratio, the lines, ties, shortfall. */
export const ListFigureSchema = z.object({
  positionId: z.uuid(),
  positionCode: z.string().meta({ title: '职位代码' }),
  positionTitle: z.string().meta({ title: '职位名称' }),
  unitName: z.string().meta({ title: '招录单位' }),
  headcount: z.number().int().meta({ title: '招录人数' }),
  ratio: z.string().meta({ title: '面试比例' }),
  quota: z.number().int().meta({ title: '面试名额' }),
  passLine: z.string().nullable().meta({ title: '合格线' }),
  line: z.string().nullable().meta({ title: '入围最低分' }),
  tiedBeyondQuota: z.number().int().meta({ title: '末位同分超出人数' }),
  listed: z.number().int().meta({ title: '进入面试人数' }),
  shortfall: z.number().int().meta({ title: '缺额' }),
  status: InterviewListStatusSchema,
  version: z.number().int().meta({ title: '版本' }),
  confirmedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type ListFigure = z.infer<typeof ListFigureSchema>;

/** A page of figures with the event-wide counts per status (what the buttons act on). */
export const ListFiguresPageSchema = pageOf(ListFigureSchema).extend({
  counts: z.object({
    draft: z.number().int(),
    confirmed: z.number().int(),
    published: z.number().int(),
  }),
});
export type ListFiguresPage = z.infer<typeof ListFiguresPageSchema>;

/** One candidate's outcome on a position's list, shown by ticket number and masked name. */
export const ListEntryViewSchema = z.object({
  ticketNumber: z.string().nullable().meta({ title: '准考证号' }),
  candidateName: z.string().meta({ title: '姓名' }),
  rank: z.number().int().nullable().meta({ title: '名次' }),
  writtenTotal: z.string().nullable().meta({ title: '笔试成绩' }),
  status: ListEntryStatusSchema,
  round: ListRoundSchema,
  reason: z.string().meta({ title: '说明' }),
});
export type ListEntryView = z.infer<typeof ListEntryViewSchema>;
export const PositionListSchema = z.object({
  figures: ListFigureSchema,
  entries: z.array(ListEntryViewSchema),
});
export type PositionList = z.infer<typeof PositionListSchema>;

/** Confirm or publish: every position of the event (no ids) or the ones named. */
export const ListActionSchema = z.object({
  positionIds: z.array(z.uuid()).min(1).max(20_000).optional().meta({ title: '职位' }),
});
/** How many positions moved: the page's confirmation message. */
export const ListActionResultSchema = z.object({
  positions: z.number().int().meta({ title: '职位数' }),
});

/** Why a state was kept: a publication, or a 体测 import that moved published lists. */
export const ListVersionActionSchema = z.enum(['published', 'physical_test']);
export type ListVersionAction = z.infer<typeof ListVersionActionSchema>;
export const LIST_VERSION_ACTION_LABELS: Record<ListVersionAction, string> = {
  published: '发布名单',
  physical_test: '体测结果导入',
};

/** A kept state of the lists (NFR-HIS-1): who published what, when. */
export const ListVersionSummarySchema = z.object({
  id: z.uuid(),
  action: ListVersionActionSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  positions: z.number().int().meta({ title: '职位数' }),
  listed: z.number().int().meta({ title: '进入面试人数' }),
});
/** The kept versions of an event, newest first. */
export const ListVersionListSchema = z.object({ items: z.array(ListVersionSummarySchema) });
/** A position as kept in a version: the figures that were published, without the live status. */
export const ListVersionPositionSchema = ListFigureSchema.pick({
  positionId: true,
  positionCode: true,
  positionTitle: true,
  unitName: true,
  headcount: true,
  ratio: true,
  quota: true,
  line: true,
  listed: true,
  shortfall: true,
});
/** One version with its positions (a unit user sees only his own). */
export const ListVersionSchema = ListVersionSummarySchema.extend({
  items: z.array(ListVersionPositionSchema),
});
export type ListVersion = z.infer<typeof ListVersionSchema>;

/** 体测 import (INT-02): the sheet, inline or as a job for a big file. */
export const PhysicalTestImportSchema = z.object({
  fileBase64: z.string().min(1).max(30_000_000).meta({ title: '文件' }),
  background: z.boolean().optional().meta({ title: '后台导入' }),
});
/** Rows imported, failures among them, and entries that left a list because of them. */
export const PhysicalTestImportResultSchema = z.object({
  imported: z.number().int().meta({ title: '导入人数' }),
  failed: z.number().int().meta({ title: '不合格人数' }),
  dropped: z.number().int().meta({ title: '退出面试名单人数' }),
  jobId: z.uuid().optional(),
});
/** Whether the event's positions ask for a 体测, and what has been imported so far. */
export const PhysicalTestSummarySchema = z.object({
  markedPositions: z.number().int().meta({ title: '设体测要求的职位数' }),
  results: z.number().int().meta({ title: '已导入人数' }),
  failed: z.number().int().meta({ title: '不合格人数' }),
});

/** The candidate's own status on each event's published list 面试资格. */
export const MyListStatusSchema = z.object({
  eventId: z.uuid(),
  eventName: z.string(),
  positionCode: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  onList: z.boolean().meta({ title: '是否进入面试' }),
  status: ListEntryStatusSchema,
  round: ListRoundSchema,
  rank: z.number().int().nullable(),
  writtenTotal: z.string().nullable(),
  line: z.string().nullable().meta({ title: '入围最低分' }),
  passLine: z.string().nullable(),
  quota: z.number().int(),
  reason: z.string(),
  publishedAt: z.string(),
});
/** Every published list the candidate is on or off, newest first. */
export const MyListStatusListSchema = z.object({ items: z.array(MyListStatusSchema) });
export type MyListStatus = z.infer<typeof MyListStatusSchema>;

/** Events with published lists, for the public notices area. */
export const PublishedListEventSchema = z.object({
  eventId: z.uuid(),
  eventName: z.string(),
  positions: z.number().int(),
  publishedAt: z.string(),
});
export const PublishedListEventsSchema = z.object({ items: z.array(PublishedListEventSchema) });

/** The public page of an event's published lists: ticket number and masked name per position. */
export const PublicListQuerySchema = PageQuerySchema.extend({
  keyword: z.string().trim().max(100).optional().meta({ title: '职位代码、名称或单位' }),
});
/** One published position: the listed people only, ticket number and masked name. */
export const PublicPositionListSchema = z.object({
  positionCode: z.string(),
  positionTitle: z.string(),
  unitName: z.string(),
  headcount: z.number().int(),
  line: z.string().nullable(),
  people: z.array(z.object({ ticketNumber: z.string().nullable(), name: z.string() })),
});
/** A page of published positions with the event's name for the heading. */
export const PublicListPageSchema = pageOf(PublicPositionListSchema).extend({
  eventName: z.string(),
});
export type PublicListPage = z.infer<typeof PublicListPageSchema>;
