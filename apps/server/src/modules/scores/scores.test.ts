import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessage } from '../../platform/sms/sms.table';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import {
  createExaminee,
  createSelectionEvent,
  scoreSheet,
} from '../applications/selection.test-support';
import { writtenScore } from './scores.table';
import { hasPassed, passLineFor, writtenTotalOf } from './written-result';

describe('written total and pass line', () => {
  it('averages the subjects a category sits on exact hundredths, half up', () => {
    expect(writtenTotalOf({ xingce: 7025, shenlun: 6450, professional: null }, false, false)).toBe(
      6738,
    );
    // 70.01 + 60.01 + 80.01 = 210.03 / 3 = 70.01
    expect(writtenTotalOf({ xingce: 7001, shenlun: 6001, professional: 8001 }, true, false)).toBe(
      7001,
    );
    expect(
      writtenTotalOf({ xingce: 7000, shenlun: 6000, professional: null }, true, false),
    ).toBeNull();
    expect(
      writtenTotalOf({ xingce: 7000, shenlun: 6000, professional: null }, false, true),
    ).toBeNull();
  });

  it('passes at the line exactly and prefers the major type line of 司法医护', () => {
    const lines = [
      { examCategory: 'jm', majorType: '', lineCenti: 6000 },
      { examCategory: 'jm', majorType: 'nursing', lineCenti: 5500 },
    ];
    expect(passLineFor(lines, 'jm', 'nursing')).toBe(5500);
    expect(passLineFor(lines, 'jm', 'clinical')).toBe(6000);
    expect(hasPassed(6000, 6000)).toBe(true);
    expect(hasPassed(5999, 6000)).toBe(false);
    expect(hasPassed(null, 6000)).toBe(false);
  });
});

