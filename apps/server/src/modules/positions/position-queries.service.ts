import type { AdminPositionQuerySchema } from '@kaolu/contracts';
import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { writeSheet } from '../../platform/excel/excel-cells';
import { AppError } from '../../platform/errors/app-error';
import { findEventById } from '../events';
import { unitNameLike } from '../units';
import { columnsFor } from './position-format';
import { positionToCells } from './position-excel';
import { positionScopeCondition } from './position-scope';
import { position } from './position.table';
import { findAdminPositions, likePattern } from './positions.repository';

type AdminPositionQuery = z.infer<typeof AdminPositionQuerySchema>;

/**
 * The staff reads of an event's positions: the scoped list and the Excel export in the event's
 * brochure format. Both limit a unit user to the units their `position.read` grant covers.
 */
export function createPositionQueries(deps: { db: Db }) {
  const { db } = deps;

  /** The event's positions the caller may read, as a WHERE. */
  const scoped = (eventId: string, principal: Principal | undefined): Array<SQL | undefined> => [
    eq(position.eventId, eventId),
    positionScopeCondition(principal, 'position.read'),
  ];

  return {
    /** One page of positions by code, filtered by unit, status and a keyword (title, code, unit). */
    async list(eventId: string, principal: Principal | undefined, q: AdminPositionQuery) {
      const parts = scoped(eventId, principal);
      if (q.unitId) parts.push(eq(position.unitId, q.unitId));
      if (q.status) parts.push(eq(position.status, q.status));
      if (q.keyword)
        parts.push(
          or(
            ilike(position.title, likePattern(q.keyword)),
            ilike(position.code, likePattern(q.keyword)),
            unitNameLike(position.unitId, likePattern(q.keyword)),
          ),
        );
      return findAdminPositions(db, and(...parts), q);
    },

    /**
     * The positions as a sheet in the event's brochure format (required columns marked *), so it
     * re-imports unchanged; returns the event code for the file name.
     */
    async exportSheet(
      eventId: string,
      principal: Principal | undefined,
      unitId: string | undefined,
    ): Promise<{ code: string; file: Buffer }> {
      const event = await findEventById(db, eventId);
      if (!event) throw new AppError('EVENT.NOT_FOUND');
      const parts = scoped(event.id, principal);
      if (unitId) parts.push(eq(position.unitId, unitId));
      const { items } = await findAdminPositions(db, and(...parts), { page: 1, pageSize: 100_000 });
      const columns = columnsFor(event.policy);
      const header = columns.map((c) => (c.required ? `${c.label}*` : c.label));
      const file = await writeSheet(
        '职位',
        ['单位名称', ...header],
        items.map((p) => [p.unitName, ...positionToCells(p, columns)]),
      );
      return { code: event.code, file };
    },
  };
}

export type PositionQueries = ReturnType<typeof createPositionQueries>;
