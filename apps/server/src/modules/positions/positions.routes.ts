import { IdParamSchema, PositionSearchQuerySchema, PublicPositionDetailSchema, PublicPositionPageSchema, type PositionCategory, type PositionConditions } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { ZodApp } from '../../platform/http/types';
import { describeConditions } from './position-conditions.text';
import { findPublicPositions, findPublishedPosition } from './positions.repository';

/** Public position search 职位查询 and position detail with conditions in plain Chinese (issue 6). */
export function registerPublicPositionRoutes(app: ZodApp, deps: { db: Db }): void {
  app.get(
    '/api/public/positions',
    {
      schema: { tags: ['公开信息'], summary: '职位查询', querystring: PositionSearchQuerySchema, response: { 200: PublicPositionPageSchema } },
      config: { access: 'public' },
    },
    async (request) => findPublicPositions(deps.db, request.query),
  );

  app.get(
    '/api/public/positions/:id',
    {
      schema: { tags: ['公开信息'], summary: '职位详情', params: IdParamSchema, response: { 200: PublicPositionDetailSchema } },
      config: { access: 'public' },
    },
    async (request) => {
      const row = await findPublishedPosition(deps.db, request.params.id);
      if (!row) throw new AppError('POSITION.NOT_FOUND');
      const { p } = row;
      return {
        id: p.id, eventId: p.eventId, code: p.code, title: p.title, unitName: row.unitName, eventName: row.eventName,
        category: p.category as PositionCategory, headcount: p.headcount, examCategory: p.examCategory, examSubject: p.examSubject,
        township: p.township, basicPolice: p.basicPolice, acceptsAdjustment: p.acceptsAdjustment,
        // The position's own ratio overrides the event's policy (1:3 by default, §7).
        interviewRatio: p.interviewRatio ?? row.policyRatio ?? 3,
        conditions: describeConditions(p.conditions as PositionConditions, { township: p.township, basicPolice: p.basicPolice }),
      };
    },
  );
}
