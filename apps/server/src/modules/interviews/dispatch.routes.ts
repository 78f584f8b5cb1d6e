import {
  DispatchAdjustSchema,
  DispatchBoardSchema,
  DispatchExaminerInputSchema,
  DispatchMyUnitsSchema,
  DispatchNeedInputSchema,
  DispatchUnitViewSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { DispatchService } from './dispatch.service';

const tags = ['外派考官'];
const register = { permission: 'examiner_dispatch.register' } as const;
const manage = { permission: 'examiner_dispatch.manage' } as const;
const EventParams = z.object({ eventId: z.uuid().meta({ title: '招录事项' }) });
const UnitParams = EventParams.extend({ unitId: z.uuid().meta({ title: '单位' }) });
const Ok = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

/** External examiner routes (INT-09a): a unit's registration, the org's allocation board. */
export function registerDispatchRoutes(app: ZodApp, dispatch: DispatchService): void {
  // Unit routes name the unit (a unit user may hold several); org routes only the event.
  const unitBase = '/api/admin/events/:eventId/examiner-dispatch/units/:unitId';
  const orgBase = '/api/admin/events/:eventId/examiner-dispatch';

  // The unit page starts here: a unit user may hold grants for several units (one per grant).
  app.get(
    '/api/admin/examiner-dispatch/my-units',
    {
      schema: { tags, summary: '本人可填报的单位', response: { 200: DispatchMyUnitsSchema } },
      config: { access: register },
    },
    async (request) => dispatch.myUnits(request.principal),
  );

  // A unit sees its own registration always, the allocation only once confirmed (INT-09a).
  app.get(
    unitBase,
    {
      schema: {
        tags,
        summary: '本单位外派考官登记与调配结果',
        params: UnitParams,
        response: { 200: DispatchUnitViewSchema },
      },
      config: { access: register },
    },
    async (request) =>
      dispatch.unitView(request.params.eventId, request.params.unitId, request.principal),
  );

  // Registrations close when the org confirms; the service refuses them then (DISPATCH.CONFIRMED).
  app.post(
    `${unitBase}/examiners`,
    {
      schema: {
        tags,
        summary: '登记一名外派考官',
        params: UnitParams,
        body: DispatchExaminerInputSchema,
        response: { 200: Ok },
      },
      config: { access: register },
    },
    async (request) => {
      const { eventId, unitId } = request.params;
      await dispatch.addExaminer(eventId, unitId, request.body, changeContextOf(request));
      return ok;
    },
  );

  // Only the unit's own examiner: the path's unit must match the examiner's row.
  app.delete(
    `${unitBase}/examiners/:examinerId`,
    {
      schema: {
        tags,
        summary: '删除一名外派考官',
        params: UnitParams.extend({ examinerId: z.uuid() }),
        response: { 200: Ok },
      },
      config: { access: register },
    },
    async (request) => {
      const { eventId, unitId, examinerId } = request.params;
      await dispatch.removeExaminer(eventId, unitId, examinerId, changeContextOf(request));
      return ok;
    },
  );

  // PUT: a unit has one need per event, replaced (audited with its new count).
  app.put(
    `${unitBase}/need`,
    {
      schema: {
        tags,
        summary: '填报需要外单位考官人数',
        params: UnitParams,
        body: DispatchNeedInputSchema,
        response: { 200: Ok },
      },
      config: { access: register },
    },
    async (request) => {
      const { eventId, unitId } = request.params;
      await dispatch.setNeed(eventId, unitId, request.body.count, changeContextOf(request));
      return ok;
    },
  );

  // The org's routes check the grant's event scope of examiner_dispatch.manage in the service.
  app.get(
    orgBase,
    {
      schema: {
        tags,
        summary: '外派考官调配总表',
        params: EventParams,
        response: { 200: DispatchBoardSchema },
      },
      config: { access: manage },
    },
    async (request) => dispatch.board(request.params.eventId, request.principal),
  );

  // Every change answers with the whole board, so the page never shows a stale shortfall.
  app.post(
    `${orgBase}/allocate`,
    {
      schema: {
        tags,
        summary: '自动调配（重新调配会覆盖手工调整）',
        params: EventParams,
        response: { 200: DispatchBoardSchema },
      },
      config: { access: manage },
    },
    async (request) => {
      const ctx = changeContextOf(request);
      await dispatch.allocate(request.params.eventId, ctx);
      return dispatch.board(request.params.eventId, ctx.principal);
    },
  );

  // toUnitId null takes an examiner out of the allocation (he stays registered).
  app.put(
    `${orgBase}/examiners/:examinerId/allocation`,
    {
      schema: {
        tags,
        summary: '手工调整派往单位',
        params: EventParams.extend({ examinerId: z.uuid() }),
        body: DispatchAdjustSchema,
        response: { 200: DispatchBoardSchema },
      },
      config: { access: manage },
    },
    async (request) => {
      const ctx = changeContextOf(request);
      const { eventId, examinerId } = request.params;
      await dispatch.adjust(eventId, examinerId, request.body.toUnitId, ctx);
      return dispatch.board(eventId, ctx.principal);
    },
  );

  // Confirmation is final: the units see the result and nothing can change any more.
  app.post(
    `${orgBase}/confirm`,
    {
      schema: {
        tags,
        summary: '确认调配结果（确认后各单位可见，不能再修改）',
        params: EventParams,
        response: { 200: DispatchBoardSchema },
      },
      config: { access: manage },
    },
    async (request) => {
      const ctx = changeContextOf(request);
      await dispatch.confirm(request.params.eventId, ctx);
      return dispatch.board(request.params.eventId, ctx.principal);
    },
  );
}
