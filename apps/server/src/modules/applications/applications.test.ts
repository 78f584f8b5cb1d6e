import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { deleteTestListEntries } from '../lists/list.test-support';
import { insertTestScores } from '../scores/score.test-support';
import { profileDocument } from '../registrations/registration.test-support';
import { positionApplication } from './application.table';
import {
  createExaminee,
  createPublishedPosition,
  createReviewUnit,
  createSelectionEvent,
  publishScores,
} from './selection.test-support';

const masterNonHukou = profileDocument({
  hukou: { type: 'other', place: '江苏省南京市' },
  education: [
    {
      level: 'master',
      degree: 'master',
      school: '复旦大学',
      major: '法学',
      startDate: '2019-09-01',
      endDate: '2022-07-01',
      fullTime: true,
    },
  ],
});
const bachelorNonHukou = profileDocument({ hukou: { type: 'other', place: '江苏省南京市' } });
const permit = { issuedOn: '2018-01-01', validUntil: '2030-01-01', points: 130 };

describe('position application 职位报名 (§7, ONL-03)', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let event: Awaited<ReturnType<typeof createSelectionEvent>>;
  let unitA: Awaited<ReturnType<typeof createReviewUnit>>;
  let unitB: Awaited<ReturnType<typeof createReviewUnit>>;
  const post = (headers: AuthHeaders, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const apply = (headers: AuthHeaders, positionId: string, extra: object = {}) =>
    post(headers, '/api/candidate/applications', { eventId: event.id, positionId, ...extra });
  const decide = (headers: AuthHeaders, id: string, outcome: string, reasonText = '材料齐全') =>
    post(headers, `/api/admin/reviews/${id}/decision`, {
      outcome,
      reasonCode: outcome === 'approve' ? 'conditions_met' : 'materials_missing',
      reasonText,
    });

  beforeAll(async () => {
    t = await createTestApp();
    org = (await loginAs(t.app, 'org_admin')).headers;
    event = await createSelectionEvent(t.app);
    unitA = await createReviewUnit(t.app, org, '市发展改革委');
    unitB = await createReviewUnit(t.app, org, '市财政局');
  });
  afterAll(() => t.close());

  async function passedExaminee(options: Parameters<typeof createExaminee>[2] = {}) {
    return createExaminee(t.app, event.id, options);
  }

  it('refuses a candidate below the line and explains every failed condition before saving', async () => {
    const low = await passedExaminee();
    const high = await passedExaminee();
    await publishScores(t.app, event.id, [
      [low.ticketNumber, 50, 55],
      [high.ticketNumber, 80, 70],
    ]);
    const p = await createPublishedPosition(t.app, event.id, unitA.unitId, {
      conditions: { minEducation: 'master', residence: 'any' },
    });
    const check = await post(low.headers, '/api/candidate/applications/precheck', {
      eventId: event.id,
      positionId: p.id,
    });
    const failed = check
      .json()
      .checks.filter((c: { result: string }) => c.result === 'failed')
      .map((c: { condition: string }) => c.condition);
    expect(failed).toEqual(['笔试合格线', '学历']);
    const res = await apply(low.headers, p.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('笔试成绩 52.50，合格线 60.00，未达到');
    expect(
      await t.app.kaolu.database.db
        .select()
        .from(positionApplication)
        .where(eq(positionApplication.candidateId, low.candidateId)),
    ).toHaveLength(0);
  });

  it('keeps one active application when the same candidate submits many at once', async () => {
    const e = await passedExaminee();
    await publishScoresFor([e]);
    const positions = await Promise.all(
      [1, 2, 3, 4].map(() => createPublishedPosition(t.app, event.id, unitA.unitId)),
    );
    const answers = await Promise.all(positions.map((p) => apply(e.headers, p.id)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(
      answers
        .filter((a) => a.statusCode === 409)
        .every((a) => a.json().error.code === 'APPLICATION.ALREADY_ACTIVE'),
    ).toBe(true);
    const rows = await t.app.kaolu.database.db
      .select()
      .from(positionApplication)
      .where(eq(positionApplication.candidateId, e.candidateId));
    expect(rows).toHaveLength(1);
  });

  it('allows a change before review, not after a return, and locks an approved application', async () => {
    const e = await passedExaminee();
    await publishScoresFor([e]);
    const [p1, p2, p3] = [
      await createPublishedPosition(t.app, event.id, unitA.unitId),
      await createPublishedPosition(t.app, event.id, unitA.unitId),
      await createPublishedPosition(t.app, event.id, unitA.unitId),
    ];
    const first = (await apply(e.headers, p1.id)).json();
    const changed = await post(e.headers, `/api/candidate/applications/${first.id}/change`, {
      positionId: p2.id,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ positionId: p2.id, status: 'submitted' });
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/applications', headers: e.headers })
    ).json().items;
    expect(mine.map((a: { status: string }) => a.status).sort()).toEqual([
      'submitted',
      'withdrawn',
    ]);
    await decide(unitA.reviewer, changed.json().id, 'return', '请补充学位证书');
    const late = await post(e.headers, `/api/candidate/applications/${changed.json().id}/change`, {
      positionId: p3.id,
    });
    expect(late.json().error.code).toBe('APPLICATION.ALREADY_REVIEWED');
    const supplemented = await post(
      e.headers,
      `/api/candidate/applications/${changed.json().id}/supplement`,
      { note: '已上传学位证书' },
    );
    expect(supplemented.json().status).toBe('submitted');
    expect((await decide(unitA.reviewer, changed.json().id, 'approve')).json().status).toBe(
      'approved',
    );
    const locked = await post(
      e.headers,
      `/api/candidate/applications/${changed.json().id}/change`,
      { positionId: p3.id },
    );
    expect(locked.json().error.code).toBe('APPLICATION.LOCKED');
    expect((await apply(e.headers, p3.id)).json().error.code).toBe('APPLICATION.ALREADY_ACTIVE');
  });

  it('lets a rejected candidate apply elsewhere but never again to the rejecting position', async () => {
    const e = await passedExaminee();
    await publishScoresFor([e]);
    const [p1, p2] = [
      await createPublishedPosition(t.app, event.id, unitA.unitId),
      await createPublishedPosition(t.app, event.id, unitB.unitId),
    ];
    const first = (await apply(e.headers, p1.id)).json();
    await decide(unitA.reviewer, first.id, 'reject', '专业不符');
    const again = await apply(e.headers, p1.id);
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.checks).toContainEqual(
      expect.objectContaining({ code: 'APPLICATION.REJECTED_BEFORE', result: 'failed' }),
    );
    expect((await apply(e.headers, p2.id)).statusCode).toBe(200);
  });

  it('checks 乡镇 conditions: a non-hukou candidate needs a master degree and a residence permit (ONL-03a)', async () => {
    const township = await createPublishedPosition(t.app, event.id, unitA.unitId, {
      township: true,
      conditions: { minEducation: 'bachelor', residence: 'any' },
    });
    const bachelor = await passedExaminee({ document: bachelorNonHukou, permit });
    const master = await passedExaminee({ document: masterNonHukou, permit });
    const noPermit = await passedExaminee({
      document: masterNonHukou,
      permit: { ...permit, validUntil: '2020-01-01' },
    });
    await publishScoresFor([bachelor, master, noPermit]);
    const refused = await apply(bachelor.headers, township.id);
    expect(refused.json().error.details.checks).toContainEqual(
      expect.objectContaining({ code: 'ELIGIBILITY.NON_HUKOU_EDUCATION', result: 'failed' }),
    );
    expect((await apply(noPermit.headers, township.id)).json().error.details.checks).toContainEqual(
      expect.objectContaining({ code: 'ELIGIBILITY.PERMIT', result: 'failed' }),
    );
    expect((await apply(master.headers, township.id)).statusCode).toBe(200);
  });

  it('stores the ranked posts of a 基础警察 position and refuses a missing or foreign ranking (ONL-03b)', async () => {
    const police = await createReviewUnit(t.app, org, '市公安局', { isPolice: true });
    const p = await createPublishedPosition(t.app, event.id, police.unitId, {
      basicPolice: true,
      details: { posts: '社区民警、交通警察、巡特警' },
    });
    const e = await passedExaminee();
    await publishScoresFor([e]);
    const check = (
      await post(e.headers, '/api/candidate/applications/precheck', {
        eventId: event.id,
        positionId: p.id,
      })
    ).json();
    expect(check.policePosts).toEqual(['社区民警', '交通警察', '巡特警']);
    expect((await apply(e.headers, p.id)).json().error.code).toBe(
      'APPLICATION.POLICE_INTENTIONS_INVALID',
    );
    expect(
      (await apply(e.headers, p.id, { policeIntentions: ['刑侦民警'] })).json().error.code,
    ).toBe('APPLICATION.POLICE_INTENTIONS_INVALID');
    const ok = await apply(e.headers, p.id, { policeIntentions: ['交通警察', '社区民警'] });
    expect(ok.json().policeIntentions).toEqual(['交通警察', '社区民警']);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/reviews/${ok.json().id}`,
        headers: police.reviewer,
      })
    ).json();
    expect(detail.policeIntentions).toEqual(['交通警察', '社区民警']);
  });

  it('bars a long stay abroad from 基础警察 positions', async () => {
    const p = await createPublishedPosition(t.app, event.id, unitA.unitId, { basicPolice: true });
    const e = await passedExaminee({
      document: profileDocument({
        abroad: [
          { country: '英国', purpose: 'study', startDate: '2020-09-01', endDate: '2021-09-01' },
        ],
      }),
    });
    await publishScoresFor([e]);
    const res = await apply(e.headers, p.id, { policeIntentions: ['社区民警'] });
    expect(res.json().error.details.checks).toContainEqual(
      expect.objectContaining({ code: 'ELIGIBILITY.ABROAD', result: 'failed' }),
    );
  });

  it('directs a whitelisted candidate to his unit only (INT-02)', async () => {
    const e = await passedExaminee();
    await publishScoresFor([e]);
    await t.app.kaolu.lists.put(
      event.id,
      'whitelist',
      e.idNumber,
      { unitId: unitB.unitId, note: null },
      '定向招录',
      { actor: { kind: 'system', id: 'test' } },
    );
    const other = await createPublishedPosition(t.app, event.id, unitA.unitId);
    const directed = await createPublishedPosition(t.app, event.id, unitB.unitId);
    const refused = await apply(e.headers, other.id);
    expect(refused.json().error.details.checks).toContainEqual(
      expect.objectContaining({ code: 'APPLICATION.WHITELIST', result: 'failed' }),
    );
    expect(refused.json().error.message).toContain('市财政局');
    expect((await apply(e.headers, directed.id)).statusCode).toBe(200);
    await deleteTestListEntries(t.app.kaolu.database.db, event.id);
  });

  it('refuses outside the application window', async () => {
    const closed = await createSelectionEvent(t.app, { applicationOpen: false });
    const e = await createExaminee(t.app, closed.id);
    const p = await createPublishedPosition(t.app, closed.id, unitA.unitId);
    const res = await post(e.headers, '/api/candidate/applications', {
      eventId: closed.id,
      positionId: p.id,
    });
    expect(res.json().error.code).toBe('EVENT.STAGE_CLOSED');
  });

  // Scores are published once per event, so later candidates get theirs written directly.
  async function publishScoresFor(people: Array<{ registrationId: string; candidateId: string }>) {
    await insertTestScores(
      t.app.kaolu.database.db,
      people.map((p) => ({
        eventId: event.id,
        registrationId: p.registrationId,
        candidateId: p.candidateId,
        examCategory: 'comprehensive',
        xingceCenti: 7000,
        shenlunCenti: 7000,
        totalCenti: 7000,
      })),
    );
  }
});
