import {
  AdminPositionSchema,
  ExcelUploadSchema,
  HireImportResultSchema,
  IdParamSchema,
  SetHiredSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import type { HiresService } from './position-hires.service';
import { positionScopeCondition } from './position-scope';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['简章与职位'];
const EventParams = z.object({ eventId: z.uuid().meta({ title: '招录事项' }) });

/** INT-08 hires per position: org_admin sets one, imports a sheet, and anyone reading positions exports. */
export function registerPositionHireRoutes(app: ZodApp, hires: HiresService): void {
  // event.manage: hires are org_admin's decision, recorded with an optional reason.
  app.put(
    '/api/admin/positions/:id/hired',
    {
      schema: {
        tags,
        summary: '登记职位录用人数',
        params: IdParamSchema,
        body: SetHiredSchema,
        response: { 200: AdminPositionSchema },
      },
      config: { access: { permission: 'event.manage' } },
    },
    async (request) =>
      hires.setHired(
        request.params.id,
        request.body.hired,
        request.body.reason,
        changeContextOf(request),
      ),
  );

  // Base64 of an Excel file of every position of a large event exceeds Fastify's 1 MB default.
  app.post(
    '/api/admin/events/:eventId/hires/import',
    {
      schema: {
        tags,
        summary: 'Excel 导入录用人数（全部成功或全部不导入）',
        params: EventParams,
        body: ExcelUploadSchema,
        response: { 200: HireImportResultSchema },
      },
      config: { access: { permission: 'event.manage' } },
      bodyLimit: 40 * 1024 * 1024,
    },
    async (request) =>
      hires.importHires(
        request.params.eventId,
        request.body.fileBase64,
        request.body.reason,
        changeContextOf(request),
      ),
  );

  // position.read, not event.manage: units may export the hires of their own positions.
  app.get(
    '/api/admin/events/:eventId/hires/export',
    {
      schema: { tags, summary: '导出各职位录用人数 Excel', params: EventParams },
      config: { access: { permission: 'position.read' } },
    },
    async (request, reply) => {
      const { code, file } = await hires.exportHires(
        request.params.eventId,
        // A unit user exports only the positions of the units their grant covers.
        positionScopeCondition(request.principal, 'position.read'),
      );
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${code}-录用人数.xlsx`)}`,
      );
      return reply.send(file);
    },
  );
}
