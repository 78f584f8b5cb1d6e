import type { CompositePositionDetail, CompositeRow } from '@kaolu/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createReviewUnit } from '../applications/selection.test-support';
import { confirmListsDirectly } from '../interview-lists/interview-lists-confirm.test-support';
import { createOpenEvent } from '../registrations/registration.test-support';
import { createListedEvent, importInterviewScores } from './composite.test-support';

// Three positions (§7, INT-07): P0 综合管理 (no 专业分) 1 place, P1 行政执法 (专业分) 1 place,
// P2 综合管理 2 places. Written totals are the mean of 行测 and 申论 (already on 100 points).
const APPLICANTS = [
  { position: 0, xingce: 80, shenlun: 80 }, // A 80.00
  { position: 0, xingce: 74, shenlun: 74 }, // B 74.00
  { position: 0, xingce: 70, shenlun: 70 }, // C 70.00
  { position: 0, xingce: 66, shenlun: 66 }, // D 66.00, outside the 1:3 quota
  { position: 1, xingce: 60.5, shenlun: 60 }, // E 60.25
  { position: 1, xingce: 65, shenlun: 65 }, // F 65.00
  { position: 2, xingce: 70, shenlun: 70 }, // G 70.00
  { position: 2, xingce: 70, shenlun: 70 }, // H 70.00
  { position: 2, xingce: 75, shenlun: 75 }, // I 75.00
];

