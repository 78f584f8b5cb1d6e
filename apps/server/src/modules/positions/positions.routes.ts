import { PublicPositionPageSchema, PublicPositionQuerySchema } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { ZodApp } from '../../platform/http/types';
import { findPublicPositions } from './positions.repository';

/** Public position search 职位查询 for candidates (filters, paging); richer filters come with brochures. */
export function registerPublicPositionRoutes(app: ZodApp, deps: { db: Db }): void {
  app.get(
    '/api/public/positions',
    {
      schema: { tags: ['公开信息'], summary: '职位查询', querystring: PublicPositionQuerySchema, response: { 200: PublicPositionPageSchema } },
      config: { access: 'public' },
    },
    async (request) => findPublicPositions(deps.db, request.query),
  );
}
