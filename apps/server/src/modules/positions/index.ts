// Public face of the positions module: brochures, positions, public search.
import type { Db } from '../../db/client';
import type { AuditLog, AuditActor } from '../../platform/audit';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { ZodApp } from '../../platform/http/types';
import { defineModule } from '../../platform/modules/module-registry';
import { type EventsModuleService, type EventsService } from '../events';
import { countPositionFigures } from './position-figures';
import { createBrochuresService } from './brochures.service';
import { POSITIONS_IMPORT_JOB, registerPositionAdminRoutes } from './positions.admin.routes';
import { registerPublicPositionRoutes } from './positions.routes';
import { createPositionsService } from './positions.service';
import { createPositionQueries } from './position-queries.service';
import { createHiresService } from './position-hires.service';
import { registerPositionHireRoutes } from './position-hires.routes';
import { AppError } from '../../platform/errors/app-error';

export { createPositionsService, type PositionsService } from './positions.service';
export { createBrochuresService, type BrochuresService } from './brochures.service';
export { registerPublicPositionRoutes } from './positions.routes';
export { checkPositionAgainstPolicy, columnsFor } from './position-format';
export { describeConditions } from './position-conditions.text';
export { selectionPositionsOf, type SelectionPosition } from './selection-positions.queries';
export { physicalTestPositionIdsOf } from './physical-test-positions.queries';
export { demoConditionsToPositionConditions } from './demo-conditions';
export { findPublishedPositionOf, positionsByIdOf, positionCodeLike } from './position.queries';
export type { PositionRow } from './positions.repository';
export { insertSeedPositions } from './position-seed';
export { POSITIONS_IMPORT_JOB, INLINE_IMPORT_ROWS } from './positions.admin.routes';
export { countPositionFigures, type PositionFigures } from './position-figures';

// The queued import carries the actor and address so that its audit entry names who uploaded.
type ImportPayload = {
  eventId: string;
  unitId: string;
  fileBase64: string;
  actor: AuditActor;
  ip?: string;
};

/** Builds the positions services and registers the import job. */
function createPositionsModule(deps: {
  db: Db;
  audit: AuditLog;
  jobs: JobRunner;
  events: EventsService;
  now: () => Date;
}) {
  const positions = createPositionsService(deps);
  const brochures = createBrochuresService(deps);
  deps.jobs.register<ImportPayload>(POSITIONS_IMPORT_JOB, async ({ payload, reportProgress }) => {
    await reportProgress(10, '正在校验职位');
    try {
      // Scope was checked when the job was queued; window and brochure state are checked again here.
      const result = await positions.importRows(
        payload.eventId,
        payload.unitId,
        payload.fileBase64,
        { actor: payload.actor, ip: payload.ip },
        true,
      );
      await reportProgress(100, `已导入 ${result.imported} 个职位`);
      return result;
    } catch (error) {
      // A bad file is a result for the person to read, not a failure to retry.
      if (error instanceof AppError && error.code === 'IMPORT.ROWS_INVALID')
        return { imported: 0, problems: (error.details as { problems: unknown }).problems };
      throw error;
    }
  });
  // INT-08: hires per position until the results stage records them; the second round opens the rest.
  return {
    positions,
    brochures,
    queries: createPositionQueries(deps),
    hires: createHiresService(deps),
  };
}

/** Every route of the module: public search, brochure and position administration, hires. */
function registerPositionsRoutes(
  app: ZodApp,
  service: ReturnType<typeof createPositionsModule>,
  deps: { db: Db; jobs: JobRunner },
) {
  // The public routes read through the repository and their cache; they need no service.
  registerPublicPositionRoutes(app, { db: deps.db });
  registerPositionAdminRoutes(app, {
    queries: service.queries,
    positions: service.positions,
    brochures: service.brochures,
    jobs: deps.jobs,
  });
  registerPositionHireRoutes(app, service.hires);
}

export const positionsModule = defineModule({
  name: 'positions',
  // Events shows brochure figures without importing positions: it is handed countPositionFigures.
  dependsOn: ['events', 'units'],
  create({ db, audit, jobs, clock }, deps: { events: EventsModuleService }) {
    deps.events.provideFigures({ positions: countPositionFigures });
    return createPositionsModule({ db, audit, jobs, events: deps.events, now: () => clock.now() });
  },
  routes: (app, service, { db, jobs }) => registerPositionsRoutes(app, service, { db, jobs }),
});
