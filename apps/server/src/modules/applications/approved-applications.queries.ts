import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { positionApplication } from './application.table';

/** An application the unit approved: what interview lists and adjustment start from (§7). */
export type ApprovedApplication = {
  applicationId: string;
  candidateId: string;
  positionId: string;
  unitId: string;
};

/** Every approved application of an event, in one query (read whole for the lists, NFR-PERF-1). */
export async function approvedApplicationsOf(
  db: DbOrTx,
  eventId: string,
): Promise<ApprovedApplication[]> {
  return db
    .select({
      applicationId: positionApplication.id,
      candidateId: positionApplication.candidateId,
      positionId: positionApplication.positionId,
      unitId: positionApplication.unitId,
    })
    .from(positionApplication)
    .where(
      and(eq(positionApplication.eventId, eventId), eq(positionApplication.status, 'approved')),
    );
}
