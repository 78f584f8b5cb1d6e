import { BrochureListSchema, CreateEventSchema, ReturnBrochureSchema } from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import { assertEventInScope } from '../events';
import type { BrochuresService } from './brochures.service';
import { unitInScope } from './position-scope';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['简章与职位'];
const EventParams = z.object({ eventId: z.uuid().meta({ title: '招录事项' }) });
const EventUnitParams = EventParams.extend({ unitId: z.uuid().meta({ title: '招录单位' }) });
const Ok = z.object({ ok: z.literal(true) });

/**
 * Staff routes of the brochure workflow (INT-02, INT-08): each unit's brochure state, 上报 by the
 * unit, review (approve / return) and publication by org_admin, and the second round generated
 * from the unfilled positions.
 */
export function registerBrochureAdminRoutes(app: ZodApp, brochures: BrochuresService): void {
  // brochures.list reads every unit; the caller sees only the brochures their grant covers.
  app.get(
    '/api/admin/events/:eventId/brochures',
    {
      schema: {
        tags,
        summary: '各单位简章状态',
        params: EventParams,
        response: { 200: BrochureListSchema },
      },
      config: { access: { permission: 'position.read' } },
    },
    async (request) => {
      const items = await brochures.list(request.params.eventId);
      const visible = items.filter((b) =>
        unitInScope(
          request.principal,
          'position.read',
          { id: b.unitId, parentId: b.parentId },
          b.eventId,
        ),
      );
      return { items: visible.map(({ parentId: _parent, ...b }) => b) };
    },
  );

  // 上报: the unit's scope is checked by the service against the unit row, parent department
  // included.
  app.post(
    '/api/admin/events/:eventId/units/:unitId/brochure/submit',
    {
      schema: { tags, summary: '上报简章', params: EventUnitParams, response: { 200: Ok } },
      config: { access: { permission: 'brochure.submit' } },
    },
    async (request) => {
      await brochures.submit(
        request.params.eventId,
        request.params.unitId,
        changeContextOf(request),
      );
      return { ok: true as const };
    },
  );

  // Review is org_admin's; an event-scoped grant may review only its own event.
  app.post(
    '/api/admin/events/:eventId/units/:unitId/brochure/approve',
    {
      schema: { tags, summary: '审核通过简章', params: EventUnitParams, response: { 200: Ok } },
      config: { access: { permission: 'brochure.review' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'brochure.review', request.params.eventId);
      await brochures.approve(
        request.params.eventId,
        request.params.unitId,
        changeContextOf(request),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/admin/events/:eventId/units/:unitId/brochure/return',
    {
      schema: {
        tags,
        summary: '退回简章',
        params: EventUnitParams,
        body: ReturnBrochureSchema,
        response: { 200: Ok },
      },
      config: { access: { permission: 'brochure.review' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'brochure.review', request.params.eventId);
      await brochures.returnToUnit(
        request.params.eventId,
        request.params.unitId,
        request.body.comment,
        changeContextOf(request),
      );
      return { ok: true as const };
    },
  );

  // Publishes every approved brochure of the event at once; the public search cache moves on.
  app.post(
    '/api/admin/events/:eventId/brochures/publish',
    {
      schema: {
        tags,
        summary: '发布审核通过的简章',
        params: EventParams,
        response: { 200: z.object({ published: z.number().int() }) },
      },
      config: { access: { permission: 'brochure.review' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'brochure.review', request.params.eventId);
      return brochures.publish(request.params.eventId, changeContextOf(request));
    },
  );

  // The body describes the new event; its type is second_round and its schedule starts empty.
  app.post(
    '/api/admin/events/:eventId/second-round',
    {
      schema: {
        tags,
        summary: '由未招满职位生成第二轮简章（INT-08）',
        params: EventParams,
        body: CreateEventSchema.omit({ type: true, schedule: true }),
        response: { 200: z.object({ eventId: z.uuid(), positions: z.number().int() }) },
      },
      config: { access: { permission: 'event.manage' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.manage', request.params.eventId);
      const result = await brochures.generateSecondRound(
        request.params.eventId,
        request.body,
        changeContextOf(request),
      );
      return { eventId: result.event.id, positions: result.positions };
    },
  );
}
