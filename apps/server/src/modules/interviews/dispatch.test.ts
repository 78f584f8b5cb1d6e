import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCollectingEvent, createUnit } from '../events/events.test-support';

// External examiners (INT-09a): units register, the org allocates (never own unit, needs met where
// possible, shortfall reported), adjusts by hand and confirms; units then see their result.
describe('external examiner dispatch', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof loginAs>>;
  let eventId: string;
  const units: string[] = [];
  const unitUsers: Awaited<ReturnType<typeof loginAs>>[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    org = await loginAs(t.app, 'org_admin');
    eventId = (await createCollectingEvent(t.app, org.headers)).id;
    for (const name of ['甲局', '乙局', '丙局']) {
      const { unitId } = await createUnit(t.app, org.headers, name);
      units.push(unitId);
      unitUsers.push(await loginAs(t.app, [{ role: 'unit_user', unitId }]));
    }
  });
  afterAll(() => t.close());

  const unitUrl = (i: number) => `/api/admin/events/${eventId}/examiner-dispatch/units/${units[i]}`;
  const asUnit = (i: number, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: unitUsers[i]!.headers, payload });
  const board = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/events/${eventId}/examiner-dispatch`,
        headers: org.headers,
      })
    ).json();

  it('a unit registers only for its own unit', async () => {
    // 甲 sends two and needs two; 乙 sends one and needs one; 丙 sends none and needs two.
    for (const name of ['张三', '李四'])
      expect((await asUnit(0, 'POST', `${unitUrl(0)}/examiners`, { name })).statusCode).toBe(200);
    await asUnit(1, 'POST', `${unitUrl(1)}/examiners`, { name: '王五' });
    await asUnit(0, 'PUT', `${unitUrl(0)}/need`, { count: 2 });
    await asUnit(1, 'PUT', `${unitUrl(1)}/need`, { count: 1 });
    await asUnit(2, 'PUT', `${unitUrl(2)}/need`, { count: 2 });
    const foreign = await asUnit(0, 'POST', `${unitUrl(1)}/examiners`, { name: '赵六' });
    expect(foreign.statusCode).toBe(403);
    expect((await asUnit(0, 'PUT', `${unitUrl(0)}/need`, { count: -1 })).statusCode).toBe(400);
    const view = (await asUnit(0, 'GET', unitUrl(0))).json();
    expect(view).toMatchObject({ needCount: 2, status: 'open' });
    expect(view.examiners).toHaveLength(2);
    expect(view.examiners[0].nameMasked).not.toBe('张三');
  });

  it('allocates never to the own unit and reports the shortfall', async () => {
    // The org runs the engine over what the units registered.
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/examiner-dispatch/allocate`,
      headers: org.headers,
    });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.status).toBe('allocated');
    for (const e of b.examiners) expect(e.toUnitId).not.toBe(e.unitId);
    // Three examiners for five places: all three go out, two places stay short.
    expect(b).toMatchObject({ needed: 5, met: 3 });
    expect(b.examiners.every((e: { toUnitId: string | null }) => e.toUnitId !== null)).toBe(true);
    // Units see nothing of the allocation before the org confirms.
    const view = (await asUnit(2, 'GET', unitUrl(2))).json();
    expect(view.incoming).toEqual([]);
  });

  it('the org adjusts by hand, never to the own unit, then confirms and units see the result', async () => {
    const b = await board();
    const fromJia = b.examiners.find((e: { unitId: string }) => e.unitId === units[0]);
    // By hand to his own unit: refused.
    const own = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/examiner-dispatch/examiners/${fromJia.id}/allocation`,
      headers: org.headers,
      payload: { toUnitId: units[0] },
    });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('DISPATCH.OWN_UNIT');
    const target = fromJia.toUnitId === units[1] ? units[2] : units[1];
    const moved = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/examiner-dispatch/examiners/${fromJia.id}/allocation`,
      headers: org.headers,
      payload: { toUnitId: target },
    });
    expect(moved.statusCode).toBe(200);
    const after = moved.json().examiners.find((e: { id: string }) => e.id === fromJia.id);
    expect(after).toMatchObject({ toUnitId: target, manual: true });
    // A unit user cannot run the allocation.
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/examiner-dispatch/confirm`,
      headers: unitUsers[0]!.headers,
    });
    expect(refused.statusCode).toBe(403);
    // The org confirms; the units then see where their examiners go and who comes in.
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/examiner-dispatch/confirm`,
      headers: org.headers,
    });
    expect(confirmed.json().status).toBe('confirmed');
    const view = (await asUnit(0, 'GET', unitUrl(0))).json();
    expect(view.examiners.every((e: { toUnitName: string | null }) => e.toUnitName)).toBe(true);
    const ti = units.indexOf(target!);
    const incoming = (await asUnit(ti, 'GET', unitUrl(ti))).json();
    expect(incoming.incoming.some((i: { fromUnitName: string }) => i.fromUnitName === '甲局')).toBe(
      true,
    );
    // Confirmed means fixed: no more registrations or adjustments.
    expect((await asUnit(0, 'PUT', `${unitUrl(0)}/need`, { count: 3 })).statusCode).toBe(409);
  });
});
