import { GrantScopeOptionsSchema } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { ZodApp } from '../../platform/http/types';
import { findEventChoices } from '../events';
import { findInterviewPlaceChoices } from '../interviews';
import { findAllUnits } from '../units';

/**
 * The scopes sec_admin grants roles in (NFR-UX-1, NFR-SEC-1): every unit, recruitment event and
 * interview event by name. Names only, no personal data; the same role_grant.manage as granting.
 */
export function registerGrantScopeRoutes(app: ZodApp, deps: { db: Db }): void {
  app.get(
    '/api/role-grants/scope-options',
    {
      schema: {
        tags: ['安全管理'],
        summary: '授权范围选项（单位、招录事项、面试事项及其考点和场次）',
        response: { 200: GrantScopeOptionsSchema },
      },
      config: { access: { permission: 'role_grant.manage' } },
    },
    async () => {
      const [units, events, interviewEvents] = await Promise.all([
        findAllUnits(deps.db),
        findEventChoices(deps.db),
        findInterviewPlaceChoices(deps.db),
      ]);
      return {
        units: units.map(({ id, code, name, kind }) => ({ id, code, name, kind })),
        events,
        interviewEvents,
      };
    },
  );
}
