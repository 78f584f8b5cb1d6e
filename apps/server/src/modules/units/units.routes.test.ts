import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';

describe('units hierarchy', () => {
  let t: TestApp;
  let org: AuthHeaders;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
  });
  afterAll(() => t.close());

  const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/admin/units', headers: org, payload });

  it('creates a supervising department and units under it, audited', async () => {
    const dept = await post({ code: 'D01', name: '市市场监督管理局', kind: 'department' });
    const unit = await post({ code: 'U0101', name: '浦东新区市场监督管理局', kind: 'unit', parentId: dept.json().id, district: '浦东新区' });
    expect(unit.json()).toMatchObject({ kind: 'unit', parentId: dept.json().id });
    const children = (await t.app.inject({ method: 'GET', url: `/api/admin/units?parentId=${dept.json().id}`, headers: org })).json();
    expect(children.items.map((u: { code: string }) => u.code)).toEqual(['U0101']);
    expect(audit.actions().filter((a) => a === 'unit.created')).toHaveLength(2);
  });

  it('refuses a unit under a unit, a department with a parent and a reused code', async () => {
    const dept = (await post({ code: 'D02', name: '市公安局', kind: 'department' })).json();
    const unit = (await post({ code: 'U0201', name: '浦东分局', kind: 'unit', parentId: dept.id })).json();
    const nested = await post({ code: 'U0202', name: '派出所', kind: 'unit', parentId: unit.id });
    expect(nested.json().error).toMatchObject({ code: 'UNIT.INVALID_PARENT', message: '「浦东分局」不是主管部门，不能作为上级' });
    expect((await post({ code: 'D03', name: '下级部门', kind: 'department', parentId: dept.id })).json().error.code).toBe('UNIT.INVALID_PARENT');
    expect((await post({ code: 'U0201', name: '重复单位', kind: 'unit' })).json().error.code).toBe('UNIT.CODE_TAKEN');
  });

  it('audits an edit with the old and new values', async () => {
    const unit = (await post({ code: 'U0301', name: '旧名称单位', kind: 'unit' })).json();
    const res = await t.app.inject({ method: 'PUT', url: `/api/admin/units/${unit.id}`, headers: org, payload: { code: 'U0301', name: '新名称单位', kind: 'unit' } });
    expect(res.json().name).toBe('新名称单位');
    const entry = audit.entries.find((e) => e.action === 'unit.updated');
    expect(entry?.details).toMatchObject({ from: { name: '旧名称单位' }, to: { name: '新名称单位' } });
  });

  it('lets unit users read but not maintain units', async () => {
    const unitUser = (await loginAs(t.app, 'unit_user')).headers;
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/units', headers: unitUser })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/units', headers: unitUser, payload: { code: 'X', name: '越权单位', kind: 'unit' } })).statusCode).toBe(403);
  });
});
