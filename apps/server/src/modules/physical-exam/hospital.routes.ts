import {
  ExcelUploadSchema,
  HospitalOrderListSchema,
  HospitalSubmissionListSchema,
  IdParamSchema,
  PhysicalExamChangeInputSchema,
  PhysicalExamResultInputSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { HospitalResults } from './hospital-results';

const tags = ['医院学校端 · 体检'];
const record = { access: { permission: 'physical_exam.record' } } as const;
const Done = z.object({ ok: z.literal(true) });

/**
 * The hospital portal's routes (HOS, INT-09g). They reach the exchange store only, through
 * HospitalResults; a test checks that nothing this file imports names a management table.
 */
export function registerHospitalRoutes(app: ZodApp, hospital: HospitalResults): void {
  const base = '/api/hospital/physical-exam';
  app.get(
    `${base}/orders`,
    {
      schema: { tags, summary: '本医院的体检考生', response: { 200: HospitalOrderListSchema } },
      config: record,
    },
    async (request) => ({ items: await hospital.orders(request.principal) }),
  );
  app.post(
    `${base}/orders/:id/result`,
    {
      schema: {
        tags,
        summary: '录入体检结果',
        params: IdParamSchema,
        body: PhysicalExamResultInputSchema,
        response: { 200: Done },
      },
      config: record,
    },
    async (request) => {
      await hospital.submitResult(request.params.id, request.body, changeContextOf(request));
      return { ok: true as const };
    },
  );
  app.post(
    `${base}/orders/:id/change`,
    {
      schema: {
        tags,
        summary: '申请变更已录入的体检结果（经市委组织部审批）',
        params: IdParamSchema,
        body: PhysicalExamChangeInputSchema,
        response: { 200: Done },
      },
      config: record,
    },
    async (request) => {
      await hospital.submitChange(request.params.id, request.body, changeContextOf(request));
      return { ok: true as const };
    },
  );
  app.get(
    `${base}/template`,
    { schema: { tags, summary: '下载体检结果导入模板（含待录入考生）' }, config: record },
    async (request, reply) => {
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('体检结果导入模板.xlsx')}`,
      );
      return reply.send(await hospital.template(request.principal));
    },
  );
  app.post(
    `${base}/import`,
    {
      schema: {
        tags,
        summary: 'Excel 导入体检结果（全部正确才导入）',
        body: ExcelUploadSchema,
        response: { 200: z.object({ imported: z.number().int() }) },
      },
      config: record,
      bodyLimit: 20 * 1024 * 1024,
    },
    async (request) => hospital.importResults(request.body.fileBase64, changeContextOf(request)),
  );
  app.get(
    `${base}/submissions`,
    {
      schema: {
        tags,
        summary: '本医院提交的结果和变更申请及审批结果',
        response: { 200: HospitalSubmissionListSchema },
      },
      config: record,
    },
    async (request) => ({ items: await hospital.submissions(request.principal) }),
  );
}
