import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { sheet } from '../interviews/setup.test-support';
import { exportPdf } from './export-pdf';
import {
  createReportsFixture,
  insertResult,
  insertSheet,
  type ReportsFixture,
} from './reports.test-support';

// 一人一表 exports (INT-09b) and psych-test results (INT-09c): one worksheet per candidate in the
// full format with anonymous examiners and kept / dropped scores, a PDF in the Chinese font, the
// list formats, and an all-or-nothing psych import that lists every bad row.
describe('interview exports and psych results', () => {
  let t: TestApp;
  let f: ReportsFixture;
  let admin: Awaited<ReturnType<typeof loginAs>>;
  let monitor: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    t = await createTestApp();
    f = await createReportsFixture(t.app, { examiners: 5, perGroup: 3 });
    admin = await loginAs(t.app, [{ role: 'interview_admin', eventId: f.eventId }]);
    monitor = await loginAs(t.app, [{ role: 'monitor', eventId: f.eventId }]);
    // Five confirmed sheets of the first candidate; the engine dropped 45 and 30 on A.
    const a = [4500, 4000, 3900, 3800, 3000];
    for (const [i, examinerId] of f.examinerIds.entries())
      await insertSheet(t.app, f, {
        candidateId: f.candidates[0]!.id,
        examinerId,
        scores: { A: a[i]!, B: 4000 },
      });
    await insertResult(t.app, f, {
      candidateId: f.candidates[0]!.id,
      scoreCenti: 7900,
      explanation: [
        { code: 'A', kept: [4000, 3900, 3800], dropped: [4500, 3000] },
        { code: 'B', kept: [4000, 4000, 4000], dropped: [4000, 4000] },
      ],
    });
  });
  afterAll(() => t.close());

  const download = (query: string, headers = admin.headers) =>
    t.app.inject({
      method: 'GET',
      url: `/api/interview/reports/events/${f.eventId}/export?${query}`,
      headers,
    });
  const importPsych = async (
    rows: Array<Array<string>>,
    header = ['准考证号*', '测评等级', '测评结论'],
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/interview/reports/events/${f.eventId}/psych-results`,
      headers: admin.headers,
      payload: { fileBase64: await sheet(header, rows) },
    });
  const psychOf = async (ids: string[]) =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/interview/reports/events/${f.eventId}/psych-results?ids=${ids.join(',')}`,
        headers: admin.headers,
      })
    ).json().items as { interviewCandidateId: string; fields: { name: string; value: string }[] }[];

  it('refuses a psych file with bad rows, changes nothing and lists every problem', async () => {
    const [c0, c1] = f.candidates;
    const res = await importPsych([
      [c0!.ticketNumber, 'A', '稳定'],
      ['NOPE0001', 'B', '良好'],
      [c0!.ticketNumber, 'C', '重复'],
      [c1!.ticketNumber, '', ''],
    ]);
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details.problems as { row: number; field: string }[];
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [3, '准考证号'],
      [4, '准考证号'],
      [5, ''],
    ]);
    // The good first row was not written either.
    expect(await psychOf([c0!.id])).toEqual([]);
  });

  it('imports psych results and shows them by candidate', async () => {
    const [c0] = f.candidates;
    const res = await importPsych([[c0!.ticketNumber, 'A', '情绪稳定']]);
    expect(res.statusCode).toBe(200);
    expect(res.json().imported).toBe(1);
    expect(await psychOf([c0!.id, f.candidates[1]!.id])).toEqual([
      {
        interviewCandidateId: c0!.id,
        fields: [
          { name: '测评等级', value: 'A' },
          { name: '测评结论', value: '情绪稳定' },
        ],
      },
    ]);
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/interview/reports/psych-template',
      headers: admin.headers,
    });
    expect(template.statusCode).toBe(200);
  });

  it('exports the full format as one worksheet per candidate, examiners anonymised', async () => {
    const res = await download(`format=full&file=xlsx&sessionId=${f.sessionId}`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(f.candidates.map((c) => c.ticketNumber));
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
    const all = texts.join('|');
    expect(all).toContain('考官1');
    expect(all).toContain('考官5');
    expect(all).toContain('45.00、30.00');
    expect(all).toContain('结构化面试成绩 79.00');
    expect(all).toContain('情绪稳定');
    // Neither the examiners' names nor the candidate's clear name leave the system.
    expect(all).not.toContain('考官姓名');
    expect(all).not.toContain(f.candidates[0]!.name);
  });

  it('exports a PDF in the embedded Chinese font, and the two list formats', async () => {
    const pdf = await download('format=full&file=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-/);
    for (const format of ['summary', 'examiners']) {
      const res = await download(`format=${format}&file=xlsx&groupId=${f.groupId}`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(book.worksheets).toHaveLength(1);
      // Summary: a header and one line per candidate; examiners: one line per sheet.
      expect(book.worksheets[0]!.rowCount).toBe(format === 'summary' ? 4 : 6);
      const list = await download(`format=${format}&file=pdf`);
      expect(list.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('says which font package is missing instead of printing boxes', async () => {
    await expect(exportPdf('测试', 'summary', [], ['/nonexistent'])).rejects.toMatchObject({
      code: 'REPORT.PDF_FONT_MISSING',
    });
  });

  it('refuses exports without interview.manage', async () => {
    const res = await download('format=full&file=xlsx', monitor.headers);
    expect(res.statusCode).toBe(403);
  });
});
