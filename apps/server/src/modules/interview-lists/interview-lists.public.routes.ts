import {
  IdParamSchema,
  MyListStatusListSchema,
  PublicListPageSchema,
  PublicListQuerySchema,
  PublishedListEventsSchema,
} from '@kaolu/contracts';
import { candidateOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { InterviewListsService } from './interview-lists.service';

const tags = ['面试名单'];

/**
 * What candidates and the public see (INT-02, §7): the candidate's own status 面试资格 and the
 * public page of published lists (ticket number and masked name, as published notices show).
 * Only published lists appear: a draft or confirmed list is never visible here.
 */
export function registerPublicListRoutes(app: ZodApp, lists: InterviewListsService): void {
  app.get(
    '/api/candidate/interview-lists',
    {
      schema: {
        tags,
        summary: '我的面试资格（名单发布后可见）',
        response: { 200: MyListStatusListSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => lists.views.mine(candidateOf(request).id),
  );
  // The notices area links to these events only, so no link leads to a 404.
  app.get(
    '/api/public/interview-lists',
    {
      schema: {
        tags,
        summary: '已发布面试名单的招录事项',
        response: { 200: PublishedListEventsSchema },
      },
      config: { access: 'public' },
    },
    async () => lists.views.publishedEvents(),
  );
  app.get(
    '/api/public/events/:id/interview-lists',
    {
      schema: {
        tags,
        summary: '面试名单公示（准考证号、姓名脱敏）',
        params: IdParamSchema,
        querystring: PublicListQuerySchema,
        response: { 200: PublicListPageSchema },
      },
      config: { access: 'public' },
    },
    async (request) => lists.views.publicPage(request.params.id, request.query),
  );
}
