import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnmaskedPersonalData } from '../../platform/masking';
import { job } from '../../platform/jobs/job.table';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { updateTestEvent } from '../events/events.test-support';
import { insertTestListEntry } from '../lists/list.test-support';
import { examRegistration } from './registration.table';
import {
  createCandidate,
  createOpenEvent,
  jpegOf,
  multipartOf,
  prepareCandidate,
  profileDocument,
} from './registration.test-support';

const master = profileDocument({
  hukou: { type: 'other', place: '江苏省南京市' },
  residencePermit: { issuedOn: '2019-03-01', validUntil: '2028-03-01' },
  education: [
    {
      level: 'bachelor',
      degree: 'bachelor',
      school: '南京大学',
      major: '法学',
      startDate: '2015-09-01',
      endDate: '2019-07-01',
      fullTime: true,
    },
    {
      level: 'master',
      degree: 'master',
      school: '复旦大学',
      major: '法律（法学）',
      startDate: '2019-09-01',
      endDate: '2022-07-01',
      fullTime: true,
    },
  ],
});

describe('profile 一户一档', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('explains every invalid field in Chinese and saves nothing', async () => {
    const { headers } = await createCandidate(t.app);
    const bad = { ...profileDocument(), contact: { email: 'not-an-email' }, education: [] };
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: bad, version: 0 },
    });
    expect(res.statusCode).toBe(400);
    const text = JSON.stringify(res.json().error.details);
    expect(text).toContain('电子邮箱格式不正确');
    expect(text).toContain('请至少填写一段学历');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/candidate/profile', headers })).json()
        .version,
    ).toBe(0);
  });

  it('keeps versions, refuses a stale one and never answers the address or ID number in clear', async () => {
    const { headers } = await createCandidate(t.app);
    const first = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: profileDocument(), version: 0 },
    });
    expect(first.json()).toMatchObject({ version: 1, addressMasked: '上海市徐汇区****' });
    expect(findUnmaskedPersonalData(first.json())).toEqual([]);
    expect(first.body).not.toContain('漕溪北路');
    // Address omitted on the next save: the stored ciphertext is kept.
    const { address: _omit, ...contact } = profileDocument().contact;
    const second = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: { ...profileDocument(), contact }, version: 1 },
    });
    expect(second.json()).toMatchObject({ version: 2, addressMasked: '上海市徐汇区****' });
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers,
      payload: { document: profileDocument(), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('PROFILE.VERSION_CONFLICT');
  });

  it('checks the photo against the policy, and fixes it once confirmed', async () => {
    const { headers } = await createCandidate(t.app);
    const upload = (bytes: Buffer) => {
      const body = multipartOf(bytes);
      return t.app.inject({
        method: 'POST',
        url: '/api/candidate/profile/photo',
        headers: { ...headers, ...body.headers },
        payload: body.payload,
      });
    };
    const tooWide = await upload(jpegOf(300, 160));
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().error.message).toContain('照片宽度须在 75–150 像素之间，当前为 300');
    const tooBig = await upload(jpegOf(120, 160, 60 * 1024));
    expect(tooBig.json().error.message).toContain('照片不能超过 50KB');
    expect((await upload(Buffer.from('GIF89a not a jpeg'))).json().error.message).toContain(
      '照片须为 JPG 格式',
    );
    expect((await upload(jpegOf(120, 160))).json().photo).toMatchObject({
      width: 120,
      height: 160,
      confirmed: false,
    });
    expect(
      (
        await t.app.inject({ method: 'POST', url: '/api/candidate/profile/photo/confirm', headers })
      ).json().photo.confirmed,
    ).toBe(true);
    const again = await upload(jpegOf(100, 140));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROFILE.PHOTO_LOCKED');
  });
});

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

  it('accepts exactly one of many concurrent submits, and the database refuses a second row', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '徐汇区' },
    });
    const results = await Promise.all(Array.from({ length: 6 }, () => register(c.headers)));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409, 409, 409, 409]);
    expect(
      results
        .filter((r) => r.statusCode === 409)
        .every((r) => r.json().error.code === 'REGISTRATION.ALREADY_REGISTERED'),
    ).toBe(true);
    const [row] = await t.database.db
      .select()
      .from(examRegistration)
      .where(eq(examRegistration.candidateId, c.candidateId));
    const { id: _id, ...copy } = row!;
    await expect(t.database.db.insert(examRegistration).values(copy)).rejects.toThrow();
  });

  it('lets a candidate who cancelled register again, still only once under concurrent submits, keeping the cancelled one as history', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '徐汇区' },
    });
    const first = (await register(c.headers)).json();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/candidate/registrations/${first.id}/cancel`,
          headers: c.headers,
        })
      ).statusCode,
    ).toBe(200);
    const results = await Promise.all(Array.from({ length: 6 }, () => register(c.headers)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const rows = await t.database.db
      .select()
      .from(examRegistration)
      .where(eq(examRegistration.candidateId, c.candidateId));
    expect(rows.map((r) => r.status).sort()).toEqual(['awaiting_payment', 'cancelled']);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/registrations', headers: c.headers })
    ).json();
    expect(list.items.map((i: { status: string }) => i.status)).toEqual([
      'awaiting_payment',
      'cancelled',
    ]);
    // The database itself: a second active row is refused, another cancelled row is history and allowed.
    const { id: _id, ...copy } = rows.find((r) => r.status === 'awaiting_payment')!;
    await expect(t.database.db.insert(examRegistration).values(copy)).rejects.toThrow();
    await t.database.db.insert(examRegistration).values({ ...copy, status: 'cancelled' });
  });

  it('saves the registration as 待核验 when the platform is down, and the recheck decides it later', async () => {
    const sim = t.app.kaolu.exchange.simulators.city!;
    const c = await createCandidate(t.app, { region: '320102' });
    await prepareCandidate(t.app, c.headers, master);
    sim.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2028-03-01' },
      points: { held: true, points: 135, standardScore: 120 },
    });
    sim.setAvailable(false);
    try {
      const res = await register(c.headers);
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('pending_verification');
      expect(res.json().checks.at(-1)).toMatchObject({
        code: 'ELIGIBILITY.RESIDENCE_PENDING',
        result: 'pending',
      });
      const id = res.json().id as string;
      const queued = await t.database.db
        .select()
        .from(job)
        .where(and(eq(job.kind, 'registration.recheck'), eq(job.status, 'queued')));
      expect(
        queued.some((j) => (j.payload as { registrationId: string }).registrationId === id),
      ).toBe(true);
      // Still down: the recheck fails (the job retries later) and nothing is decided.
      await expect(t.app.kaolu.modules.registrations.recheck(id)).rejects.toThrow(
        '市数据共享平台仍不可用',
      );
      const [still] = await t.database.db
        .select()
        .from(examRegistration)
        .where(eq(examRegistration.id, id));
      expect(still!.status).toBe('pending_verification');
      sim.setAvailable(true);
      expect(await t.app.kaolu.modules.registrations.recheck(id)).toEqual({
        status: 'awaiting_payment',
      });
      const mine = (
        await t.app.inject({
          method: 'GET',
          url: '/api/candidate/registrations',
          headers: c.headers,
        })
      ).json().items[0];
      expect(mine.status).toBe('awaiting_payment');
      expect(mine.timeline.map((x: { kind: string }) => x.kind)).toEqual([
        'submitted',
        'verification_pending',
        'verification_passed',
      ]);
    } finally {
      sim.setAvailable(true);
    }
  });

  it('rejects a 待核验 registration whose recheck fails, with the reason in the timeline', async () => {
    const sim = t.app.kaolu.exchange.simulators.city!;
    const c = await createCandidate(t.app, { region: '320102' });
    await prepareCandidate(t.app, c.headers, master);
    sim.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: true, issuedOn: '2019-03-01', validUntil: '2024-03-01' },
      points: { held: true, points: 135, standardScore: 120 },
    });
    sim.setAvailable(false, 'permit_validity');
    const id = (await register(c.headers)).json().id as string;
    sim.setAvailable(true);
    expect(await t.app.kaolu.modules.registrations.recheck(id)).toEqual({ status: 'rejected' });
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/registrations', headers: c.headers })
    )
      .json()
      .items.find((r: { id: string }) => r.id === id);
    expect(mine.status).toBe('rejected');
    expect(mine.timeline.at(-1).message).toContain('居住证有效期');
  });

  it('refuses a registration outside the window with the window in Shanghai time', async () => {
    const closed = await createOpenEvent(t.app);
    await updateTestEvent(t.database.db, closed.id, {
      schedule: [
        {
          stage: 'exam_registration',
          startsAt: '2020-01-01T00:00:00+08:00',
          endsAt: '2020-01-10T00:00:00+08:00',
        },
      ],
    });
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers: c.headers,
      payload: { eventId: closed.id, examCategory: 'comprehensive' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('已截止');
  });
});
