import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createUnit } from '../events/events.test-support';

// NFR-UX-1: sec_admin picks a grant's unit or event by name; the options come from one route.
let t: TestApp;
let unitId = '';
let eventId = '';

beforeAll(async () => {
  t = await createTestApp();
  const org = await loginAs(t.app, 'org_admin');
  ({ unitId } = await createUnit(t.app, org.headers, '浦东新区市场监督管理局'));
  const event = await t.app.inject({
    method: 'POST',
    url: '/api/admin/events',
    headers: org.headers,
    payload: { code: 'GRANT-OPT', name: '2026年度授权范围事项', type: 'general', year: 2026 },
  });
  eventId = event.json().id;
});
afterAll(() => t.close());

const options = (headers?: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: '/api/role-grants/scope-options', headers });

describe('grant scope options', () => {
  it('lists units and events by name for sec_admin', async () => {
    const sec = await loginAs(t.app, 'sec_admin');
    const res = await options(sec.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.units).toContainEqual(
      expect.objectContaining({ id: unitId, name: '浦东新区市场监督管理局', kind: 'unit' }),
    );
    expect(body.events).toContainEqual({ id: eventId, name: '2026年度授权范围事项', year: 2026 });
    expect(body.interviewEvents).toEqual([]);
  });

  it('answers 401 without a session and 403 to a role that does not grant', async () => {
    expect((await options()).statusCode).toBe(401);
    const org = await loginAs(t.app, 'org_admin');
    expect((await options(org.headers)).statusCode).toBe(403);
  });
});
