import {
  IdParamSchema,
  PageQuerySchema,
  PublicEventDetailSchema,
  PublicEventPageSchema,
} from '@kaolu/contracts';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { ZodApp } from '../../platform/http/types';
import { findEventById, findPublicEvents } from './events.repository';

/** Public list of recruitment events for the candidate portal's home page, and one event's schedule. */
export function registerPublicEventRoutes(app: ZodApp, deps: { db: Db }): void {
  // Public: the home page lists every event that left draft, closed ones included (NFR-HIS-1).
  app.get(
    '/api/public/events',
    {
      schema: {
        tags: ['公开信息'],
        summary: '招录事项列表',
        querystring: PageQuerySchema,
        response: { 200: PublicEventPageSchema },
      },
      config: { access: 'public' },
    },
    async (request) => findPublicEvents(deps.db, request.query),
  );

  app.get(
    '/api/public/events/:id',
    {
      schema: {
        tags: ['公开信息'],
        summary: '招录事项日程',
        params: IdParamSchema,
        response: { 200: PublicEventDetailSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const event = await findEventById(deps.db, request.params.id);
      // A draft is not public yet: answer as if it did not exist.
      if (!event || event.status === 'draft') throw new AppError('EVENT.NOT_FOUND');
      const { id, code, name, type, year, status, schedule } = event;
      // Only what a candidate needs before registering: categories and subjects, the fee, the photo
      // rule; review SLAs and the rest of the policy stay internal.
      const { examCategories, fee, photo } = event.policy;
      const registration = {
        examCategories: examCategories.map((c) => ({
          code: c.code,
          name: c.name,
          subjects: c.subjects,
        })),
        feeYuan: fee.amountYuan,
        photo,
      };
      return {
        id,
        code,
        name,
        type,
        year,
        status,
        schedule,
        // A policy without `order` is exam-first, the Shanghai 面上 practice.
        order: event.policy.order ?? 'exam_first',
        registration,
      };
    },
  );
}
