import {
  AdminEventPageSchema,
  AdminEventQuerySchema,
  AdminEventSchema,
  ChangeDeadlineSchema,
  CreateEventSchema,
  EventPolicyBodySchema,
  EVENT_TYPE_LABELS,
  IdParamSchema,
  PolicyVersionListSchema,
  TransitionEventSchema,
  UpdateEventSchema,
  UpdatePolicySchema,
} from '@kaolu/contracts';
import { z } from 'zod';
import type { ZodApp } from '../../platform/http/types';
import { assertEventInScope, eventScopeOf } from './event-scope';
import type { EventsService } from './events.service';
import { presentAdminEvent, presentEventSummary } from './events.presenter';
import { POLICY_TEMPLATES, type PolicyTemplateId } from './policy-templates';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['招录事项'];
// The template ids as a zod enum, so the OpenAPI document lists them and a wrong one answers 400.
const TemplateIdSchema = z.enum(
  Object.keys(POLICY_TEMPLATES) as [PolicyTemplateId, ...PolicyTemplateId[]],
);
// Templates are named like the event types, plus the national position-first style.
const TEMPLATE_LABELS: Record<PolicyTemplateId, string> = {
  ...EVENT_TYPE_LABELS,
  national: '全国通行（先报后考）',
};

/** Staff routes of events: list, create from a template, edit, policy versions, lifecycle, REG-01 deadlines. */
export function registerEventAdminRoutes(app: ZodApp, events: EventsService): void {
  // Read by the create-event form, which shows each template's policy before it is copied.
  app.get(
    '/api/admin/policy-templates',
    {
      schema: {
        tags,
        summary: '政策模板',
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: TemplateIdSchema, label: z.string(), policy: EventPolicyBodySchema }),
            ),
          }),
        },
      },
      config: { access: { permission: 'event.read' } },
    },
    async () => ({
      items: (Object.keys(POLICY_TEMPLATES) as PolicyTemplateId[]).map((id) => ({
        id,
        label: TEMPLATE_LABELS[id],
        policy: POLICY_TEMPLATES[id],
      })),
    }),
  );

  app.get(
    '/api/admin/events',
    {
      schema: {
        tags,
        summary: '招录事项列表',
        querystring: AdminEventQuerySchema,
        response: { 200: AdminEventPageSchema },
      },
      config: { access: { permission: 'event.read' } },
    },
    async (request) => {
      // Event-scoped staff list only the events their grants name.
      const scope = eventScopeOf(request.principal, 'event.read');
      const { items, total } = await events.list({
        ...request.query,
        ids: scope.all ? undefined : scope.eventIds,
      });
      return { items: items.map(presentEventSummary), total };
    },
  );

  // A new event gets a copy of the template: later template changes never alter a running event.
  app.post(
    '/api/admin/events',
    {
      schema: {
        tags,
        summary: '新建招录事项（复制该类型的政策模板）',
        body: CreateEventSchema.extend({
          template: TemplateIdSchema.optional().meta({ title: '政策模板' }),
        }),
        response: { 200: AdminEventSchema },
      },
      config: { access: { permission: 'event.manage' } },
    },
    async (request) =>
      presentAdminEvent(await events.create(request.body, changeContextOf(request))),
  );

  app.get(
    '/api/admin/events/:id',
    {
      schema: {
        tags,
        summary: '招录事项详情',
        params: IdParamSchema,
        response: { 200: AdminEventSchema },
      },
      config: { access: { permission: 'event.read' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.read', request.params.id);
      return presentAdminEvent(await events.getEvent(request.params.id));
    },
  );

  // Every route that names an event checks the caller's event scope before the service runs.
  app.patch(
    '/api/admin/events/:id',
    {
      schema: {
        tags,
        summary: '修改名称或日程',
        params: IdParamSchema,
        body: UpdateEventSchema,
        response: { 200: AdminEventSchema },
      },
      config: { access: { permission: 'event.manage' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.manage', request.params.id);
      return presentAdminEvent(
        await events.update(request.params.id, request.body, changeContextOf(request)),
      );
    },
  );

  // A policy edit is a new version with a reason; decisions taken earlier keep citing their
  // version.
  app.put(
    '/api/admin/events/:id/policy',
    {
      schema: {
        tags,
        summary: '修改政策（保存为新版本）',
        params: IdParamSchema,
        body: UpdatePolicySchema,
        response: { 200: AdminEventSchema },
      },
      config: { access: { permission: 'event.manage' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.manage', request.params.id);
      return presentAdminEvent(
        await events.updatePolicy(
          request.params.id,
          request.body.policy,
          request.body.reason,
          changeContextOf(request),
        ),
      );
    },
  );

  // Versions are listed oldest first, so the page reads as the policy's history.
  app.get(
    '/api/admin/events/:id/policy-versions',
    {
      schema: {
        tags,
        summary: '政策历史版本',
        params: IdParamSchema,
        response: { 200: PolicyVersionListSchema },
      },
      config: { access: { permission: 'event.read' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.read', request.params.id);
      const rows = await events.policyVersions(request.params.id);
      return {
        items: rows.map((r) => ({
          version: r.version,
          policy: r.policy as z.infer<typeof EventPolicyBodySchema>,
          reason: r.reason,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },
  );

  // The lifecycle table (event-lifecycle.ts) decides which moves are allowed.
  app.post(
    '/api/admin/events/:id/transition',
    {
      schema: {
        tags,
        summary: '变更事项状态',
        params: IdParamSchema,
        body: TransitionEventSchema,
        response: { 200: AdminEventSchema },
      },
      config: { access: { permission: 'event.manage' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.manage', request.params.id);
      return presentAdminEvent(
        await events.transition(request.params.id, request.body.to, changeContextOf(request)),
      );
    },
  );

  // REG-01 has its own permission, event.adjust, so the emergency change can be granted separately
  // from everyday event management.
  app.post(
    '/api/admin/events/:id/deadlines',
    {
      schema: {
        tags,
        summary: '应急调整截止时间（REG-01）',
        params: IdParamSchema,
        body: ChangeDeadlineSchema,
        response: { 200: AdminEventSchema },
      },
      config: { access: { permission: 'event.adjust' } },
    },
    async (request) => {
      assertEventInScope(request.principal, 'event.adjust', request.params.id);
      const { stage, endsAt, reason } = request.body;
      return presentAdminEvent(
        await events.changeDeadline(
          request.params.id,
          stage,
          endsAt,
          reason,
          changeContextOf(request),
        ),
      );
    },
  );
}
