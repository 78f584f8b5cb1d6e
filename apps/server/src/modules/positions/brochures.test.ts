import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCollectingEvent, createUnit, generalPosition } from '../events/events.test-support';
import { position } from './position.table';

async function xlsxBase64(rows: Array<Array<string | number>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('职位');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('brochure workflow: unit fills and submits, org reviews and publishes', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let unitUser: AuthHeaders;
  let eventId: string;
  let unitId: string;
  let otherUnitId: string;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    ({ unitId } = await createUnit(t.app, org, '浦东新区市场监督管理局'));
    ({ unitId: otherUnitId } = await createUnit(t.app, org, '徐汇区税务局'));
    unitUser = (await loginAs(t.app, [{ role: 'unit_user', unitId }])).headers;
    ({ id: eventId } = await createCollectingEvent(t.app, org));
  });
  afterAll(() => t.close());

  const addPosition = (
    headers: AuthHeaders,
    unit: string,
    body: Record<string, unknown>,
    event = eventId,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${event}/units/${unit}/positions`,
      headers,
      payload: body,
    });
  const brochureAction = (
    headers: AuthHeaders,
    action: string,
    payload?: Record<string, unknown>,
    unit = unitId,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/units/${unit}/brochure/${action}`,
      headers,
      payload,
    });

  it('lets a unit user add a position for his own unit only', async () => {
    const own = await addPosition(unitUser, unitId, generalPosition('P0101'));
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      code: 'P0101',
      status: 'draft',
      unitName: '浦东新区市场监督管理局',
    });
    const other = await addPosition(unitUser, otherUnitId, generalPosition('P0201'));
    expect(other.statusCode).toBe(403);
  });

  it('checks a position against the policy: exam category, subject and duplicate codes', async () => {
    const badCategory = await addPosition(
      unitUser,
      unitId,
      generalPosition('P0102', { examCategory: '外交类' }),
    );
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().error.message).toContain('考试类别「外交类」不在本事项政策中');
    const noSubject = await addPosition(
      unitUser,
      unitId,
      generalPosition('P0103', { category: 'law_enforcement', examCategory: 'law_enforcement' }),
    );
    expect(noSubject.json().error.message).toContain('须选择专业科目');
    const duplicate = await addPosition(unitUser, unitId, generalPosition('P0101'));
    expect(duplicate.json().error.code).toBe('POSITION.CODE_TAKEN');
  });

  it('imports positions from Excel only when every row is valid, reporting each bad row and column', async () => {
    const header = [
      '职位代码',
      '职位名称',
      '职位类别',
      '考试类别',
      '专业科目',
      '招录人数',
      '学历要求',
      '户籍要求',
      '专业要求',
    ];
    const bad = await xlsxBase64([
      header,
      ['P0110', '执法岗', '行政执法类', '行政执法类', '法律', 2, '本科', '不限', '法学'],
      ['P0111', '', '综合管理类', '综合管理类', '', 'three', '本科', '不限', ''],
      ['P0112', '技术岗', '宇航类', '专业技术类', '计算机', 1, '小学', '不限', '计算机'],
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/units/${unitId}/positions/import`,
      headers: unitUser,
      payload: { fileBase64: bad },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT.ROWS_INVALID');
    const problems = res
      .json()
      .error.details.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`);
    expect(problems).toEqual(
      expect.arrayContaining(['3:招录人数', '3:职位名称', '4:职位类别', '4:学历要求']),
    );
    expect(problems.some((p: string) => p.startsWith('2:'))).toBe(false);
    const stored = await t.database.db.select().from(position);
    expect(stored.map((p) => p.code)).not.toContain('P0110');

    const good = await xlsxBase64([
      header,
      ['P0110', '执法岗', '行政执法类', '行政执法类', '法律', 2, '本科', '本市户籍', '法学、法律'],
    ]);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/units/${unitId}/positions/import`,
      headers: unitUser,
      payload: { fileBase64: good },
    });
    expect(ok.json()).toEqual({ imported: 1 });
    const list = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/events/${eventId}/positions?unitId=${unitId}`,
        headers: unitUser,
      })
    ).json();
    expect(list.items.find((p: { code: string }) => p.code === 'P0110')).toMatchObject({
      examCategory: 'law_enforcement',
      examSubject: 'LE-LAW',
      conditions: { residence: 'shanghai_hukou', majorKeywords: ['法学', '法律'] },
    });
  });

  it('submits the brochure, locks its positions, and lets org return it with a comment', async () => {
    expect((await brochureAction(unitUser, 'submit')).statusCode).toBe(200);
    const locked = await addPosition(unitUser, unitId, generalPosition('P0104'));
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('POSITION.LOCKED');
    expect((await brochureAction(unitUser, 'approve')).statusCode).toBe(403);
    const returned = await brochureAction(org, 'return', { comment: '请补充专业要求' });
    expect(returned.statusCode).toBe(200);
    const brochures = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/events/${eventId}/brochures`,
        headers: unitUser,
      })
    ).json().items;
    expect(brochures).toEqual([
      expect.objectContaining({
        unitId,
        status: 'returned',
        comment: '请补充专业要求',
        positionCount: 2,
      }),
    ]);
    expect(audit.entries.find((e) => e.action === 'brochure.returned')?.details).toMatchObject({
      from: 'submitted',
      to: 'returned',
      comment: '请补充专业要求',
    });
  });

  it('publishes approved brochures so candidates find the positions with conditions in Chinese', async () => {
    expect(
      (await addPosition(unitUser, unitId, generalPosition('P0104', { title: '食品安全监管' })))
        .statusCode,
    ).toBe(200);
    expect((await brochureAction(unitUser, 'submit')).statusCode).toBe(200);
    expect((await brochureAction(org, 'approve')).statusCode).toBe(200);
    expect(audit.entries.find((e) => e.action === 'brochure.approved')?.details).toMatchObject({
      from: 'submitted',
      to: 'approved',
      policyVersion: 1,
    });
    const before = (
      await t.app.inject({ method: 'GET', url: `/api/public/positions?eventId=${eventId}` })
    ).json();
    expect(before.total).toBe(0);
    const published = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/brochures/publish`,
      headers: org,
    });
    expect(published.json()).toEqual({ published: 1 });
    expect(
      (
        await t.app.inject({ method: 'GET', url: `/api/admin/events/${eventId}`, headers: org })
      ).json().status,
    ).toBe('published');
    // The same search as before publication: its cached total must not survive the publication.
    expect(
      (
        await t.app.inject({ method: 'GET', url: `/api/public/positions?eventId=${eventId}` })
      ).json().total,
    ).toBe(3);
    const found = (
      await t.app.inject({
        method: 'GET',
        url: `/api/public/positions?eventId=${eventId}&keyword=${encodeURIComponent('食品')}`,
      })
    ).json();
    expect(found.items).toEqual([
      expect.objectContaining({ code: 'P0104', unitName: '浦东新区市场监督管理局' }),
    ]);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/public/positions/${found.items[0].id}` })
    ).json();
    expect(detail.conditions).toEqual(
      expect.arrayContaining([
        { label: '学历', text: '本科及以上' },
        { label: '专业', text: '法学、汉语言文学' },
        { label: '户籍', text: '本市户籍或持有本市居住证' },
      ]),
    );
    expect(detail.interviewRatio).toBe(3);
  });

  it('filters the public search by education, major, hukou and headcount and sorts it', async () => {
    const q = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/public/positions?eventId=${eventId}&${query}`,
        })
      )
        .json()
        .items.map((p: { code: string }) => p.code);
    expect(await q(`major=${encodeURIComponent('法律')}`)).toEqual(['P0110']);
    expect(await q('residence=shanghai_hukou')).toEqual(['P0110']);
    expect(await q('education=junior_college')).toEqual([]);
    expect(await q('education=bachelor')).toEqual(['P0101', 'P0104', 'P0110']);
    expect(await q('minHeadcount=2&sort=code&order=desc')).toEqual(['P0110', 'P0104', 'P0101']);
  });

  it('exports positions in the event format with formula-like text neutralised', async () => {
    await t.database.db
      .update(position)
      .set({ title: '=HYPERLINK("http://evil")' })
      .where(eq(position.code, 'P0101'));
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/admin/events/${eventId}/positions/export`,
      headers: org,
    });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).text).toBe('职位代码*');
    const titles: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) titles.push(row.getCell(3).text);
    });
    expect(titles).toContain('\'=HYPERLINK("http://evil")');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });

  it('generates a second round from unfilled positions, created as submitted, which org may return (INT-08)', async () => {
    await t.database.db.update(position).set({ hired: 2 }).where(eq(position.code, 'P0101'));
    await t.database.db.update(position).set({ hired: 1 }).where(eq(position.code, 'P0104'));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/second-round`,
      headers: org,
      payload: { code: `R2${Date.now()}`, name: '第二轮招录', year: 2026 },
    });
    expect(res.statusCode).toBe(200);
    const { eventId: second } = res.json();
    const positions = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/events/${second}/positions`,
        headers: org,
      })
    ).json().items;
    expect(
      positions.map((p: { code: string; headcount: number; status: string }) => [
        p.code,
        p.headcount,
        p.status,
      ]),
    ).toEqual([
      ['P0104', 1, 'submitted'],
      ['P0110', 2, 'submitted'],
    ]);
    const event = (
      await t.app.inject({ method: 'GET', url: `/api/admin/events/${second}`, headers: org })
    ).json();
    expect(event).toMatchObject({
      type: 'second_round',
      status: 'collecting',
      sourceEventId: eventId,
    });
    // Each brochure counts its own event's positions only: the first round's stay out of it.
    const brochures = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/events/${second}/brochures`,
        headers: org,
      })
    ).json().items;
    expect(
      brochures.map((b: { unitId: string; positionCount: number }) => b.positionCount),
    ).toEqual(
      [...new Set(positions.map((p: { unitId: string }) => p.unitId))].map(
        (u) => positions.filter((p: { unitId: string }) => p.unitId === u).length,
      ),
    );
    const returned = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${second}/units/${unitId}/brochure/return`,
      headers: org,
      payload: { comment: '请核实剩余名额' },
    });
    expect(returned.statusCode).toBe(200);
  });
});
