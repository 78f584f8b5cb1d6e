import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { position } from './position.table';

/**
 * A published position as the stages after review read it (INT-02, INT-07, §7): headcount and
 * ratio for the interview list, category and subject and the police flags for adjustment.
 */
export type SelectionPosition = {
  id: string;
  unitId: string;
  code: string;
  title: string;
  /** The position category 职位类别; adjustment falls back on it where no exam category is named. */
  category: string;
  examCategory: string | null;
  examSubject: string | null;
  headcount: number;
  /** The position's own interview ratio (e.g. 3 for 1:3); null takes the event policy's. */
  interviewRatio: number | null;
  /** 乡镇 positions open the non-hukou rules (ONL-03a); adjustment judges conditions as applying does. */
  township: boolean;
  basicPolice: boolean;
  acceptsAdjustment: boolean;
  conditions: unknown;
};

/** Every published position of an event, in code order. */
export async function selectionPositionsOf(
  db: DbOrTx,
  eventId: string,
): Promise<SelectionPosition[]> {
  return db
    .select({
      id: position.id,
      unitId: position.unitId,
      code: position.code,
      title: position.title,
      category: position.category,
      examCategory: position.examCategory,
      examSubject: position.examSubject,
      headcount: position.headcount,
      interviewRatio: position.interviewRatio,
      township: position.township,
      basicPolice: position.basicPolice,
      acceptsAdjustment: position.acceptsAdjustment,
      conditions: position.conditions,
    })
    .from(position)
    .where(and(eq(position.eventId, eventId), eq(position.status, 'published')))
    .orderBy(asc(position.code));
}
