import {
  CandidateSessionChangeResultSchema,
  CandidateSessionChangeSchema,
  ExaminerAccountSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { InterviewScoringService } from './scoring.service';

const tags = ['面试评分'];
const access = { permission: 'interview.manage' } as const;

/** The interview administrator's routes of the scoring day: time change, tablet accounts. */
export function registerScoringAdminRoutes(app: ZodApp, service: InterviewScoringService): void {
  app.put(
    '/api/interview/candidates/:id/session',
    {
      schema: {
        tags,
        summary: '调整考生面试时间（改到其他场次，短信通知考生）',
        params: z.object({ id: z.uuid().meta({ title: '面试考生' }) }),
        body: CandidateSessionChangeSchema,
        response: { 200: CandidateSessionChangeResultSchema },
      },
      config: { access },
    },
    async (request) =>
      service.admin.changeSession(request.params.id, request.body, changeContextOf(request)),
  );

  // The answer carries the one-time password once; it is never shown again (reset instead).
  app.post(
    '/api/interview/events/:eventId/examiners/:examinerId/account',
    {
      schema: {
        tags,
        summary: '为考官开通评分平板账号',
        params: z.object({
          eventId: z.uuid().meta({ title: '面试事项' }),
          examinerId: z.uuid().meta({ title: '考官' }),
        }),
        response: { 200: ExaminerAccountSchema },
      },
      config: { access },
    },
    async (request) =>
      service.admin.createExaminerAccount(
        request.params.eventId,
        request.params.examinerId,
        changeContextOf(request),
      ),
  );
}
