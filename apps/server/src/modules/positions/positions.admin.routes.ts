import {
  AdminPositionPageSchema,
  AdminPositionQuerySchema,
  AdminPositionSchema,
  ExcelUploadSchema,
  IdParamSchema,
  ImportResultSchema,
  PositionInputSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { ZodApp } from '../../platform/http/types';
import { registerBrochureAdminRoutes } from './brochures.admin.routes';
import type { BrochuresService } from './brochures.service';
import type { PositionQueries } from './position-queries.service';
import type { PositionsService } from './positions.service';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['简章与职位'];
const EventParams = z.object({ eventId: z.uuid().meta({ title: '招录事项' }) });
const EventUnitParams = EventParams.extend({ unitId: z.uuid().meta({ title: '招录单位' }) });
const Ok = z.object({ ok: z.literal(true) });
/** Imports above this many rows run as a job with progress; smaller ones answer at once. */
export const INLINE_IMPORT_ROWS = 1000;
/** The job name of a queued position import; index.ts registers its handler. */
export const POSITIONS_IMPORT_JOB = 'positions.import';

/** The services the staff position routes call. */
export type PositionRouteDeps = {
  queries: PositionQueries;
  positions: PositionsService;
  brochures: BrochuresService;
  jobs: JobRunner;
};

/**
 * Staff routes of positions: unit-scoped list, editing and Excel import / export; the brochure
 * workflow's routes follow them from brochures.admin.routes.ts.
 */
export function registerPositionAdminRoutes(app: ZodApp, deps: PositionRouteDeps): void {
  const { queries, positions, brochures, jobs } = deps;

  // The scope condition limits a unit user to the positions of their units; org_admin sees all.
  app.get(
    '/api/admin/events/:eventId/positions',
    {
      schema: {
        tags,
        summary: '职位列表（按授权范围）',
        params: EventParams,
        querystring: AdminPositionQuerySchema,
        response: { 200: AdminPositionPageSchema },
      },
      config: { access: { permission: 'position.read' } },
    },
    async (request) => queries.list(request.params.eventId, request.principal, request.query),
  );

  // Unit scope, window and brochure state are checked by the service inside its transaction.
  app.post(
    '/api/admin/events/:eventId/units/:unitId/positions',
    {
      schema: {
        tags,
        summary: '新增职位',
        params: EventUnitParams,
        body: PositionInputSchema,
        response: { 200: AdminPositionSchema },
      },
      config: { access: { permission: 'position.edit' } },
    },
    async (request) =>
      positions.create(
        request.params.eventId,
        request.params.unitId,
        request.body,
        changeContextOf(request),
      ),
  );

  app.put(
    '/api/admin/positions/:id',
    {
      schema: {
        tags,
        summary: '修改职位',
        params: IdParamSchema,
        body: PositionInputSchema,
        response: { 200: AdminPositionSchema },
      },
      config: { access: { permission: 'position.edit' } },
    },
    async (request) => positions.update(request.params.id, request.body, changeContextOf(request)),
  );

  app.delete(
    '/api/admin/positions/:id',
    {
      schema: { tags, summary: '删除职位', params: IdParamSchema, response: { 200: Ok } },
      config: { access: { permission: 'position.edit' } },
    },
    async (request) => {
      await positions.remove(request.params.id, changeContextOf(request));
      return { ok: true as const };
    },
  );

  // A small sheet is imported within the request; a large one becomes a job with progress, after
  // the same checks, so a 20 000-row brochure never holds a request open for minutes.
  app.post(
    '/api/admin/events/:eventId/units/:unitId/positions/import',
    {
      schema: {
        tags,
        summary: 'Excel 导入职位（全部成功或全部不导入）',
        params: EventUnitParams,
        body: ExcelUploadSchema,
        response: { 200: ImportResultSchema },
      },
      config: { access: { permission: 'position.edit' } },
      bodyLimit: 40 * 1024 * 1024,
    },
    async (request) => {
      const { eventId, unitId } = request.params;
      const ctx = changeContextOf(request);
      if ((await positions.countRows(request.body.fileBase64)) <= INLINE_IMPORT_ROWS)
        return positions.importRows(eventId, unitId, request.body.fileBase64, ctx);
      await positions.assertCanImport(eventId, unitId, request.principal);
      const job = await jobs.enqueue(
        POSITIONS_IMPORT_JOB,
        { eventId, unitId, fileBase64: request.body.fileBase64, actor: ctx.actor, ip: ctx.ip },
        // One attempt: a file with bad rows is a result for the uploader (index.ts), not worth a
        // retry.
        { maxAttempts: 1, createdBy: ctx.actor.kind === 'staff' ? ctx.actor.username : undefined },
      );
      return { imported: 0, jobId: job.id };
    },
  );

  // The export uses the event's brochure format, so the sheet re-imports unchanged; required
  // columns are marked with * as in the template.
  app.get(
    '/api/admin/events/:eventId/positions/export',
    {
      schema: {
        tags,
        summary: '按简章格式导出职位 Excel',
        params: EventParams,
        querystring: z.object({ unitId: z.uuid().optional().meta({ title: '招录单位' }) }),
      },
      config: { access: { permission: 'position.read' } },
    },
    async (request, reply) => {
      const { code, file } = await queries.exportSheet(
        request.params.eventId,
        request.principal,
        request.query.unitId,
      );
      reply.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`${code}-职位.xlsx`)}`,
      );
      return reply.send(file);
    },
  );

  registerBrochureAdminRoutes(app, brochures);
}
