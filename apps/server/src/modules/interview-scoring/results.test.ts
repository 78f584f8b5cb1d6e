import { computeInterviewResults } from '@kaolu/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createListedEvent } from '../composite/composite.test-support';
import { STRUCTURED_TYPE } from '../interviews/setup.test-support';
import {
  createScoringFixture,
  putSheet,
  scoreAndConfirm,
  syncBody,
  type ScoringFixture,
} from './scoring.test-support';

// Confirmation to result to composite (IVW-08): the last confirmed sheet computes the candidate's
// score with the engine (extremes dropped from 5 examiners), and a completed group-session is
// handed over to the recruitment event's interview scores.
describe('interview results 面试成绩 (IVW-08)', () => {
  let t: TestApp;
  let f: ScoringFixture;
  let listed: Awaited<ReturnType<typeof createListedEvent>>;
  const SCORES = [
    { A: 32, B: 25, C: 24 },
    { A: 38.5, B: 28, C: 29 },
    { A: 30, B: 20, C: 21.5 },
    { A: 12, B: 10, C: 9 },
    { A: 35, B: 26, C: 25 },
  ];
  const examiners = () => f.examinersByGroup.get(f.groupIds[0]!)!;
  const boardAs = (headers: object) =>
    t.app.inject({
      method: 'GET',
      url: `/api/interview/scoring/board?sessionId=${f.sessionId}&groupId=${f.groupIds[0]}`,
      headers: headers as never,
    });
  const results = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/interview/scoring/results?interviewEventId=${f.eventId}`,
        headers: f.supervisor,
      })
    ).json().items as Array<Record<string, unknown> & { interviewCandidateId: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    // One position, one place, three applicants: all three are on the interview list (1:3).
    listed = await createListedEvent(t.app, {
      positions: [{ headcount: 1 }],
      applicants: [
        { position: 0, xingce: 80, shenlun: 80 },
        { position: 0, xingce: 74, shenlun: 74 },
        { position: 0, xingce: 70, shenlun: 70 },
      ],
    });
    f = await createScoringFixture(t.app, {
      examiners: 5,
      perGroup: 3,
      recruitmentEventId: listed.event.id,
      linkCandidateIds: listed.people.map((p) => p.candidateId),
    });
  });
  afterAll(async () => t?.close());

  it("computes the result on the last confirmation, equal to the engine's with extremes dropped", async () => {
    const c = f.candidates[0]!;
    const { last } = await scoreAndConfirm(t.app, f, c.id, SCORES);
    expect(last.computed).toBe(true);
    const engine = computeInterviewResults(
      {
        indicators: { structured: STRUCTURED_TYPE.indicators },
        dropExtremesMinExaminers: 5,
        writtenFullMark: 100,
        weights: { written: 0, structured: 1 },
        passMark: 0,
      },
      [{ id: c.id, written: 0, examiners: { structured: examiners().map((e) => e.id) } }],
      SCORES.map((scores, i) => ({
        candidateId: c.id,
        examinerId: examiners()[i]!.id,
        kind: 'structured' as const,
        scores,
        supervisorSigned: true,
      })),
    );
    if (!engine.ok) throw new Error('engine refused the fixture');
    const expected = engine.value.results[0]!.structured;
    const [mine] = (await results()).filter((r) => r.interviewCandidateId === c.id);
    expect(mine).toMatchObject({
      kind: 'structured',
      score: expected.score / 100,
      examinerCount: 5,
    });
    // A: 12 and 38.5 dropped, 30, 32 and 35 kept.
    expect(mine!.indicators).toContainEqual({
      code: 'A',
      name: '综合分析',
      kept: [30, 32, 35],
      dropped: [12, 38.5],
    });
    expect(mine!.explanation).toContain('去掉一个最高分和一个最低分');
    // Not handed over yet: two candidates of the group-session are still being scored.
    expect(mine!.handedOverAt).toBeNull();
  });

  it('shows the chief examiner only states, the supervisor the scores, and nobody else the board', async () => {
    const chief = await boardAs(examiners()[0]!.headers);
    expect(chief.statusCode).toBe(200);
    const sheets = chief.json().candidates[0].sheets;
    expect(sheets).toHaveLength(5);
    expect(sheets.every((s: { scores: unknown }) => s.scores === null)).toBe(true);
    expect(chief.json().candidates[0].result).toBeNull();
    const supervisor = (await boardAs(f.supervisor)).json();
    expect(supervisor.candidates[0].sheets[0].scores).not.toBeNull();
    expect(supervisor.candidates[0].result.structured).toBeGreaterThan(0);
    expect((await boardAs(examiners()[1]!.headers)).statusCode).toBe(403);
  });

  it('texts the examiners who have not handed in for a candidate', async () => {
    const c = f.candidates[1]!;
    // Two of five hand in: three are reminded.
    for (const e of examiners().slice(0, 2))
      await putSheet(
        t.app,
        e.headers,
        randomUUID(),
        syncBody(f, c.id, SCORES[0]!, { submit: true }),
      );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/interview/scoring/board/remind',
      headers: f.supervisor,
      payload: { sessionId: f.sessionId, groupId: f.groupIds[0], interviewCandidateId: c.id },
    });
    expect(res.json()).toEqual({ reminded: 3 });
    const bidx = t.app.kaolu.crypto.blindIndex('phone', examiners()[4]!.phone);
    const sent = await t.app.kaolu.database.db.execute(
      sql`select content from sms_message where phone_bidx = ${bidx}`,
    );
    expect(JSON.stringify((sent as unknown as { rows: unknown[] }).rows)).toContain('评分表未提交');
  });

  it('hands the whole group-session over to composite once every candidate is computed', async () => {
    // The two examiners who already handed in for the second candidate withdraw nothing: the
    // remaining three hand in, and the supervisor confirms every submitted sheet.
    const second = f.candidates[1]!;
    const rest = { ...f, examinersByGroup: new Map([[f.groupIds[0]!, examiners().slice(2)]]) };
    await scoreAndConfirm(t.app, rest, second.id, SCORES.slice(2));
    const { last } = await scoreAndConfirm(t.app, f, f.candidates[2]!.id, SCORES);
    expect(last.computed).toBe(true);
    const all = await results();
    expect(all).toHaveLength(3);
    expect(all.every((r) => r.handedOverAt !== null)).toBe(true);
    const summary = await t.app.inject({
      method: 'GET',
      url: `/api/admin/events/${listed.event.id}/composite`,
      headers: listed.org,
    });
    expect(summary.json()).toMatchObject({ listed: 3, scored: 3 });
  });
});
