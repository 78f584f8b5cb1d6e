import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestApp, type TestApp } from '../../test-support/test-app';
import { updateTestPosition } from '../positions/position.test-support';
import { listEntriesOf, positionListsOf } from './interview-lists.queries';
import { createReviewedEvent } from './interview-lists.test-support';

/** An .xlsx of 体测 rows (base64) under the template's header. */
async function sheet(rows: string[][], header = ['准考证号', '身份证号', '结果', '说明']) {
  const book = new ExcelJS.Workbook();
  const s = book.addWorksheet('体测结果');
  s.addRow(header);
  for (const r of rows) s.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

// 体测 (INT-02): failed candidates leave the list, the figures move, a bad sheet changes nothing.
describe('体测 physical-test import', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewedEvent>>;
  // The org's upload, inline (small sheets do not become jobs).
  const importSheet = async (fileBase64: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${f.event.id}/physical-tests/import`,
      headers: f.org,
      payload: { fileBase64 },
    });
  const figures = async () =>
    (await positionListsOf(t.app.kaolu.database.db, f.event.id)).find(
      (p) => p.positionId === f.positions[0]!.id,
    )!;
  // The entry of the fixture's i-th applicant (one per candidate in the first round).
  const entryOf = async (i: number) =>
    (await listEntriesOf(t.app.kaolu.database.db, f.event.id)).find(
      (e) => e.candidateId === f.people[i]!.candidateId,
    )!;

  beforeAll(async () => {
    t = await createTestApp();
    // Position 0: one place at 1:3 → quota 3 among 80, 75, 70, 65; position 1: one applicant.
    f = await createReviewedEvent(t.app, {
      positions: [{ headcount: 1 }, { headcount: 1 }],
      applicants: [
        { position: 0, xingce: 80, shenlun: 80 },
        { position: 0, xingce: 75, shenlun: 75 },
        { position: 0, xingce: 70, shenlun: 70 },
        { position: 0, xingce: 65, shenlun: 65 },
        { position: 1, xingce: 66, shenlun: 66 },
      ],
    });
  });
  afterAll(() => t.close());

  it('is honoured by a later computation when imported before it', async () => {
    const before = await importSheet(await sheet([[f.people[0]!.ticketNumber, '', '不合格', '']]));
    expect(before.json()).toEqual({ imported: 1, failed: 1, dropped: 0 });
    const computed = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${f.event.id}/interview-lists/compute`,
      headers: f.org,
    });
    expect(computed.statusCode).toBe(200);
    expect((await entryOf(0)).status).toBe('physical_test_failed');
    // The next three fill the quota: 75, 70 and 65.
    expect(await figures()).toMatchObject({ quota: 3, listed: 3, shortfall: 0 });
  });

  it('refuses a sheet with bad rows, lists every problem and changes nothing', async () => {
    const bad = await sheet([
      [f.people[1]!.ticketNumber, '', '不合格', '1000米跑超时'],
      ['T999999', '', '合格', ''],
      ['', '110101199001011235', '合格', ''],
      [f.people[2]!.ticketNumber, '', '良好', ''],
      [f.people[1]!.ticketNumber, '', '合格', ''],
      ['', '', '不合格', ''],
      // Already dropped for a failed test: it cannot silently come back.
      [f.people[0]!.ticketNumber, '', '合格', ''],
    ]);
    // Row 2 alone is valid; every other row has one problem, reported with its row and column.
    const res = await importSheet(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT.ROWS_INVALID');
    const problems = res.json().error.details.problems as Array<{ row: number; field: string }>;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, '准考证号'],
      [4, '身份证号'],
      [5, '结果'],
      [6, '准考证号'],
      [7, '准考证号'],
      [8, '结果'],
    ]);
    expect((await entryOf(1)).status).toBe('listed');
    expect(await figures()).toMatchObject({ listed: 3, shortfall: 0 });
    // Missing columns are reported once, not once per row.
    const missing = await importSheet(await sheet([['x']], ['姓名']));
    expect(missing.json().error.details.problems).toEqual([
      { row: 1, field: '准考证号', message: '缺少“准考证号”或“身份证号”列' },
      { row: 1, field: '结果', message: '缺少“结果”列' },
    ]);
  });

  it('drops a failed candidate with the reason and moves the figures for adjustment', async () => {
    const res = await importSheet(
      await sheet([
        [f.people[1]!.ticketNumber, '', '不合格', '1000米跑超时'],
        [f.people[2]!.ticketNumber, '', '合格', ''],
      ]),
    );
    expect(res.json()).toEqual({ imported: 2, failed: 1, dropped: 1 });
    const entry = await entryOf(1);
    expect(entry).toMatchObject({
      status: 'physical_test_failed',
      reason: '体测不合格（1000米跑超时），不进入面试',
    });
    expect((await entryOf(2)).status).toBe('listed');
    expect(await figures()).toMatchObject({ quota: 3, listed: 2, shortfall: 1 });
    const summary = await t.app.inject({
      url: `/api/admin/events/${f.event.id}/physical-tests`,
      headers: f.org,
    });
    // No position of this 面上 event states a 体测 requirement: the page says so.
    expect(summary.json()).toEqual({ markedPositions: 0, results: 3, failed: 2 });
  });

  it('takes results only for positions whose brochure states a 体测 when any does (INT-02)', async () => {
    const db = t.app.kaolu.database.db;
    await updateTestPosition(db, f.positions[0]!.id, {
      details: { physicalTest: '男子1000米跑4分25秒内' },
    });
    const res = await importSheet(await sheet([[f.people[4]!.ticketNumber, '', '不合格', '']]));
    expect(res.json().error.details.problems).toEqual([
      { row: 2, field: '准考证号', message: '该考生报考的职位未设体能测评要求' },
    ]);
    expect((await entryOf(4)).status).toBe('listed');
  });

  it('queues a big or background import as a job instead of writing it in the request', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${f.event.id}/physical-tests/import`,
      headers: f.org,
      payload: {
        fileBase64: await sheet([[f.people[2]!.ticketNumber, '', '不合格', '']]),
        background: true,
      },
    });
    expect(res.json()).toMatchObject({ imported: 0, jobId: expect.any(String) });
    // Nothing is written until the job runs (jobs are off in tests).
    expect((await entryOf(2)).status).toBe('listed');
  });

  it('offers the template with the columns the import reads', async () => {
    const res = await t.app.inject({
      url: '/api/admin/interview-lists/physical-test-template',
      headers: f.org,
    });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '准考证号',
      '身份证号',
      '结果',
      '说明',
    ]);
  });
});
