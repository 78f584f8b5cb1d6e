import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCollectingEvent, createUnit, generalPosition } from '../events/events.test-support';

// Brochure windows and the per-type brochure formats (应急执法, 司法医护): each event type asks its
// own fields of a position (INT-08), and edits stop when the brochure window closes.
describe('stage windows and brochure formats', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = (await loginAs(t.app, 'org_admin')).headers;
    ({ unitId } = await createUnit(t.app, org, '市应急管理局'));
  });
  afterAll(() => t.close());

  it('refuses position edits once the brochure window has closed, naming the window', async () => {
    const { id } = await createCollectingEvent(t.app, org);
    const past = new Date(Date.now() - 60_000).toISOString();
    const event = (
      await t.app.inject({ method: 'GET', url: `/api/admin/events/${id}`, headers: org })
    ).json();
    const startsAt = new Date(Date.now() - 120_000).toISOString();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/events/${id}`,
      headers: org,
      payload: { schedule: [{ ...event.schedule[0], startsAt, endsAt: past }] },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/units/${unitId}/positions`,
      headers: org,
      payload: generalPosition('Z01'),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'EVENT.STAGE_CLOSED',
      message: expect.stringContaining('「简章征集」已截止'),
    });
  });

  it('requires the 应急执法 format fields and accepts them when given', async () => {
    const { id } = await createCollectingEvent(t.app, org, 'emergency_enforcement');
    const base = generalPosition('E01', { category: 'law_enforcement', examCategory: 'emergency' });
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/units/${unitId}/positions`,
      headers: org,
      payload: base,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('体能测评要求为必填项');
    expect(missing.json().error.message).toContain('一线执法岗位为必填项');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/units/${unitId}/positions`,
      headers: org,
      payload: { ...base, details: { physicalTest: '男子1000米跑4分25秒内', frontlineDuty: true } },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('checks 司法医护 major types against its own catalogue', async () => {
    const { id } = await createCollectingEvent(t.app, org, 'judicial_medical');
    const body = (types: string[]) =>
      generalPosition('J01', {
        category: 'professional',
        examCategory: 'judicial_medical',
        examSubject: 'JM-MED',
        conditions: { residence: 'any', majorTypes: types },
      });
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/units/${unitId}/positions`,
      headers: org,
      payload: body(['astrology']),
    });
    expect(bad.json().error.message).toContain('专业类别「astrology」不在司法医护专业类别目录中');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/units/${unitId}/positions`,
      headers: org,
      payload: body(['clinical', 'nursing']),
    });
    expect(ok.statusCode).toBe(200);
  });
});