describe('score import, pass lines and publication (ONL-02)', () => {
  let t: TestApp;
  let institute: AuthHeaders;
  let org: AuthHeaders;
  beforeAll(async () => {
    t = await createTestApp();
    institute = (await loginAs(t.app, 'exam_institute')).headers;
    org = (await loginAs(t.app, 'org_admin')).headers;
  });
  afterAll(() => t.close());

  it('reports every bad row and field and saves nothing', async () => {
    const event = await createSelectionEvent(t.app);
    const a = await createExaminee(t.app, event.id);
    const b = await createExaminee(t.app, event.id);
    const file = await scoreSheet(
      ['准考证号', '身份证号', '行测', '申论'],
      [
        [a.ticketNumber, '', '72.5', '66'],
        ['T999999', '', '70', '70'],
        ['', b.idNumber, '70.123', ''],
        [a.ticketNumber, '', '101', '60'],
      ],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/import`,
      headers: institute,
      payload: { fileBase64: file },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT.ROWS_INVALID');
    const problems = res.json().error.details.problems as Array<{ row: number; field: string }>;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, '准考证号'],
      [4, '行测'],
      [4, '申论'],
      [5, '行测'],
      [5, '准考证号'],
    ]);
    expect(
      await t.app.kaolu.database.db
        .select()
        .from(writtenScore)
        .where(eq(writtenScore.eventId, event.id)),
    ).toHaveLength(0);
  });

  it('imports by ticket or ID number with absent marks, publishes only with lines, then shows and notifies', async () => {
    const event = await createSelectionEvent(t.app);
    const [a, b, c] = [
      await createExaminee(t.app, event.id),
      await createExaminee(t.app, event.id),
      await createExaminee(t.app, event.id),
    ];
    const file = await scoreSheet(
      ['准考证号', '身份证号', '行测', '申论', '缺考'],
      [
        [a.ticketNumber, '', 72.5, '66.25', ''],
        ['', b.idNumber, '50', '58', ''],
        [c.ticketNumber, '', '', '', '是'],
      ],
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/import`,
      headers: institute,
      payload: { fileBase64: file },
    });
    expect(res.json()).toEqual({ imported: 3 });

    const before = await t.app.inject({
      method: 'GET',
      url: '/api/candidate/scores',
      headers: a.headers,
    });
    expect(before.json().items).toEqual([]);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/publish`,
      headers: org,
      payload: {},
    });
    expect(refused.json().error.code).toBe('SCORE.PASS_LINE_MISSING');
    const forbidden = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${event.id}/pass-lines`,
      headers: institute,
      payload: { lines: [{ examCategory: 'comprehensive', line: '60' }] },
    });
    expect(forbidden.statusCode).toBe(403);
    await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${event.id}/pass-lines`,
      headers: org,
      payload: { lines: [{ examCategory: 'comprehensive', line: '69.38' }] },
    });
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/publish`,
      headers: org,
      payload: {},
    });
    expect(published.json()).toMatchObject({ candidates: 3 });

    const seen = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/scores', headers: a.headers })
    ).json().items[0];
    // (72.50 + 66.25) / 2 = 69.375 → 69.38, exactly the line: passed
    expect(seen).toMatchObject({ total: '69.38', passLine: '69.38', passed: true, absent: false });
    expect(seen.subjects.map((s: { score: string }) => s.score)).toEqual(['72.50', '66.25']);
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/candidate/scores', headers: b.headers })
      ).json().items[0],
    ).toMatchObject({ total: '54.00', passed: false });
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/candidate/scores', headers: c.headers })
      ).json().items[0],
    ).toMatchObject({ absent: true, total: null, passed: false });

    expect(
      await t.app.kaolu.database.db
        .select()
        .from(smsMessage)
        .where(eq(smsMessage.purpose, 'score_published')),
    ).toHaveLength(0);
    await t.app.kaolu.jobs.drain();
    expect(
      await t.app.kaolu.database.db
        .select()
        .from(smsMessage)
        .where(eq(smsMessage.purpose, 'score_published')),
    ).toHaveLength(3);
    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/messages', headers: a.headers })
    ).json().items;
    expect(inbox[0].title).toBe('笔试成绩已公布');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/import`,
      headers: institute,
      payload: { fileBase64: file },
    });
    expect(again.json().error.code).toBe('SCORE.ALREADY_PUBLISHED');
  });

  it('runs a background import as a job whose result lists the bad rows', async () => {
    const event = await createSelectionEvent(t.app);
    const a = await createExaminee(t.app, event.id);
    const file = await scoreSheet(['准考证号', '行测', '申论'], [[a.ticketNumber, '80', 'abc']]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/import`,
      headers: institute,
      payload: { fileBase64: file, background: true },
    });
    const { jobId } = res.json();
    await t.app.kaolu.jobs.drain();
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: institute })
    ).json();
    expect(job).toMatchObject({
      status: 'succeeded',
      result: { imported: 0, problems: [{ row: 2, field: '申论' }] },
    });
  });

  it('applies a 司法医护 major type line and requires the professional subject', async () => {
    const event = await createSelectionEvent(t.app, {
      policy: {
        majorCatalogue: 'judicial_medical',
        examCategories: [
          {
            code: 'jm',
            name: '司法医护类',
            subjects: [{ code: 'JM-MED', name: '医学基础' }],
            passMark: 60,
            professionalScore: false,
          },
        ],
      },
    });
    const a = await createExaminee(t.app, event.id, { examCategory: 'jm', subjectCode: 'JM-MED' });
    const b = await createExaminee(t.app, event.id, { examCategory: 'jm', subjectCode: 'JM-MED' });
    const header = ['准考证号', '行测', '申论', '专业能力测试', '专业类别'];
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/import`,
      headers: institute,
      payload: { fileBase64: await scoreSheet(header, [[a.ticketNumber, 60, 60, '', '护理类']]) },
    });
    expect(missing.json().error.details.problems).toEqual([
      expect.objectContaining({ row: 2, field: '专业能力测试' }),
    ]);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/import`,
      headers: institute,
      payload: {
        fileBase64: await scoreSheet(header, [
          [a.ticketNumber, 56, 56, 56, '护理类'],
          [b.ticketNumber, 56, 56, 56, '临床医学类'],
        ]),
      },
    });
    expect(ok.json()).toEqual({ imported: 2 });
    await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${event.id}/pass-lines`,
      headers: org,
      payload: {
        lines: [
          { examCategory: 'jm', line: '60' },
          { examCategory: 'jm', majorType: 'nursing', line: '55' },
        ],
      },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event.id}/scores/publish`,
      headers: org,
      payload: {},
    });
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/candidate/scores', headers: a.headers })
      ).json().items[0],
    ).toMatchObject({ total: '56.00', passLine: '55.00', passed: true, majorType: 'nursing' });
    expect(
      (
        await t.app.inject({ method: 'GET', url: '/api/candidate/scores', headers: b.headers })
      ).json().items[0],
    ).toMatchObject({ passLine: '60.00', passed: false });
  });
});
