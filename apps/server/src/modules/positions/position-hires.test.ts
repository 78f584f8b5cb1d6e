import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCollectingEvent, createUnit, generalPosition } from '../events/events.test-support';

async function xlsxBase64(rows: Array<Array<string | number>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('录用人数');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('hires per position and the second round they leave open (INT-08)', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let eventId: string;
  let unitId: string;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    ({ unitId } = await createUnit(t.app, org, '静安区民政局'));
    ({ id: eventId } = await createCollectingEvent(t.app, org));
    for (const [code, headcount] of [
      ['H01', 2],
      ['H02', 3],
      ['H03', 1],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/admin/events/${eventId}/units/${unitId}/positions`,
        headers: org,
        payload: generalPosition(code, { headcount }),
      });
      expect(res.statusCode).toBe(200);
    }
    for (const action of ['submit', 'approve']) {
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/admin/events/${eventId}/units/${unitId}/brochure/${action}`,
            headers: org,
          })
        ).statusCode,
      ).toBe(200);
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/admin/events/${eventId}/brochures/publish`,
          headers: org,
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  const importHires = async (rows: Array<Array<string | number>>, headers = org) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/hires/import`,
      headers,
      payload: { fileBase64: await xlsxBase64(rows) },
    });
  const positions = async (event = eventId) => {
    const items = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/events/${event}/positions`,
        headers: org,
      })
    ).json().items as Array<{
      id: string;
      code: string;
      headcount: number;
      hired: number;
      status: string;
    }>;
    return items;
  };
  const hiredByCode = async () =>
    Object.fromEntries((await positions()).map((p) => [p.code, p.hired]));

  it('reports every bad row of a hires sheet in Chinese and changes nothing', async () => {
    const res = await importHires([
      ['职位代码', '录用人数'],
      ['H01', 2],
      ['H02', 4],
      ['H09', 1],
      ['H03', 'one'],
      ['H01', 1],
      ['', 1],
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT.ROWS_INVALID');
    expect(res.json().error.message).toContain('未导入任何数据');
    expect(res.json().error.details.problems).toEqual([
      { row: 3, field: '录用人数', message: '录用人数4超过该职位招录人数3' },
      { row: 4, field: '职位代码', message: '本事项中没有职位代码「H09」' },
      { row: 5, field: '录用人数', message: '应为不小于0的整数，实际为「one」' },
      { row: 6, field: '职位代码', message: '职位代码「H01」与第2行重复' },
      { row: 7, field: '职位代码', message: '职位代码为必填项' },
    ]);
    expect(await hiredByCode()).toEqual({ H01: 0, H02: 0, H03: 0 });
    expect(audit.actions()).not.toContain('position_hires.imported');
  });

  it('refuses a sheet without the hires column', async () => {
    const res = await importHires([
      ['职位代码', '人数'],
      ['H01', 1],
    ]);
    expect(res.json().error.details.problems).toEqual([
      { row: 1, field: '录用人数', message: '缺少必填列「录用人数」' },
    ]);
  });

  it('imports hires and audits each changed count', async () => {
    const res = await importHires([
      ['职位代码', '录用人数'],
      ['H01', 2],
      ['H02', 1],
      ['H03', 0],
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ rows: 3, changed: 2 });
    expect(await hiredByCode()).toEqual({ H01: 2, H02: 1, H03: 0 });
    expect(
      audit.entries.find((e) => e.action === 'position_hires.imported')?.details,
    ).toMatchObject({
      rows: 3,
      changed: 2,
      changes: [
        { code: 'H01', from: 0, to: 2 },
        { code: 'H02', from: 0, to: 1 },
      ],
    });
  });

  it('edits one position, refusing more hires than its headcount, and only for org_admin', async () => {
    const h03 = (await positions()).find((p) => p.code === 'H03')!;
    const put = (hired: number, headers = org) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/admin/positions/${h03.id}/hired`,
        headers,
        payload: { hired, reason: '补录一人' },
      });
    const tooMany = await put(2);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toBe('录用人数2超过该职位招录人数1');
    expect((await put(-1)).json().error.message).toContain('录用人数不能为负数');
    const unitUser = (await loginAs(t.app, [{ role: 'unit_user', unitId }])).headers;
    expect((await put(1, unitUser)).statusCode).toBe(403);
    const ok = await put(1);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: 'H03', hired: 1, headcount: 1 });
    expect(audit.entries.find((e) => e.action === 'position.hired_changed')?.details).toMatchObject(
      { code: 'H03', from: 0, to: 1, reason: '补录一人' },
    );
  });

  it('opens headcount − hired in the generated second round', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/second-round`,
      headers: org,
      payload: { code: `HR2${Date.now()}`, name: '第二轮招录（录用后）', year: 2026 },
    });
    expect(res.statusCode).toBe(200);
    const second = await positions(res.json().eventId);
    // H01 (2 of 2) and H03 (1 of 1) are filled; H02 had 3 places and 1 hire.
    expect(second.map((p) => [p.code, p.headcount, p.hired])).toEqual([['H02', 2, 0]]);
    const before = Object.fromEntries(
      (await positions()).map((p) => [p.code, p.headcount - p.hired]),
    );
    expect(second.reduce((n, p) => n + p.headcount, 0)).toBe(
      Object.values(before).reduce((n, v) => n + v, 0),
    );
  });

  it('refuses hires for an event whose positions are not yet published', async () => {
    const { id } = await createCollectingEvent(t.app, org);
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${id}/units/${unitId}/positions`,
      headers: org,
      payload: generalPosition('Z01'),
    });
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/positions/${created.json().id}/hired`,
      headers: org,
      payload: { hired: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('不能登记录用人数');
  });

  it('exports headcount, hires and vacancies in a sheet that imports back unchanged', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/events/${eventId}/hires/export`,
      headers: org,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows).toEqual([
      ['单位名称', '职位代码', '职位名称', '招录人数', '录用人数', '空缺人数'],
      ['静安区民政局', 'H01', '综合管理岗', '2', '2', '0'],
      ['静安区民政局', 'H02', '综合管理岗', '3', '1', '2'],
      ['静安区民政局', 'H03', '综合管理岗', '1', '1', '0'],
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/hires/import`,
      headers: org,
      payload: { fileBase64: Buffer.from(res.rawPayload).toString('base64') },
    });
    expect(again.json()).toEqual({ rows: 3, changed: 0 });
  });
});
