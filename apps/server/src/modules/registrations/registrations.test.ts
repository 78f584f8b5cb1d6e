import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { insertTestListEntry } from '../lists/list.test-support';
import { examRegistration } from './registration.table';
import {
  createCandidate,
  createOpenEvent,
  prepareCandidate,
  nonHukouMasterProfile as master,
} from './registration.test-support';

describe('exam registration 笔试报名', () => {
  let t: TestApp;
  let eventId: string;
  const register = (headers: Record<string, string>, payload: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers,
      payload: { eventId, examCategory: 'comprehensive', ...payload },
    });

  beforeAll(async () => {
    t = await createTestApp();
    eventId = (await createOpenEvent(t.app)).id;
  });
  afterAll(() => t.close());

  it('registers a Shanghai-hukou candidate who passes every check, then issues the payment notice', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '徐汇区' },
    });
    const res = await register(c.headers);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'awaiting_payment', examCategoryName: '综合管理类' });
    expect(
      body.checks.map((x: { condition: string; result: string }) => [x.condition, x.result]),
    ).toEqual([
      ['学历', 'passed'],
      ['年龄', 'passed'],
      ['户籍', 'passed'],
    ]);
    await t.app.kaolu.jobs.drain();
    const notice = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${body.id}/payment`,
        headers: c.headers,
      })
    ).json();
    expect(notice).toMatchObject({ status: 'issued', amountYuan: '50.00' });
    expect(notice.noticeNumber).toMatch(/^312026\d{16}$/);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/registrations', headers: c.headers })
    ).json();
    expect(list.items[0].timeline.map((x: { kind: string }) => x.kind)).toEqual([
      'submitted',
      'checks_passed',
      'payment_notice_issued',
    ]);
  });

  it('refuses a candidate over the age limit with the reason, and saves nothing', async () => {
    const c = await createCandidate(t.app, { birthDate: '1985-01-01' });
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '徐汇区' },
    });
    const res = await register(c.headers);
    expect(res.statusCode).toBe(422);
    const age = res
      .json()
      .error.details.checks.find((x: { code: string }) => x.code === 'ELIGIBILITY.AGE');
    expect(age).toMatchObject({ result: 'failed' });
    expect(age.reason).toMatch(/要求18至35周岁，考生截至\d{4}-\d{2}-\d{2}为\d+周岁/);
    expect(res.json().error.message).toContain('年龄');
    const rows = await t.database.db
      .select()
      .from(examRegistration)
      .where(eq(examRegistration.candidateId, c.candidateId));
    expect(rows).toHaveLength(0);
  });

  it('applies the non-hukou rules from the platform: education, then points, passing once fixed', async () => {
    const sim = t.app.kaolu.exchange.simulators.city!;
    const bachelor = await createCandidate(t.app, { region: '320102' });
    await prepareCandidate(t.app, bachelor.headers, {
      ...master,
      education: [master.education[0]!],
    });
    sim.setPerson(bachelor.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2028-03-01' },
      points: { held: true, points: 130, standardScore: 120 },
    });
    const refusedEducation = await register(bachelor.headers);
    expect(refusedEducation.statusCode).toBe(422);
    const edu = refusedEducation
      .json()
      .error.details.checks.find(
        (x: { code: string }) => x.code === 'ELIGIBILITY.NON_HUKOU_EDUCATION',
      );
    expect(edu).toMatchObject({
      result: 'failed',
      reason: '非上海户籍考生须具有研究生及以上学历，考生为本科',
    });

    const c = await createCandidate(t.app, { region: '320102' });
    await prepareCandidate(t.app, c.headers, master);
    sim.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2028-03-01' },
      points: { held: true, points: 100, standardScore: 120 },
    });
    const pre = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations/precheck',
      headers: c.headers,
      payload: { eventId, examCategory: 'comprehensive' },
    });
    expect(pre.json().eligible).toBe(false);
    expect(
      pre.json().checks.find((x: { code: string }) => x.code === 'ELIGIBILITY.PERMIT_POINTS'),
    ).toMatchObject({ result: 'failed', reason: '要求积分达到标准分值120分，考生为100分' });
    expect((await register(c.headers)).statusCode).toBe(422);
    // The platform's record is corrected (the candidate's points were updated): the same request passes.
    sim.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2028-03-01' },
      points: { held: true, points: 126, standardScore: 120 },
    });
    const ok = await register(c.headers);
    expect(ok.statusCode).toBe(200);
    expect(
      ok
        .json()
        .checks.filter((x: { result: string }) => x.result === 'passed')
        .map((x: { condition: string }) => x.condition),
    ).toEqual(
      expect.arrayContaining(['非本市户籍学历', '居住证有效期', '居住证持有时间', '居住证积分']),
    );
  });

  it('refuses a greylisted candidate with the reason and a link to file the appeal online', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    const { crypto } = t.app.kaolu;
    await insertTestListEntry(t.database.db, {
      eventId,
      kind: 'greylist',
      idNumberBidx: crypto.blindIndex('id_number', c.idNumber),
      idNumberEnc: crypto.encryptField(c.idNumber, {
        table: 'list_entry',
        column: 'id_number',
        rowId: 'x',
      }),
      idNumberMasked: '310***********0000',
      note: '2024年考试违纪，禁考期未满',
    });
    const res = await register(c.headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'REGISTRATION.GREYLISTED',
      details: { reason: '2024年考试违纪，禁考期未满' },
    });
    // ONL-01: the link opens the problem center prefilled with the appeal type, event and refusal.
    expect(res.json().error.details.appealPath).toBe(
      `/problems/new?type=greylist_appeal&eventId=${eventId}&refusal=REGISTRATION.GREYLISTED`,
    );
    expect(res.json().error.message).toContain('可在线提交灰名单申诉');
  });

  it('refuses a category outside the policy and a missing professional subject', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    expect((await register(c.headers, { examCategory: 'astronaut' })).json().error.code).toBe(
      'REGISTRATION.CATEGORY_INVALID',
    );
    const noSubject = await register(c.headers, { examCategory: 'law_enforcement' });
    expect(noSubject.json().error.message).toBe('「行政执法类」须选择专业科目：法律、市场监管');
  });
});
