import { EventComparisonSchema, EventCompareQuerySchema } from '@kaolu/contracts';
import type { ZodApp } from '../../platform/http/types';
import { parseCompareIds, type EventComparisonService } from './event-comparison';
import { assertEventInScope } from './event-scope';

/** GET /api/admin/events/compare?ids=a,b[,c…] (NFR-HIS-1): 2–5 events' figures side by side. */
export function registerEventComparisonRoutes(
  app: ZodApp,
  comparison: EventComparisonService,
): void {
  app.get(
    '/api/admin/events/compare',
    {
      schema: {
        tags: ['招录事项'],
        summary: '招录事项对比（2至5个，含已结束事项）',
        querystring: EventCompareQuerySchema,
        response: { 200: EventComparisonSchema },
      },
      config: { access: { permission: 'event.manage' } },
    },
    async (request) => {
      const ids = parseCompareIds(request.query.ids);
      // Every compared event must be within the caller's event scope, not only the first.
      for (const id of ids) assertEventInScope(request.principal, 'event.read', id);
      return { items: await comparison.compare(ids) };
    },
  );
}
