import {
  AdminNoticePageSchema,
  AdminNoticeSchema,
  IdParamSchema,
  NoticeChangeResultSchema as ChangeResultSchema,
  NoticeInputSchema,
  NoticeKindSchema,
  NoticeVersionListSchema,
  PublicNoticeDetailSchema,
  PublicNoticePageSchema,
  PublicNoticeQuerySchema,
  UpdateNoticeSchema,
} from '@kaolu/contracts';
import type { ZodApp } from '../../platform/http/types';
import type { NoticesService } from './notices.service';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['公告通知'];
// One permission for every staff notice route: editing and publishing are the same desk's work.
const access = { permission: 'notice.manage' } as const;

/** Notices: staff edit, publish and withdraw (REG-03/04); the public site lists and shows published ones. */
export function registerNoticeRoutes(app: ZodApp, notices: NoticesService): void {
  // Public, no login: published notices only, newest first, without their bodies.
  app.get(
    '/api/public/notices',
    {
      schema: {
        tags: ['公开信息'],
        summary: '公告列表',
        querystring: PublicNoticeQuerySchema,
        response: { 200: PublicNoticePageSchema },
      },
      config: { access: 'public' },
    },
    async (request) => notices.findPublic(request.query),
  );
  // A draft or withdrawn notice answers not found, as if it never existed.
  app.get(
    '/api/public/notices/:id',
    {
      schema: {
        tags: ['公开信息'],
        summary: '公告详情',
        params: IdParamSchema,
        response: { 200: PublicNoticeDetailSchema },
      },
      config: { access: 'public' },
    },
    async (request) => notices.getPublic(request.params.id),
  );

  // Staff see every status; the list leaves out bodies and carries the number of named candidates.
  app.get(
    '/api/admin/notices',
    {
      schema: {
        tags,
        summary: '公告通知列表',
        querystring: PublicNoticeQuerySchema.extend({ kind: NoticeKindSchema.optional() }),
        response: { 200: AdminNoticePageSchema },
      },
      config: { access },
    },
    async (request) => notices.list(request.query),
  );
  app.get(
    '/api/admin/notices/:id',
    {
      schema: {
        tags,
        summary: '公告通知详情',
        params: IdParamSchema,
        response: { 200: AdminNoticeSchema },
      },
      config: { access },
    },
    async (request) => notices.get(request.params.id),
  );
  // REG-03/04: every saved text, newest first, with its change note.
  app.get(
    '/api/admin/notices/:id/versions',
    {
      schema: {
        tags,
        summary: '公告历史版本',
        params: IdParamSchema,
        response: { 200: NoticeVersionListSchema },
      },
      config: { access },
    },
    async (request) => ({
      items: (await notices.versions(request.params.id)).map((v) => ({
        version: v.version,
        title: v.title,
        body: v.body,
        changeNote: v.changeNote,
        createdAt: v.createdAt.toISOString(),
      })),
    }),
  );
  // A new notice is a draft: nobody is texted until it is published.
  app.post(
    '/api/admin/notices',
    {
      schema: {
        tags,
        summary: '新建公告通知（草稿）',
        body: NoticeInputSchema,
        response: { 200: AdminNoticeSchema },
      },
      config: { access },
    },
    async (request) => notices.create(request.body, changeContextOf(request)),
  );
  // The answer carries the SMS job id, so the page can show its progress (/api/jobs/:id).
  app.put(
    '/api/admin/notices/:id',
    {
      schema: {
        tags,
        summary: '修改公告通知（保存新版本；已发布的由后台任务短信告知涉及考生）',
        params: IdParamSchema,
        body: UpdateNoticeSchema,
        response: { 200: ChangeResultSchema },
      },
      config: { access },
    },
    async (request) => notices.update(request.params.id, request.body, changeContextOf(request)),
  );
  app.post(
    '/api/admin/notices/:id/publish',
    {
      schema: {
        tags,
        summary: '发布公告通知（后台任务短信告知涉及考生）',
        params: IdParamSchema,
        response: { 200: ChangeResultSchema },
      },
      config: { access },
    },
    async (request) => notices.publish(request.params.id, changeContextOf(request)),
  );
  // Withdrawal texts nobody: the notice just leaves the public site.
  app.post(
    '/api/admin/notices/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回公告通知',
        params: IdParamSchema,
        response: { 200: AdminNoticeSchema },
      },
      config: { access },
    },
    async (request) => notices.withdraw(request.params.id, changeContextOf(request)),
  );
}
