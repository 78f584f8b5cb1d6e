import {
  CandidatePhysicalExamListSchema,
  ChangeDecisionSchema,
  ExchangeSyncResultSchema,
  IdParamSchema,
  PhysicalExamAssignSchema,
  PhysicalExamBoardSchema,
  PhysicalExamBuildResultSchema,
  PhysicalExamChangeListSchema,
  PhysicalExamHospitalListSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf, principalOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { PhysicalExamService } from './physical-exam.module-service';

const tags = ['体检与复检'];
const manage = { access: { permission: 'physical_exam.manage' } } as const;

/**
 * The org's physical-exam routes (§7, REG-04, INT-09g: list, assignment, change approval) and the
 * candidate's (his exams and the re-check request). The hospital portal's are in hospital.routes.ts.
 */
export function registerPhysicalExamRoutes(app: ZodApp, service: PhysicalExamService): void {
  const base = '/api/admin/events/:id/physical-exam';
  app.get(
    base,
    {
      schema: {
        tags,
        summary: '体检名单与安排情况',
        params: IdParamSchema,
        response: { 200: PhysicalExamBoardSchema },
      },
      config: manage,
    },
    async (request) => service.list.board(request.params.id, request.principal),
  );
  app.post(
    // No body: the list is the published composite's (§7).
    `${base}/build`,
    {
      schema: {
        tags,
        summary: '按已公布的综合成绩生成体检名单',
        params: IdParamSchema,
        response: { 200: PhysicalExamBuildResultSchema },
      },
      config: manage,
    },
    async (request) => service.list.build(request.params.id, changeContextOf(request)),
  );
  app.post(
    `${base}/assign`,
    {
      schema: {
        tags,
        summary: '安排体检或复检（医院、时间、地点），通知考生',
        params: IdParamSchema,
        body: PhysicalExamAssignSchema,
        response: { 200: z.object({ assigned: z.number().int() }) },
      },
      config: manage,
    },
    async (request) =>
      service.list.assign(request.params.id, request.body, changeContextOf(request)),
  );
  app.get(
    '/api/admin/physical-exam/hospitals',
    {
      schema: { tags, summary: '体检医院', response: { 200: PhysicalExamHospitalListSchema } },
      config: manage,
    },
    async () => ({ items: await service.list.hospitals() }),
  );
  app.get(
    '/api/admin/physical-exam/changes',
    {
      schema: {
        tags,
        summary: '体检结果变更申请（经中间库）',
        response: { 200: PhysicalExamChangeListSchema },
      },
      config: manage,
    },
    async (request) => ({ items: await service.approvals.list(request.principal) }),
  );
  app.post(
    '/api/admin/physical-exam/changes/:id/decision',
    {
      schema: {
        tags,
        summary: '批准或驳回体检结果变更',
        params: IdParamSchema,
        body: ChangeDecisionSchema,
        response: { 200: z.object({ status: z.enum(['approved', 'rejected']) }) },
      },
      config: manage,
    },
    async (request) =>
      service.approvals.decide(request.params.id, request.body, changeContextOf(request)),
  );
  app.post(
    // A timer runs the move too; the button spares the org the wait.
    '/api/admin/physical-exam/exchange-sync',
    {
      schema: {
        tags,
        summary: '立即从中间库同步医院提交的结果和变更申请',
        response: { 200: ExchangeSyncResultSchema },
      },
      config: manage,
    },
    async (request) => {
      const job = await service.exchange.enqueueSync(principalOf(request).id);
      return { jobId: job.id };
    },
  );
  app.get(
    '/api/candidate/physical-exam',
    {
      schema: {
        tags: ['体检（考生）'],
        summary: '我的体检安排和结果',
        response: { 200: CandidatePhysicalExamListSchema },
      },
      config: { access: 'candidate' },
    },
    async (request) => ({ items: await service.candidate.mine(principalOf(request).id) }),
  );
  app.post(
    '/api/candidate/physical-exam/:id/recheck',
    {
      schema: {
        tags: ['体检（考生）'],
        summary: '申请复检（不合格结果公布后 7 日内，仅一次）',
        params: IdParamSchema,
        response: { 200: z.object({ requestedAt: z.iso.datetime() }) },
      },
      config: { access: 'candidate' },
    },
    async (request) => service.candidate.requestRecheck(principalOf(request).id, request.params.id),
  );
}
