import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';

// NFR-UX-1: the auditor reads a target by its name (user, event) rather than `staff_user <uuid>`.
let t: TestApp;
let auditor: Awaited<ReturnType<typeof loginAs>>;
let target: Awaited<ReturnType<typeof loginAs>>;
let eventId = '';

beforeAll(async () => {
  t = await createTestApp();
  auditor = await loginAs(t.app, 'auditor');
  target = await loginAs(t.app);
  const org = await loginAs(t.app, 'org_admin');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/admin/events',
    headers: org.headers,
    payload: { code: 'AUD-NAMES', name: '2026年度审计对象命名事项', type: 'general', year: 2026 },
  });
  eventId = created.json().id;
  const { audit, database } = t.app.kaolu;
  for (const [targetType, targetId] of [
    ['staff_user', target.userId],
    ['interview_group', 'not-a-uuid'],
  ] as const)
    await audit.record(database.db, {
      action: 'role.granted',
      actor: { kind: 'system', id: 'audit-names-test' },
      targetType,
      targetId,
      result: 'success',
      details: {},
    });
});
afterAll(() => t.close());

describe('audit target names', () => {
  it('names users and events, and leaves other targets without a name', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/audit/entries?pageSize=100',
      headers: auditor.headers,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{
      targetType: string;
      targetId: string;
      targetName: string | null;
    }>;
    const named = (type: string, id: string) =>
      items.find((e) => e.targetType === type && e.targetId === id)?.targetName;
    expect(named('staff_user', target.userId)).toBe(target.username);
    const eventEntry = items.find((e) => e.targetId === eventId);
    expect(eventEntry?.targetName).toBe('2026年度审计对象命名事项');
    expect(named('interview_group', 'not-a-uuid')).toBeNull();
  });
});
