import { sm3Hex } from '@kaolu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createInterviewFixture } from './checkin.test-support';

// Candidate draw (IVW-06, §7) on the verifiable draws (REG-08): hash first, then the order of
// drawing and the order numbers; replay; sub-groups; 结构化小组面试 panels rotating ABC, BCA, CAB.
describe('candidate draw', () => {
  let t: TestApp;
  let staff: Awaited<ReturnType<typeof loginAs>>;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await loginAs(t.app, 'interview_staff');
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object = {}, headers = staff.headers) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const sheetOf = async (groupId: string) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/interview/groups/${groupId}/candidate-order`,
        headers: staff.headers,
      })
    ).json();

  it('publishes the seed hash before drawing, then every candidate gets one order number, and the replay matches', async () => {
    const f = await createInterviewFixture(t.app, { perGroup: 5 });
    const groupId = f.groupIds[0]!;
    const committed = await post(`/api/interview/groups/${groupId}/candidate-draws`);
    expect(committed.statusCode).toBe(200);
    const { drawId, seedHash } = committed.json();
    // Before the draw the sheet shows the hash but no seed and no order numbers.
    const before = await sheetOf(groupId);
    expect(before.draws[0]).toMatchObject({ drawId, seedHash, seed: null, status: 'committed' });
    expect(before.rows.every((r: { orderNumber: null }) => r.orderNumber === null)).toBe(true);

    const drawn = await post(`/api/interview/groups/${groupId}/candidate-draws/${drawId}/draw`);
    expect(drawn.statusCode).toBe(200);
    const sheet = drawn.json();
    const numbers = sheet.rows.map((r: { orderNumber: number }) => r.orderNumber).sort();
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    const positions = sheet.rows.map((r: { drawPosition: number }) => r.drawPosition).sort();
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    expect(sm3Hex(sheet.draws[0].seed)).toBe(seedHash);
    expect(await t.app.kaolu.draws.replay(drawId)).toEqual({
      seedMatchesHash: true,
      resultMatches: true,
    });
    // Drawing the same draw again is refused; a redraw needs a reason and keeps the first.
    expect(
      (await post(`/api/interview/groups/${groupId}/candidate-draws/${drawId}/draw`)).statusCode,
    ).toBe(409);
    expect((await post(`/api/interview/groups/${groupId}/candidate-draws`)).statusCode).toBe(409);
    const redraw = await post(`/api/interview/groups/${groupId}/candidate-draws`, {
      redrawReason: '抽签现场停电',
    });
    expect(redraw.statusCode).toBe(200);
    const history = (await sheetOf(groupId)).draws;
    expect(history.map((d: { status: string }) => d.status).sort()).toEqual([
      'committed',
      'superseded',
    ]);
  });

  it('draws each sub-group on its own once the group is split', async () => {
    const f = await createInterviewFixture(t.app, { perGroup: 4 });
    const groupId = f.groupIds[0]!;
    const ids = f.candidates.map((c) => c.id);
    // A split that leaves a candidate out is refused.
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/interview/groups/${groupId}/sub-groups`,
      headers: staff.headers,
      payload: { subGroups: [{ name: 'A组', candidateIds: ids.slice(0, 3) }] },
    });
    expect(bad.statusCode).toBe(400);
    const split = await t.app.inject({
      method: 'PUT',
      url: `/api/interview/groups/${groupId}/sub-groups`,
      headers: staff.headers,
      payload: {
        subGroups: [
          { name: 'A组', candidateIds: ids.slice(0, 2) },
          { name: 'B组', candidateIds: ids.slice(2) },
        ],
      },
    });
    expect(split.statusCode).toBe(200);
    const a = (
      await post(`/api/interview/groups/${groupId}/candidate-draws`, { subGroup: 'A组' })
    ).json();
    await post(`/api/interview/groups/${groupId}/candidate-draws/${a.drawId}/draw`);
    const sheet = await sheetOf(groupId);
    const numbersOf = (s: string) =>
      sheet.rows
        .filter((r: { subGroup: string }) => r.subGroup === s)
        .map((r: { orderNumber: number | null }) => r.orderNumber);
    expect(numbersOf('A组').sort()).toEqual([1, 2]);
    expect(numbersOf('B组')).toEqual([null, null]);
  });

  it('forms 结构化小组面试 panels in interview order with answer orders ABC, BCA, CAB', async () => {
    const f = await createInterviewFixture(t.app, { kind: 'group_structured', perGroup: 7 });
    const groupId = f.groupIds[0]!;
    const { drawId } = (await post(`/api/interview/groups/${groupId}/candidate-draws`)).json();
    const sheet = (
      await post(`/api/interview/groups/${groupId}/candidate-draws/${drawId}/draw`)
    ).json();
    // 7 = 4 + 3: the first panel takes the extra candidate.
    const first = sheet.rows.filter((r: { panel: number }) => r.panel === 1);
    const second = sheet.rows.filter((r: { panel: number }) => r.panel === 2);
    expect(first.map((r: { orderNumber: number }) => r.orderNumber)).toEqual([1, 2, 3, 4]);
    expect(second.map((r: { letter: string }) => r.letter)).toEqual(['A', 'B', 'C']);
    expect(second[0].answerOrders).toEqual(['ABC', 'BCA', 'CAB']);
    // Five cannot form panels of 3 or 4: refused before any hash is published.
    const five = await createInterviewFixture(t.app, { kind: 'group_structured', perGroup: 5 });
    const refused = await post(`/api/interview/groups/${five.groupIds[0]}/candidate-draws`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CANDIDATE_DRAW.PANEL_SPLIT');
    expect((await sheetOf(five.groupIds[0]!)).draws).toEqual([]);
  });

  it('exports the order sheet as Excel and keeps draws to staff of the event', async () => {
    const f = await createInterviewFixture(t.app, { perGroup: 2 });
    const groupId = f.groupIds[0]!;
    // Excel export of the order sheet.
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/interview/groups/${groupId}/candidate-order/export`,
      headers: staff.headers,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    // Staff scoped to another event cannot draw for this group.
    const elsewhere = await loginAs(t.app, [{ role: 'interview_staff', eventId: f.eventId }]);
    const g = await createInterviewFixture(t.app, { perGroup: 2 });
    expect(
      (await post(`/api/interview/groups/${g.groupIds[0]}/candidate-draws`, {}, elsewhere.headers))
        .statusCode,
    ).toBe(403);
  });
});
