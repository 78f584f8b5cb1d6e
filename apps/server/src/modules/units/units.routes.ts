import {
  IdParamSchema,
  UnitInputSchema,
  UnitListSchema,
  UnitQuerySchema,
  UnitSchema,
} from '@kaolu/contracts';
import type { ZodApp } from '../../platform/http/types';
import type { UnitsService } from './units.service';
import { changeContextOf } from '../../platform/auth/request-context';

const tags = ['招录单位'];

/** Units hierarchy: staff read it (unit pickers), org_admin maintains it. */
export function registerUnitRoutes(app: ZodApp, units: UnitsService): void {
  app.get(
    '/api/admin/units',
    {
      schema: {
        tags,
        summary: '招录单位列表',
        querystring: UnitQuerySchema,
        response: { 200: UnitListSchema },
      },
      config: { access: { permission: 'unit.read' } },
    },
    async (request) => units.list(request.query),
  );
  app.get(
    '/api/admin/units/:id',
    {
      schema: {
        tags,
        summary: '招录单位详情',
        params: IdParamSchema,
        response: { 200: UnitSchema },
      },
      config: { access: { permission: 'unit.read' } },
    },
    async (request) => units.get(request.params.id),
  );
  app.post(
    '/api/admin/units',
    {
      schema: {
        tags,
        summary: '新建主管部门或招录单位',
        body: UnitInputSchema,
        response: { 200: UnitSchema },
      },
      config: { access: { permission: 'unit.manage' } },
    },
    async (request) => units.create(request.body, changeContextOf(request)),
  );
  app.put(
    '/api/admin/units/:id',
    {
      schema: {
        tags,
        summary: '修改招录单位',
        params: IdParamSchema,
        body: UnitInputSchema,
        response: { 200: UnitSchema },
      },
      config: { access: { permission: 'unit.manage' } },
    },
    async (request) => units.update(request.params.id, request.body, changeContextOf(request)),
  );
}