describe('interview scores and composite scores 综合成绩 (§7, IVW-08, INT-07)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createListedEvent>>;
  let org: AuthHeaders;
  const ticket = (i: number) => f.people[i]!.ticketNumber;
  const url = (path = '') => `/api/admin/events/${f.event.id}/composite${path}`;
  const post = (path: string, headers = org) =>
    t.app.inject({ method: 'POST', url: url(path), headers });
  const get = (path: string, headers = org) =>
    t.app.inject({ method: 'GET', url: url(path), headers });
  const detail = async (p: number): Promise<CompositePositionDetail> =>
    (await get(`/positions/${f.positions[p]!.id}`)).json();
  const row = (d: CompositePositionDetail, i: number): CompositeRow =>
    d.rows.find((r) => r.ticketNumber === ticket(i))!;
  // The first column of a downloaded sheet, below its header.
  const firstColumn = async (body: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    return book.worksheets[0]!.getColumn(1).values.slice(2).map(String);
  };
  // A: 70 → 74.00; B: 74 → 74.00 (ties A, higher interview); C: 59.99 fails; E, F with 专业分.
  const GOOD: Array<Array<string | number>> = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = await createListedEvent(t.app, {
      positions: [
        { headcount: 1 },
        { headcount: 1, examCategory: 'law_enforcement' },
        { headcount: 2 },
      ],
      applicants: APPLICANTS,
      confirm: false,
    });
    org = f.org;
    GOOD.push(
      [ticket(0), '70', '', ''],
      [ticket(1), '74', '', ''],
      [ticket(2), '59.99', '', ''],
      [ticket(4), '81.25', '70', ''],
      [ticket(5), '80', '80', ''],
      [ticket(6), '80', '', ''],
      [ticket(7), '80', '', ''],
      [ticket(8), '90', '', ''],
    );
  });
  afterAll(() => t.close());

  it('takes no scores before the interview lists are confirmed', async () => {
    const res = await importInterviewScores(t.app, org, f.event.id, GOOD);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COMPOSITE.LISTS_NOT_CONFIRMED');
    await confirmListsDirectly(t.app, f.event.id);
  });

  it('refuses a sheet with bad rows as a whole and lists every problem with row and field', async () => {
    const res = await importInterviewScores(t.app, org, f.event.id, [
      [ticket(0), '70', '', ''], // row 2: valid, yet not written
      [ticket(3), '70', '', ''], // row 3: outside the quota, not on the list
      [ticket(1), '', '', ''], // row 4: structured missing
      [ticket(2), 'abc', '', ''], // row 5: not a number
      [ticket(6), '100.5', '', ''], // row 6: above 100
      [ticket(7), '80', '75', ''], // row 7: 综合管理 has no 专业分
      [ticket(4), '80', '', ''], // row 8: 行政执法 needs one
      [ticket(5), '80', '70', '是'], // row 9: absent with scores
      [ticket(0), '71', '', ''], // row 10: the same candidate again
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT.ROWS_INVALID');
    const problems = res.json().error.details.problems as Array<{ row: number; field: string }>;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, '准考证号'],
      [4, '结构化面试成绩'],
      [5, '结构化面试成绩'],
      [6, '结构化面试成绩'],
      [7, '专业面试成绩'],
      [8, '专业面试成绩'],
      [9, '结构化面试成绩'],
      [9, '专业面试成绩'],
      [10, '准考证号'],
    ]);
    expect(JSON.stringify(problems)).toContain('「综合管理类」不设专业分');
    expect((await get('')).json()).toMatchObject({ listed: 8, scored: 0, run: null });
  });

  it('refuses to compute while a listed candidate has no interview score, naming him', async () => {
    const partial = await importInterviewScores(t.app, org, f.event.id, GOOD.slice(0, 7));
    expect(partial.json()).toEqual({ imported: 7 });
    const res = await post('/compute');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('COMPOSITE.SCORES_MISSING');
    expect(res.json().error.message).toContain(ticket(8));
  });

  it("takes the interview system's computed scores under the same checks, all or nothing", async () => {
    const composite = t.app.kaolu.modules.composite;
    // A staff caller of the interview system, allowed to manage composites everywhere.
    const ctx = {
      actor: { kind: 'staff' as const, id: 'ivw', username: 'interview-system' },
      principal: {
        kind: 'staff' as const,
        id: 'ivw',
        username: 'interview-system',
        permissions: new Set(['composite.manage' as const]),
      },
    };
    const id = (i: number) => f.people[i]!.candidateId;
    const refused = composite.recordInterviewScores(
      f.event.id,
      [
        { candidateId: id(8), structuredCenti: 9000, professionalCenti: null },
        { candidateId: id(4), structuredCenti: 8125, professionalCenti: null },
      ],
      ctx,
    );
    await expect(refused).rejects.toMatchObject({
      code: 'IMPORT.ROWS_INVALID',
      details: { problems: [{ row: 2, field: '专业面试成绩' }] },
    });
    expect((await get('')).json()).toMatchObject({ scored: 7 });
    const ok = await composite.recordInterviewScores(
      f.event.id,
      [{ candidateId: id(8), structuredCenti: 9000, professionalCenti: null }],
      ctx,
    );
    expect(ok).toEqual({ imported: 1 });
    expect((await get('')).json()).toMatchObject({ scored: 8 });
  });

  it('computes written × 40 % + structured × 30 % + 专业分 × 30 %, half up on exact decimals', async () => {
    expect((await importInterviewScores(t.app, org, f.event.id, GOOD)).statusCode).toBe(200);
    const res = await post('/compute');
    // Physical exam: B (P0), F (P1), I and the tied G and H (P2, two places).
    expect(res.json()).toEqual({ version: 1, candidates: 8, passed: 7, physicalExam: 5 });
    const p1 = await detail(1);
    // E: 60.25 × 0.4 + 81.25 × 0.3 + 70 × 0.3 = 69.475 exactly → 69.48 (binary floats give 69.47).
    expect(Math.round((60.25 * 0.4 + 81.25 * 0.3 + 70 * 0.3) * 100)).toBe(6947);
    expect(row(p1, 4)).toMatchObject({
      written: '60.25',
      professional: '70.00',
      composite: '69.48',
    });
    expect(row(p1, 4).explanation).toContain(
      '笔试折算 60.25 × 0.4 + 结构化面试 81.25 × 0.3 + 专业面试 70.00 × 0.3 = 69.48',
    );
    expect(row(p1, 5)).toMatchObject({ composite: '74.00', rank: 1, physicalExam: true });
  });

  it('carries the 专业分 weight onto the structured interview in a category without one', async () => {
    const p0 = await detail(0);
    expect(p0.position).toMatchObject({ professionalScore: false, examCategoryName: '综合管理类' });
    // A: 80 × 0.4 + 70 × 0.7 would be wrong; 0.3 + 0.3 = 0.6 on the structured score: 32 + 42.
    expect(row(p0, 0)).toMatchObject({ composite: '74.00', professional: null });
    expect(row(p0, 0).explanation).toContain('结构化面试 70.00 × 0.6 = 74.00');
    expect(row(p0, 0).explanation).toContain('专业分权重 0.3 并入结构化面试');
  });

  it('drops a candidate whose interview score is under 60 from the ranking and the physical exam', async () => {
    const c = row(await detail(0), 2);
    expect(c).toMatchObject({ passed: false, rank: null, physicalExam: false, composite: '63.99' });
    expect(c.explanation).toContain('未达到合格分数线 60.00');
  });

  it('breaks a composite tie by the interview score and takes the headcount to the physical exam', async () => {
    const p0 = await detail(0);
    expect(p0.rows.map((r) => [r.ticketNumber, r.rank, r.physicalExam])).toEqual([
      [ticket(1), 1, true],
      [ticket(0), 2, false],
      [ticket(2), null, false],
    ]);
    expect(row(p0, 0).explanation).toContain('按面试成绩排在其后');
  });

  it('takes everyone tied on every figure at the last place into the physical exam', async () => {
    const p2 = await detail(2);
    expect(p2.position).toMatchObject({ headcount: 2, physicalExam: 3 });
    expect(p2.rows.map((r) => [r.rank, r.physicalExam])).toEqual([
      [1, true],
      [2, true],
      [2, true],
    ]);
    // Both tied candidates are told the same: neither is the one "beyond" the headcount.
    for (const tied of p2.rows.slice(1))
      expect(tied.explanation).toContain('末位第 2 名成绩完全相同的考生一并进入体检（共 3 人）');
    expect(p2.rows[0]!.explanation).not.toContain('一并进入体检');
  });

  it('offers a template of the listed candidates and exports the results within the scope', async () => {
    const template = await get('/template');
    expect(template.headers['content-type']).toContain('spreadsheetml');
    // Listed candidates only: D, outside the quota, is not in the template.
    const tickets = await firstColumn(template.rawPayload);
    expect(tickets.sort()).toEqual([0, 1, 2, 4, 5, 6, 7, 8].map(ticket).sort());
    const exported = await get('/export');
    expect(await firstColumn(exported.rawPayload)).toHaveLength(8);
    const other = await createReviewUnit(t.app, org, `市导出局${f.event.code}`);
    expect(await firstColumn((await get('/export', other.reviewer)).rawPayload)).toEqual([]);
  });

  it('shows a unit its own positions only', async () => {
    const own = (await loginAs(t.app, [{ role: 'unit_user', unitId: f.unit.unitId }])).headers;
    expect((await get('/positions', own)).json().total).toBe(3);
    // The department above the unit reaches its positions too, as in the review queue.
    const department = (await loginAs(t.app, [{ role: 'unit_user', unitId: f.unit.departmentId }]))
      .headers;
    expect((await get('/positions', department)).json().total).toBe(3);
    const other = await createReviewUnit(t.app, org, `市其他局${f.event.code}`);
    expect((await get('/positions', other.reviewer)).json()).toEqual({ items: [], total: 0 });
    expect((await get(`/positions/${f.positions[0]!.id}`, other.reviewer)).statusCode).toBe(404);
    expect((await post('/compute', other.reviewer)).statusCode).toBe(403);
  });

  it('shows the candidate nothing before publication, then every figure with its explanation', async () => {
    const mine = () =>
      t.app.inject({
        method: 'GET',
        url: '/api/candidate/composite',
        headers: f.people[4]!.headers,
      });
    expect((await mine()).json()).toEqual({ items: [] });
    // A score changed after the computation must be computed again before publication.
    await importInterviewScores(t.app, org, f.event.id, [GOOD[3]!]);
    expect((await post('/publish')).json().error.code).toBe('COMPOSITE.STALE');
    expect((await post('/compute')).json().version).toBe(2);
    expect((await post('/publish')).statusCode).toBe(200);
    const [item] = (await mine()).json().items;
    expect(item).toMatchObject({ composite: '69.48', rank: 2, headcount: 1, physicalExam: false });
    expect(item.explanation).toContain('名次在招录人数之外，未进入体检名单');
    expect(item.ticketNumber).toBe(ticket(4));
    // Every listed candidate is told, and only those within the headcount read of the physical exam.
    for (const person of f.people) {
      const [result] = (
        await t.app.inject({
          method: 'GET',
          url: '/api/candidate/composite',
          headers: person.headers,
        })
      ).json().items;
      if (!result) continue;
      const inbox = (
        await t.app.inject({
          method: 'GET',
          url: '/api/candidate/messages',
          headers: person.headers,
        })
      ).json().items as Array<{ title: string; body: string }>;
      const told = inbox.filter((m) => m.title === '综合成绩公布');
      expect(told).toHaveLength(1);
      expect(told[0]!.body.includes('已进入体检名单')).toBe(result.physicalExam);
    }
  });

  it('keeps every computation and publication and takes no change after publication (NFR-HIS-1)', async () => {
    const versions = (await get('/versions')).json().items;
    expect(versions.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual(
      [
        [2, 'published'],
        [2, 'computed'],
        [1, 'computed'],
      ],
    );
    expect(versions[0].candidates).toBe(8);
    // The event comparison counts the lists and the physical-exam list (NFR-HIS-1).
    const other = (await createOpenEvent(t.app)).id;
    const compared = await t.app.inject({
      method: 'GET',
      url: `/api/admin/events/compare?ids=${f.event.id},${other}`,
      headers: org,
    });
    const sent = (await Promise.all([0, 1, 2].map(detail))).flatMap((d) =>
      d.rows.filter((r) => r.physicalExam),
    );
    expect(sent.length).toBeGreaterThan(0);
    expect(
      compared.json().items.map((e: { interviewListed: number }) => e.interviewListed),
    ).toEqual([8, 0]);
    expect(compared.json().items.map((e: { physicalExam: number }) => e.physicalExam)).toEqual([
      sent.length,
      0,
    ]);
    const late = await importInterviewScores(t.app, org, f.event.id, [GOOD[0]!]);
    expect(late.json().error.code).toBe('COMPOSITE.ALREADY_PUBLISHED');
    expect((await post('/compute')).json().error.code).toBe('COMPOSITE.ALREADY_PUBLISHED');
  });
});
