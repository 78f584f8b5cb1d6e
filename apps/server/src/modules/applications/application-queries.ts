import type { Application, ApplicationCheck } from '@kaolu/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error';
import { positionsByIdOf } from '../positions';
import { unitsByIdOf } from '../units';
import type { ApplicationsContext } from './application-context';
import { applicationTimeline, positionApplication } from './application.table';

/** The candidate's reads: one own application (for the write use cases) and the list he sees. */
export function createApplicationQueries(deps: Pick<ApplicationsContext, 'db'>) {
  const { db } = deps;

  /** The candidate's own application; another candidate's id answers not found, never forbidden. */
  async function ownApplication(candidateId: string, id: string) {
    const [row] = await db
      .select()
      .from(positionApplication)
      .where(and(eq(positionApplication.id, id), eq(positionApplication.candidateId, candidateId)));
    if (!row) throw new AppError('APPLICATION.NOT_FOUND');
    return row;
  }

  return {
    ownApplication,
    /**
     * The candidate's applications with their timelines, newest first; with an id, that one only
     * (what the write routes answer). Withdrawn ones stay listed so a change remains traceable.
     */
    async listMine(candidateId: string, applicationId?: string): Promise<Application[]> {
      const applications = await db
        .select()
        .from(positionApplication)
        .where(
          and(
            eq(positionApplication.candidateId, candidateId),
            applicationId ? eq(positionApplication.id, applicationId) : undefined,
          ),
        )
        .orderBy(desc(positionApplication.createdAt));
      // A candidate's few applications: their positions and units in one look-up each.
      const [positions, units] = await Promise.all([
        positionsByIdOf(
          db,
          applications.map((a) => a.positionId),
        ),
        unitsByIdOf(
          db,
          applications.map((a) => a.unitId),
        ),
      ]);
      const rows = applications.map((a) => ({
        a,
        code: positions.get(a.positionId)!.code,
        title: positions.get(a.positionId)!.title,
        unitName: units.get(a.unitId)!.name,
      }));
      // All timelines in one query rather than one per application; id breaks ties of equal times.
      const ids = rows.map((r) => r.a.id);
      const lines = ids.length
        ? await db
            .select()
            .from(applicationTimeline)
            .where(inArray(applicationTimeline.applicationId, ids))
            .orderBy(asc(applicationTimeline.seq))
        : [];
      return rows.map(({ a, code, title, unitName }) => ({
        id: a.id,
        eventId: a.eventId,
        positionId: a.positionId,
        positionCode: code,
        positionTitle: title,
        unitName,
        status: a.status,
        checks: a.checks as ApplicationCheck[],
        policeIntentions: a.policeIntentions ?? null,
        reviewReasonCode: a.reviewReasonCode,
        reviewReasonText: a.reviewReasonText,
        submittedAt: a.submittedAt.toISOString(),
        timeline: lines
          .filter((l) => l.applicationId === a.id)
          .map((l) => ({
            at: l.at.toISOString(),
            kind: l.kind,
            fromStatus: l.fromStatus,
            toStatus: l.toStatus,
            message: l.message,
          })),
      }));
    },
  };
}

export type ApplicationQueries = ReturnType<typeof createApplicationQueries>;
