import {
  IdParamSchema,
  PositionSearchQuerySchema,
  PublicPositionDetailSchema,
  PublicPositionPageSchema,
  type PositionCategory,
  type PositionConditions,
  type PublicPositionDetail,
} from '@kaolu/contracts';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { ZodApp } from '../../platform/http/types';
import { describeConditions } from './position-conditions.text';
import { findPublicPositions, findPublishedPosition } from './positions.repository';
import { readSearchVersion } from '../events';
import { createVersionedCache } from './public-position-cache';

// Bounds of the public answer caches: a minute at most, a few thousand pages, and detail pages for the
// largest event (20 000 positions). Answers of an older version leave only by eviction, so these bounds
// are also the memory a process may hold for them (about 15 MB of pages, 30 MB of details).
const TTL_MS = 60_000;

/**
 * Public position search 职位查询 and position detail with conditions in plain Chinese.
 * Both are the most-read pages at registration peaks, so answers are cached per search version.
 */
export function registerPublicPositionRoutes(app: ZodApp, deps: { db: Db }): void {
  const { db } = deps;
  // Three caches: whole answers per query, totals per filter (shared by every page of a search),
  // and details per position id.
  const pages = createVersionedCache<Awaited<ReturnType<typeof findPublicPositions>>>({
    maxEntries: 5_000,
    ttlMs: TTL_MS,
  });
  const totals = createVersionedCache<number>({ maxEntries: 5_000, ttlMs: TTL_MS });
  const details = createVersionedCache<PublicPositionDetail | null>({
    maxEntries: 20_000,
    ttlMs: TTL_MS,
  });

  // Public, no login: anyone may browse the published brochure before registering.
  app.get(
    '/api/public/positions',
    {
      schema: {
        tags: ['公开信息'],
        summary: '职位查询',
        querystring: PositionSearchQuerySchema,
        response: { 200: PublicPositionPageSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const version = await readSearchVersion(db);
      // The version is read per request (one small query), so a publication is visible at once
      // everywhere.
      return pages.get(version, JSON.stringify(request.query), () =>
        findPublicPositions(db, request.query, (filterKey, count) =>
          totals.get(version, filterKey, count),
        ),
      );
    },
  );

  app.get(
    '/api/public/positions/:id',
    {
      schema: {
        tags: ['公开信息'],
        summary: '职位详情',
        params: IdParamSchema,
        response: { 200: PublicPositionDetailSchema },
      },
      config: { access: 'public' },
    },
    async (request) => {
      const version = await readSearchVersion(db);
      const detail = await details.get(version, request.params.id, () =>
        loadDetail(db, request.params.id),
      );
      // "Not found" is cached as null too, so probing unpublished ids does not reach the database
      // each time.
      if (!detail) throw new AppError('POSITION.NOT_FOUND');
      return detail;
    },
  );
}

/** A published position as the public detail page shows it, or null when not published. */
async function loadDetail(db: Db, id: string): Promise<PublicPositionDetail | null> {
  const row = await findPublishedPosition(db, id);
  if (!row) return null;
  const { p } = row;
  return {
    id: p.id,
    eventId: p.eventId,
    code: p.code,
    title: p.title,
    unitName: row.unitName,
    eventName: row.eventName,
    category: p.category as PositionCategory,
    headcount: p.headcount,
    examCategory: p.examCategory,
    examSubject: p.examSubject,
    township: p.township,
    basicPolice: p.basicPolice,
    acceptsAdjustment: p.acceptsAdjustment,
    // The position's own ratio overrides the event's policy (1:3 by default, §7).
    interviewRatio: p.interviewRatio ?? row.policyRatio ?? 3,
    conditions: describeConditions(p.conditions as PositionConditions, {
      township: p.township,
      basicPolice: p.basicPolice,
    }),
  };
}
