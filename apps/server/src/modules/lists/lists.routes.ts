import {
  ExcelUploadSchema,
  GreylistEntryInputSchema,
  ImportResultSchema,
  ListEntryPageSchema,
  ListKindSchema,
  PageQuerySchema,
  RemoveListEntrySchema,
  WhitelistEntryInputSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import { AppError } from '../../platform/errors/app-error';
import { assertEventInScope } from '../events';
import type { ListsService } from './lists.service';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['应急调整'];
// Every route but removal names its event; the caller's event scope is checked against it.
const EventParams = z.object({ eventId: z.uuid().meta({ title: '招录事项' }) });
const KindParams = EventParams.extend({ kind: ListKindSchema.meta({ title: '名单类型' }) });
const Ok = z.object({ ok: z.literal(true) });
// Lists are part of REG-01 emergency management: the same permission as a deadline change.
const access = { permission: 'event.adjust' } as const;

/** REG-01 routes: whitelist / greylist entries by hand and by Excel, and a check by ID number. */
export function registerListRoutes(app: ZodApp, lists: ListsService): void {
  // The ID number filter is matched by blind index; the list shows only masked numbers (NFR-SEC-3).
  app.get(
    '/api/admin/events/:eventId/lists/:kind',
    {
      schema: {
        tags,
        summary: '白名单 / 灰名单',
        params: KindParams,
        querystring: PageQuerySchema.extend({
          idNumber: z.string().trim().max(18).optional().meta({ title: '身份证号' }),
        }),
        response: { 200: ListEntryPageSchema },
      },
      config: { access },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.adjust', request.params.eventId);
      return lists.list(
        request.params.eventId,
        request.params.kind,
        request.query,
        request.query.idNumber,
      );
    },
  );

  // PUT: setting an entry for a number already listed replaces its unit, audited old → new.
  app.put(
    '/api/admin/events/:eventId/lists/whitelist',
    {
      schema: {
        tags,
        summary: '设置白名单（身份证号 → 定向单位）',
        params: EventParams,
        body: WhitelistEntryInputSchema,
        response: { 200: Ok },
      },
      config: { access },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.adjust', request.params.eventId);
      const { idNumber, unitId, reason } = request.body;
      await lists.put(
        request.params.eventId,
        'whitelist',
        idNumber,
        { unitId, note: null },
        reason,
        changeContextOf(request),
      );
      return { ok: true as const };
    },
  );

  // The greylist note records why; match() hands it to the module that checks the candidate.
  app.put(
    '/api/admin/events/:eventId/lists/greylist',
    {
      schema: {
        tags,
        summary: '设置灰名单（身份证号 → 原因）',
        params: EventParams,
        body: GreylistEntryInputSchema,
        response: { 200: Ok },
      },
      config: { access },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.adjust', request.params.eventId);
      const { idNumber, note, reason } = request.body;
      await lists.put(
        request.params.eventId,
        'greylist',
        idNumber,
        { unitId: null, note },
        reason,
        changeContextOf(request),
      );
      return { ok: true as const };
    },
  );

  // POST with a body rather than DELETE: removal needs a reason for the audit entry.
  app.post(
    '/api/admin/list-entries/:id/remove',
    {
      schema: {
        tags,
        summary: '移出名单',
        params: z.object({ id: z.uuid() }),
        body: RemoveListEntrySchema,
        response: { 200: Ok },
      },
      config: { access },
    },
    async (request) => {
      // The entry names its event only once loaded: the service checks the grant's scope then.
      const inScope = (entryEventId: string) =>
        assertEventInScope(request.principal, 'event.adjust', entryEventId);
      await lists.remove(request.params.id, request.body.reason, changeContextOf(request), inScope);
      return { ok: true as const };
    },
  );

  // Base64 of a list of thousands of rows exceeds Fastify's 1 MB default body limit.
  app.post(
    '/api/admin/events/:eventId/lists/:kind/import',
    {
      schema: {
        tags,
        summary: 'Excel 导入名单（全部成功或全部不导入）',
        params: KindParams,
        body: ExcelUploadSchema,
        response: { 200: ImportResultSchema },
      },
      config: { access },
      bodyLimit: 40 * 1024 * 1024,
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.adjust', request.params.eventId);
      const reason = request.body.reason;
      // ExcelUploadSchema's reason is optional for other imports; a list change always needs one
      // (REG-01).
      if (!reason || reason.length < 2)
        throw new AppError('COMMON.VALIDATION_FAILED', {
          message: '请填写调整原因',
          details: { fields: [{ field: 'body.reason', label: '原因', message: '请填写调整原因' }] },
        });
      return lists.importSheet(
        request.params.eventId,
        request.params.kind,
        request.body.fileBase64,
        reason,
        changeContextOf(request),
      );
    },
  );

  // The same lookup registration and adjustment make through match(), here by hand for one number.
  app.post(
    '/api/admin/events/:eventId/lists/check',
    {
      schema: {
        tags,
        summary: '按身份证号查询名单',
        params: EventParams,
        body: z.object({ idNumber: z.string().trim().min(15).max(18).meta({ title: '身份证号' }) }),
        response: {
          200: z.object({
            whitelistUnitId: z.uuid().nullable(),
            greylistNote: z.string().nullable(),
          }),
        },
      },
      config: { access },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.adjust', request.params.eventId);
      return lists.match(request.params.eventId, request.body.idNumber);
    },
  );
}
