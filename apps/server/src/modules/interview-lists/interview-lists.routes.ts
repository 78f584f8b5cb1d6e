import { ComputeListsResultSchema, IdParamSchema } from '@kaolu/contracts';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { InterviewListsService } from './interview-lists.service';

const tags = ['面试名单'];

/** The org department's interview-list routes (INT-02, §7); the service checks the event scope. */
export function registerInterviewListRoutes(app: ZodApp, lists: InterviewListsService): void {
  app.post(
    '/api/admin/events/:id/interview-lists/compute',
    {
      schema: {
        tags,
        summary: '计算面试名单（按比例，末位同分全部进入）',
        params: IdParamSchema,
        response: { 200: ComputeListsResultSchema },
      },
      config: { access: { permission: 'interview_list.manage' } },
    },
    async (request) => lists.computeLists(request.params.id, changeContextOf(request)),
  );
}
