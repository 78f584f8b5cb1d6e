import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import {
  createScoringFixture,
  putSheet,
  scoreAndConfirm,
  syncBody,
  type ScoringFixture,
} from './scoring.test-support';

// The examiner's tablet (IVW-08, IVW-10): seats and queue of his own group only, idempotent syncs,
// the band check on submission, and withdrawal only before the result exists.
describe('tablet scoring sheets 评分表 (IVW-08, IVW-10)', () => {
  let t: TestApp;
  let f: ScoringFixture;
  const GOOD = { A: 32, B: 25, C: 24 };
  const examiner = (i: number, group = 0) => f.examinersByGroup.get(f.groupIds[group]!)![i]!;
  const historyOf = async (clientKey: string) =>
    (
      (await t.app.kaolu.database.db.execute(
        sql`select h.action from score_sheet_history h join score_sheet s on s.id = h.sheet_id
            where s.client_key = ${clientKey} order by h.seq`,
      )) as unknown as { rows: Array<{ action: string }> }
    ).rows;

  beforeAll(async () => {
    t = await createTestApp();
    f = await createScoringFixture(t.app, { groups: 2, examiners: 5, perGroup: 3 });
  });
  afterAll(async () => t?.close());

  it("shows an examiner his seat with the type's indicators and his group's queue in draw order", async () => {
    const seats = await t.app.inject({
      method: 'GET',
      url: '/api/interview/scoring/seats',
      headers: examiner(0).headers,
    });
    expect(seats.statusCode).toBe(200);
    expect(seats.json().items).toEqual([
      expect.objectContaining({
        groupId: f.groupIds[0],
        seat: 'chief',
        kind: 'structured',
        sessionLabel: '2026-12-05 上午',
      }),
    ]);
    expect(seats.json().items[0].indicators.map((i: { code: string }) => i.code)).toEqual([
      'A',
      'B',
      'C',
    ]);
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/interview/scoring/sessions/${f.sessionId}/groups/${f.groupIds[0]}/queue`,
      headers: examiner(1).headers,
    });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((i: { orderNumber: number }) => i.orderNumber)).toEqual([
      1, 2, 3,
    ]);
    expect(queue.json().items[0]).toMatchObject({ sheet: null, computed: false, checkedIn: true });
  });

  it('refuses to show or score another group to an examiner (403)', async () => {
    const other = f.candidates.find((c) => c.groupId === f.groupIds[1])!;
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/interview/scoring/sessions/${f.sessionId}/groups/${f.groupIds[1]}/queue`,
      headers: examiner(1).headers,
    });
    expect(queue.statusCode).toBe(403);
    const sync = await putSheet(
      t.app,
      examiner(1).headers,
      randomUUID(),
      syncBody(f, other.id, GOOD, { groupId: f.groupIds[1] }),
    );
    expect(sync.statusCode).toBe(403);
    expect(sync.json().error.message).toBe('您不是该面试组本场次的考官');
  });

  it('answers a replayed sync as a replay and records it once', async () => {
    const c = f.candidates[0]!;
    const key = randomUUID();
    const body = syncBody(f, c.id, GOOD, { revision: 3, submit: true });
    const first = await putSheet(t.app, examiner(2).headers, key, body);
    expect(first.json()).toEqual({
      clientKey: key,
      revision: 3,
      status: 'submitted',
      replay: false,
    });
    const again = await putSheet(t.app, examiner(2).headers, key, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ revision: 3, status: 'submitted', replay: true });
    // An older revision arriving late is a replay too: it never overwrites the newer state.
    const late = await putSheet(t.app, examiner(2).headers, key, { ...body, revision: 2 });
    expect(late.json()).toMatchObject({ revision: 3, replay: true });
    expect(await historyOf(key)).toEqual([{ action: 'submitted' }]);
  });

  it('keeps the highest revision of a draft and refuses a key used for another candidate', async () => {
    const key = randomUUID();
    const c = f.candidates[1]!;
    await putSheet(t.app, examiner(3).headers, key, syncBody(f, c.id, { A: 10 }, { revision: 1 }));
    const newer = await putSheet(
      t.app,
      examiner(3).headers,
      key,
      syncBody(f, c.id, { A: 31, B: 20 }, { revision: 2 }),
    );
    expect(newer.json()).toMatchObject({ revision: 2, status: 'draft', replay: false });
    const queue = await t.app.inject({
      method: 'GET',
      url: `/api/interview/scoring/sessions/${f.sessionId}/groups/${f.groupIds[0]}/queue`,
      headers: examiner(3).headers,
    });
    const item = queue
      .json()
      .items.find((i: { interviewCandidateId: string }) => i.interviewCandidateId === c.id);
    expect(item.sheet).toMatchObject({ clientKey: key, revision: 2, scores: { A: 31, B: 20 } });
    const stolen = await putSheet(
      t.app,
      examiner(3).headers,
      key,
      syncBody(f, f.candidates[2]!.id, GOOD, { revision: 5 }),
    );
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error.code).toBe('INTERVIEW.SHEET_KEY_CONFLICT');
  });

  it('refuses a submission outside the bands or the maximum, naming each problem in Chinese', async () => {
    const res = await putSheet(
      t.app,
      examiner(4).headers,
      randomUUID(),
      syncBody(f, f.candidates[2]!.id, { A: 29.75, B: 31 }, { submit: true }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INTERVIEW.SHEET_INVALID');
    expect(res.json().error.details.problems).toEqual([
      '“综合分析”的分数 29.75 不在任何档次内（好 30–40，中 15–29.5，差 0–14.5）',
      '“计划组织”的分数 31 超出 0–30 分',
      '“语言表达”未评分',
    ]);
  });

  it('lets a submitted sheet be withdrawn and resubmitted, but not once the result exists', async () => {
    const c = f.candidates.find((x) => x.groupId === f.groupIds[1])!;
    const scores = [GOOD, { A: 35, B: 28, C: 27 }, GOOD, { A: 20, B: 15, C: 15 }, GOOD];
    const e = examiner(0, 1);
    const key = randomUUID();
    await putSheet(
      t.app,
      e.headers,
      key,
      syncBody(f, c.id, GOOD, { submit: true, groupId: f.groupIds[1] }),
    );
    const withdraw = (reason = '误填分数，需要更正') =>
      t.app.inject({
        method: 'POST',
        url: `/api/interview/scoring/sheets/${key}/withdraw`,
        headers: e.headers,
        payload: { reason },
      });
    expect((await withdraw()).json()).toMatchObject({ status: 'withdrawn' });
    const again = await putSheet(
      t.app,
      e.headers,
      key,
      syncBody(
        f,
        c.id,
        { A: 33, B: 25, C: 24 },
        { revision: 2, submit: true, groupId: f.groupIds[1] },
      ),
    );
    expect(again.json()).toMatchObject({ status: 'submitted', revision: 2 });
    expect(await historyOf(key)).toEqual([
      { action: 'submitted' },
      { action: 'withdrawn' },
      { action: 'submitted' },
    ]);
    // The other four examiners hand in, the supervisor confirms all five: the result exists.
    const others = await scoreAndConfirmRest(c.id, scores);
    expect(others.computed).toBe(true);
    const refused = await withdraw();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('INTERVIEW.RESULT_COMPUTED');
  });

  // Examiners 1..4 of the second group submit, then every submitted sheet is confirmed.
  async function scoreAndConfirmRest(candidateId: string, scores: Array<Record<string, number>>) {
    const rest = { ...f, examinersByGroup: new Map(f.examinersByGroup) };
    rest.examinersByGroup.set(f.groupIds[1]!, f.examinersByGroup.get(f.groupIds[1]!)!.slice(1));
    const { last } = await scoreAndConfirm(
      t.app,
      rest,
      candidateId,
      scores.slice(1),
      f.groupIds[1],
    );
    return last;
  }
});
