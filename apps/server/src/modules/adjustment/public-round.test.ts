import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { profileDocument } from '../registrations/registration.test-support';
import { listEntriesOf, positionListsOf } from '../interview-lists';
import { auditedActions } from './adjustment-audit.test-support';
import { createAdjustmentEvent } from './adjustment.test-support';

// Eight months in Japan: past the six-month limit of INT-07.
const abroad = profileDocument({
  abroad: [{ startDate: '2021-01-01', endDate: '2021-09-01', country: '日本', purpose: 'study' }],
});

// The fixture, one event for the whole file (each test builds on the one before, as the round runs):
// - position 0 is full (1:1, candidate 0 listed, candidate 1 outside the quota);
// - position 1 (1:3) has one listed and misses 2: the public round fills it;
// - position 2 is 行政执法类 with the subject 法律, position 3 belongs to a 公安 unit;
// - position 4 does not accept adjustment.
// Candidates 3 to 9 applied nowhere: below the line, abroad 8 months, other category or subject,
// whitelisted to the police unit, and two more for the tie at the cut.
describe('public adjustment 公开调剂 (§7, INT-02, INT-07)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createAdjustmentEvent>>;
  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    headers: AuthHeaders,
    payload?: object,
  ) => t.app.inject({ method, url, headers, payload });
  const base = () => `/api/admin/events/${f.event.id}/adjustment`;
  const apply = (who: number, position: number) =>
    call('POST', '/api/candidate/adjustment/applications', f.people[who]!.headers, {
      eventId: f.event.id,
      adjustmentPositionId: published.get(position)!,
    });
  // position index → adjustment position id, read from the candidate's view after publishing.
  const published = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestApp();
    f = await createAdjustmentEvent(t.app, {
      units: [{}, { isPolice: true }],
      positions: [
        { headcount: 1, interviewRatio: 1 }, // 0: full (a0 listed)
        { headcount: 1, interviewRatio: 3 }, // 1: one listed, short by 2
        { headcount: 1, interviewRatio: 2, examCategory: 'law_enforcement', examSubject: 'LE-LAW' }, // 2
        { headcount: 1, interviewRatio: 2, unit: 1 }, // 3: a 公安 unit's position
        { headcount: 1, acceptsAdjustment: false }, // 4
      ],
      applicants: [
        { position: 0, xingce: 80, shenlun: 80 }, // 0: on the first list
        { position: 0, xingce: 70, shenlun: 70 }, // 1: outside the quota
        { position: 1, xingce: 75, shenlun: 75 }, // 2: listed at position 1
        { position: null, xingce: 55, shenlun: 55 }, // 3: below the line
        { position: null, xingce: 72, shenlun: 72, document: abroad }, // 4: abroad 8 months
        {
          position: null,
          xingce: 70,
          shenlun: 70,
          professional: 70,
          examCategory: 'law_enforcement',
          subjectCode: 'LE-LAW',
        }, // 5
        {
          position: null,
          xingce: 70,
          shenlun: 70,
          professional: 70,
          examCategory: 'law_enforcement',
          subjectCode: 'LE-MKT',
        }, // 6
        { position: null, xingce: 68, shenlun: 68 }, // 7: whitelisted to the police unit
        { position: null, xingce: 70, shenlun: 70 }, // 8: tied with 1
        { position: null, xingce: 66, shenlun: 66 }, // 9
      ],
    });
    const whitelisted = await call(
      'PUT',
      `/api/admin/events/${f.event.id}/lists/whitelist`,
      f.org,
      {
        idNumber: f.people[7]!.idNumber,
        unitId: f.units[1]!.unitId,
        reason: '应急执法定向',
      },
    );
    expect(whitelisted.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  // Publishing: only short positions on a confirmed list that accept adjustment, within the shortfall.
  it('refuses positions that are full, do not accept adjustment or get more places than missing, changing nothing', async () => {
    const res = await call('PUT', `${base()}/positions`, f.org, {
      positions: [
        { positionId: f.positions[0]!.id, places: 1 },
        { positionId: f.positions[4]!.id, places: 1 },
        { positionId: f.positions[1]!.id, places: 3 },
      ],
    });
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.problems.map((p: { message: string }) => p.message);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('已达到比例');
    expect(problems[1]).toContain('不接受调剂');
    expect(problems[2]).toContain('不能超过缺额 2');
    // Zero places is malformed input: zod refuses it before the service runs.
    const zero = await call('PUT', `${base()}/positions`, f.org, {
      positions: [{ positionId: f.positions[1]!.id, places: 0 }],
    });
    expect(zero.statusCode).toBe(400);
    // All or nothing: the refused request published none of its positions.
    const overview = (await call('GET', base(), f.org)).json();
    expect(overview.positions.filter((p: { published: boolean }) => p.published)).toHaveLength(0);
  });

  it('publishes short positions with their places; a unit user may not', async () => {
    const body = {
      positions: [1, 2, 3].map((i) => ({ positionId: f.positions[i]!.id, places: 2 })),
    };
    expect((await call('PUT', `${base()}/positions`, f.units[0]!.reviewer, body)).statusCode).toBe(
      403,
    );
    const res = await call('PUT', `${base()}/positions`, f.org, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ publicStatus: 'open' });
    const view = (await call('GET', '/api/candidate/adjustment', f.people[4]!.headers)).json();
    for (const p of view.items[0].positions)
      published.set(
        f.positions.findIndex((x) => x.code === p.code),
        p.adjustmentPositionId,
      );
    expect(published.size).toBe(3);
  });

  // The candidate's view explains each closed position with the engine's own reason.
  it('tells the candidate which positions are open to him and why the others are not', async () => {
    const view = (await call('GET', '/api/candidate/adjustment', f.people[4]!.headers)).json();
    const byCode = new Map(view.items[0].positions.map((p: { code: string }) => [p.code, p]));
    expect(byCode.get(f.positions[1]!.code)).toMatchObject({ open: true, reason: null });
    expect(byCode.get(f.positions[2]!.code)).toMatchObject({ open: false });
    expect((byCode.get(f.positions[2]!.code) as { reason: string }).reason).toContain('行政执法类');
    expect((byCode.get(f.positions[3]!.code) as { reason: string }).reason).toContain(
      '境外连续居住6个月',
    );
  });

  // The candidate's own rules (§7): not on a first list, at his category's pass line.
  it('refuses a candidate on a first list or below his category line', async () => {
    const listed = await apply(0, 1);
    expect(listed.statusCode).toBe(422);
    expect(listed.json().error.message).toContain('已进入首轮面试名单');
    const below = await apply(3, 1);
    expect(below.statusCode).toBe(422);
    expect(below.json().error.message).toContain('未达到综合管理类合格线 60.00');
  });

  // §7: the same category and the same professional subject as the registration.
  it('keeps adjustment within the same category and the same professional subject', async () => {
    expect((await apply(5, 1)).json().error.message).toContain(
      '属于综合管理类，考生报考行政执法类',
    );
    const other = await apply(6, 2);
    expect(other.statusCode).toBe(422);
    expect(other.json().error.message).toContain('专业科目为法律，考生为市场监管');
    expect((await apply(5, 2)).statusCode).toBe(200);
  });

  // INT-07: the 公安 unit's position refuses him; an ordinary unit's position takes him.
  it('bars a long stay abroad from a 公安 unit but not from another unit (INT-07)', async () => {
    const police = await apply(4, 3);
    expect(police.statusCode).toBe(422);
    expect(police.json().error.message).toContain('不接收境外连续居住6个月以上的考生');
    expect((await apply(4, 1)).statusCode).toBe(200);
  });

  // INT-02: the whitelist direction holds in adjustment: no other unit's position may take him.
  it('directs a whitelisted candidate to his unit only (INT-02)', async () => {
    const elsewhere = await apply(7, 1);
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().error.message).toContain('白名单考生只能调剂到本单位');
    expect((await apply(7, 3)).statusCode).toBe(200);
  });

  // §7: one adjustment position at a time; a second application is a change of the first.
  it('holds one application per candidate, changeable and withdrawable before approval', async () => {
    expect((await apply(1, 3)).json()).toMatchObject({
      code: f.positions[3]!.code,
      status: 'pending',
    });
    const changed = await apply(1, 1);
    expect(changed.json()).toMatchObject({ code: f.positions[1]!.code, status: 'pending' });
    // The change moved the application: the first position's unit no longer sees it.
    const unit1 = (
      await call('GET', '/api/admin/adjustment/applications', f.units[1]!.reviewer)
    ).json();
    expect(unit1.items.map((i: { positionCode: string }) => i.positionCode)).toEqual([
      f.positions[3]!.code,
    ]);
    expect((await apply(9, 1)).statusCode).toBe(200);
    const withdraw = await call(
      'POST',
      '/api/candidate/adjustment/applications/withdraw',
      f.people[9]!.headers,
      { eventId: f.event.id },
    );
    expect(withdraw.statusCode).toBe(200);
    const view = (await call('GET', '/api/candidate/adjustment', f.people[9]!.headers)).json();
    expect(view.items[0].application.status).toBe('withdrawn');
    expect((await apply(9, 1)).statusCode).toBe(200);
    expect((await apply(8, 1)).statusCode).toBe(200);
  });

  // Units review only their own positions; an approval is final for the candidate (§7).
  it('lets only the position unit review; a refusal needs a reason; approval locks the application', async () => {
    const queue = (
      await call('GET', '/api/admin/adjustment/applications', f.units[0]!.reviewer)
    ).json();
    const pending = queue.items.filter(
      (i: { positionCode: string }) => i.positionCode === f.positions[1]!.code,
    );
    expect(pending).toHaveLength(4);
    expect(pending[0].ticketNumber).toMatch(/^T/);
    const decide = (headers: AuthHeaders, id: string, payload: object) =>
      call('POST', `/api/admin/adjustment/applications/${id}/decision`, headers, payload);
    expect(
      (await decide(f.units[1]!.reviewer, pending[0].id, { outcome: 'approve' })).statusCode,
    ).toBe(404);
    expect(
      (await decide(f.units[0]!.reviewer, pending[0].id, { outcome: 'reject' })).statusCode,
    ).toBe(400);
    // 72.00, 70.00, 70.00 and 66.00 are approved; the close decides who enters.
    for (const p of pending)
      expect((await decide(f.units[0]!.reviewer, p.id, { outcome: 'approve' })).statusCode).toBe(
        200,
      );
    expect(
      (await decide(f.units[0]!.reviewer, pending[0].id, { outcome: 'approve' })).statusCode,
    ).toBe(409);
    const change = await apply(1, 3);
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe('ADJUSTMENT.LOCKED');
    const withdraw = await call(
      'POST',
      '/api/candidate/adjustment/applications/withdraw',
      f.people[1]!.headers,
      { eventId: f.event.id },
    );
    expect(withdraw.json().error.code).toBe('ADJUSTMENT.LOCKED');
  });

  // The unified round comes after the public one, never alongside it.
  it('refuses the unified round while the public round is open', async () => {
    const res = await call('POST', `${base()}/unified/propose`, f.org);
    expect(res.json().error.code).toBe('ADJUSTMENT.PUBLIC_ROUND_OPEN');
  });

  // The close runs the engine: places by written total, everyone tied with the last entering.
  it('fills by written total at the close, every tie at the cut entering', async () => {
    const res = await call('POST', `${base()}/public/close`, f.org);
    expect(res.statusCode).toBe(200);
    // Position 1 offers 2 places: 72.00, then 70.00 twice (tied) — three enter, 66.00 does not.
    expect(res.json()).toMatchObject({ placed: 3 });
    const db = t.app.kaolu.database.db;
    const entries = await listEntriesOf(db, f.event.id, { round: 'public' });
    const placed = entries.map((e) => [e.candidateId, e.writtenTotalCenti]).sort();
    expect(placed).toEqual(
      [
        [f.people[1]!.candidateId, 7000],
        [f.people[4]!.candidateId, 7200],
        [f.people[8]!.candidateId, 7000],
      ].sort(),
    );
    expect(entries.every((e) => e.positionId === f.positions[1]!.id && e.status === 'listed')).toBe(
      true,
    );
    const figures = (await positionListsOf(db, f.event.id)).find(
      (p) => p.positionId === f.positions[1]!.id,
    )!;
    expect(figures).toMatchObject({ listed: 4, shortfall: 0 });
    // The applicant past the cut and the unreviewed one read why they did not enter.
    const nine = (await call('GET', '/api/candidate/adjustment', f.people[9]!.headers)).json();
    expect(nine.items[0].application).toMatchObject({ status: 'not_placed' });
    expect(nine.items[0].application.reason).toContain('最低入围 70.00');
    const five = (await call('GET', '/api/candidate/adjustment', f.people[5]!.headers)).json();
    expect(five.items[0].application.reason).toContain('未审核');
    // Closed is final: no second close, no new application.
    expect((await call('POST', `${base()}/public/close`, f.org)).statusCode).toBe(409);
    expect((await apply(6, 1)).json().error.code).toBe('ADJUSTMENT.ROUND_CLOSED');
  });

  // Every change of the round left its audit entry, in the transaction of the change.
  it('audits each step: publication, application, change, withdrawal, review and the close', async () => {
    const actions = await auditedActions(t.app);
    for (const action of [
      'adjustment_positions.published',
      'adjustment_application.submitted',
      'adjustment_application.changed',
      'adjustment_application.withdrawn',
      'adjustment_application.reviewed',
      'adjustment_public.closed',
    ])
      expect(actions, action).toContain(action);
  });
});
