import {
  IdParamSchema,
  InterviewEventInputSchema,
  InterviewEventSchema,
  InterviewGroupInputSchema,
  InterviewGroupSchema,
  InterviewRoomInputSchema,
  InterviewRoomSchema,
  InterviewSessionInputSchema,
  InterviewSessionSchema,
  InterviewSetupSchema,
  InterviewTypeInputSchema,
  InterviewTypeSchema,
  InterviewVenueInputSchema,
  InterviewVenueSchema,
  MyInterviewEventsSchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import { changeContextOf } from '../../platform/auth/request-context';
import type { ZodApp } from '../../platform/http/types';
import type { createSetupEvents } from './setup-events.service';
import type { createSetupPlaces } from './setup-places.service';

// The OpenAPI group of these routes.
const tags = ['面试设置'];
// The answer of a delete: nothing to show but success.
const Ok = z.object({ ok: z.literal(true) });
// Every change needs interview.manage; the service narrows it to the event / venue.
const manage = { access: { permission: 'interview.manage' as const } };
// Sub-resources are addressed under their event, so a foreign id is simply not found.
const TypeParams = IdParamSchema.extend({ typeId: z.uuid().meta({ title: '面试类型' }) });
const GroupParams = IdParamSchema.extend({ groupId: z.uuid().meta({ title: '面试组' }) });

/** The setup routes (IVW-01); the services check the event / venue scope of every call. */
export function registerSetupRoutes(
  app: ZodApp,
  setup: {
    events: ReturnType<typeof createSetupEvents>;
    places: ReturnType<typeof createSetupPlaces>;
  },
): void {
  const { events, places } = setup;
  // Portal home: any staff member sees the events his grants name, with what he may do there.
  app.get(
    '/api/interview/my-events',
    {
      schema: { tags, summary: '我的面试事项及权限', response: { 200: MyInterviewEventsSchema } },
      config: { access: 'staff' },
    },
    async (request) => events.myEvents(request.principal),
  );
  // The org department (everywhere, or for the recruitment event it links to) creates the event;
  // the service refuses a code already taken and an unknown recruitment event.
  app.post(
    '/api/interview/events',
    {
      schema: {
        tags,
        summary: '新建面试事项',
        body: InterviewEventInputSchema,
        response: { 200: InterviewEventSchema },
      },
      config: manage,
    },
    async (request) => events.createEvent(request.body, changeContextOf(request)),
  );
  // Relinking to another recruitment event needs the right there as well (checked by the service).
  app.put(
    '/api/interview/events/:id',
    {
      schema: {
        tags,
        summary: '修改面试事项（名称、关联招录事项、专业）',
        params: IdParamSchema,
        body: InterviewEventInputSchema,
        response: { 200: InterviewEventSchema },
      },
      config: manage,
    },
    async (request) =>
      events.updateEvent(request.params.id, request.body, changeContextOf(request)),
  );
  // One read for the whole setup page, so the page never mixes answers of different moments.
  app.get(
    '/api/interview/events/:id/setup',
    {
      schema: {
        tags,
        summary: '面试设置总览（类型、场次、考点、面试室、面试组）',
        params: IdParamSchema,
        response: { 200: InterviewSetupSchema },
      },
      config: { access: { permission: 'interview.read' } },
    },
    async (request) => places.overview(request.params.id, request.principal),
  );
  // One type per kind: PUT creates or replaces it, and every cross-field problem comes back at once.
  app.put(
    '/api/interview/events/:id/types',
    {
      schema: {
        tags,
        summary: '设置面试类型（评分指标、权重、档次）',
        params: IdParamSchema,
        body: InterviewTypeInputSchema,
        response: { 200: InterviewTypeSchema },
      },
      config: manage,
    },
    async (request) => events.putType(request.params.id, request.body, changeContextOf(request)),
  );
  // A type a group uses decides that group's panel: deleting it is refused (INTERVIEW.IN_USE).
  app.delete(
    '/api/interview/events/:id/types/:typeId',
    {
      schema: { tags, summary: '删除面试类型', params: TypeParams, response: { 200: Ok } },
      config: manage,
    },
    async (request) => {
      const { id, typeId } = request.params;
      await events.deleteType(id, typeId, changeContextOf(request));
      return { ok: true as const };
    },
  );
  // Sessions are event-wide: a venue- or session-narrowed grant cannot add them.
  app.post(
    '/api/interview/events/:id/sessions',
    {
      schema: {
        tags,
        summary: '新增场次（日期、上午或下午）',
        params: IdParamSchema,
        body: InterviewSessionInputSchema,
        response: { 200: InterviewSessionSchema },
      },
      config: manage,
    },
    async (request) => places.addSession(request.params.id, request.body, changeContextOf(request)),
  );
  app.post(
    '/api/interview/events/:id/venues',
    {
      schema: {
        tags,
        summary: '新增考点',
        params: IdParamSchema,
        body: InterviewVenueInputSchema,
        response: { 200: InterviewVenueSchema },
      },
      config: manage,
    },
    async (request) => places.addVenue(request.params.id, request.body, changeContextOf(request)),
  );
  // Rooms are venue work: checked against the room's venue, so venue A's staff stay in venue A.
  app.post(
    '/api/interview/events/:id/rooms',
    {
      schema: {
        tags,
        summary: '新增面试室',
        params: IdParamSchema,
        body: InterviewRoomInputSchema,
        response: { 200: InterviewRoomSchema },
      },
      config: manage,
    },
    async (request) => places.addRoom(request.params.id, request.body, changeContextOf(request)),
  );
  // A group is a room on one day; its seats must make the type's panel with the chief examiner.
  app.post(
    '/api/interview/events/:id/groups',
    {
      schema: {
        tags,
        summary: '新增面试组及其全天面试的职位',
        params: IdParamSchema,
        body: InterviewGroupInputSchema,
        response: { 200: InterviewGroupSchema },
      },
      config: manage,
    },
    async (request) => places.putGroup(request.params.id, request.body, changeContextOf(request)),
  );
  // Editing checks the group's current venue and its new room's venue, so no group leaves a venue
  // its editor may not change.
  app.put(
    '/api/interview/events/:id/groups/:groupId',
    {
      schema: {
        tags,
        summary: '修改面试组及其全天面试的职位',
        params: GroupParams,
        body: InterviewGroupInputSchema,
        response: { 200: InterviewGroupSchema },
      },
      config: manage,
    },
    async (request) =>
      places.putGroup(
        request.params.id,
        request.body,
        changeContextOf(request),
        request.params.groupId,
      ),
  );
}
