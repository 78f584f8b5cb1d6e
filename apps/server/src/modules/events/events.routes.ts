import { PageQuerySchema, PublicEventPageSchema } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { ZodApp } from '../../platform/http/types';
import { findPublicEvents } from './events.repository';

/** Public list of recruitment events for the candidate portal's home page. */
export function registerPublicEventRoutes(app: ZodApp, deps: { db: Db }): void {
  app.get(
    '/api/public/events',
    {
      schema: { tags: ['公开信息'], summary: '招录事项列表', querystring: PageQuerySchema, response: { 200: PublicEventPageSchema } },
      config: { access: 'public' },
    },
    async (request) => findPublicEvents(deps.db, request.query),
  );
}
