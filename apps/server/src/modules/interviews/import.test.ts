import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit } from '../events/events.test-support';
import { createReviewedEvent } from '../interview-lists/interview-lists.test-support';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { candidatesOfGroup, examinersOf } from './setup-queries';
import { createInterviewEvent, idNumber, post, sheet, STRUCTURED_TYPE } from './setup.test-support';

describe('interview imports 面试导入 (IVW-02) and browsing (IVW-03)', () => {
  let t: TestApp;
  let org: AuthHeaders;
  const audit = createAuditRecorder();
  let eventId: string;
  let unitName: string;
  const url = (kind: string) => `/api/interview/events/${eventId}/imports/${kind}`;
  const list = (name: string, query = '') =>
    t.app.inject({ url: `/api/interview/events/${eventId}/${name}${query}`, headers: org });

  // The examiners' and positions' unit must exist: imports name units as the unit list does.
  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    eventId = (await createInterviewEvent(t.app, org)).id;
    unitName = `市面试局${eventId.slice(0, 6)}`;
    await createUnit(t.app, org, unitName);
  });
  afterAll(() => t.close());

  // The download is the template the imports read (IVW-02).
  it('offers a template for each import that reads back without problems', async () => {
    const res = await t.app.inject({
      url: '/api/interview/import-templates/examiners',
      headers: org,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('考官导入模板'));
  });

  // Positions first: candidates and examiners' conflicts refer to position codes.
  it('imports positions, candidates and examiners from their sheets', async () => {
    const positions = await sheet(
      ['职位代码', '职位名称', '单位', '专业'],
      [
        ['P01', '综合管理', unitName, ''],
        ['P02', '执法勤务', unitName, ''],
      ],
    );
    expect((await post(t.app, org, url('positions'), { fileBase64: positions })).json()).toEqual({
      imported: 2,
    });
    const candidates = await sheet(
      ['准考证号', '姓名', '身份证号', '性别', '职位代码'],
      [
        ['T001', '王小明', idNumber(), '男', 'P01'],
        ['T002', '李小红', idNumber(), '女', 'P02'],
      ],
    );
    expect((await post(t.app, org, url('candidates'), { fileBase64: candidates })).json()).toEqual({
      imported: 2,
    });
    const examiners = await sheet(
      [
        '编号',
        '姓名',
        '单位',
        '区',
        '可任主考官',
        '可任专业考官',
        '固定考官',
        '回避单位',
        '回避职位',
      ],
      [['K01', '赵考官', unitName, '黄浦区', '是', '否', '是', '', 'P02']],
    );
    expect((await post(t.app, org, url('examiners'), { fileBase64: examiners })).json()).toEqual({
      imported: 1,
    });
    const psych = await sheet(['准考证号', '测评结论'], [['T001', '良好']]);
    expect((await post(t.app, org, url('psych'), { fileBase64: psych })).json()).toEqual({
      imported: 1,
    });
    // The exported read the arrangement part uses: capabilities and conflicts as imported.
    const [examiner] = await examinersOf(t.app.kaolu.database.db, eventId);
    expect(examiner).toMatchObject({
      code: 'K01',
      chiefCapable: true,
      fixed: true,
      conflictPositionCodes: ['P02'],
    });
    expect(audit.actions().filter((a) => a === 'interview_import.completed')).toHaveLength(4);
    // Audit entries carry counts, never names or ID numbers.
    expect(JSON.stringify(audit.entries)).not.toContain('王小明');
  });

  // All or nothing (IVW-02): one bad row anywhere and the good rows are not written either.
  it('refuses a sheet with bad rows, changes nothing and lists every problem by row', async () => {
    // Row 2 is good, rows 3 and 4 are not: the good row must not be imported either.
    const before = (await list('candidates')).json().total;
    const bad = await sheet(
      ['准考证号', '姓名', '身份证号', '性别', '职位代码'],
      [
        ['T100', '张好', idNumber(), '男', 'P01'],
        ['T101', '', '310101199001011230', '未知', 'P99'],
        ['T100', '张重', idNumber(), '女', 'P01'],
      ],
    );
    const res = await post(t.app, org, url('candidates'), { fileBase64: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IMPORT.ROWS_INVALID');
    const problems = res.json().error.details.problems as Array<{ row: number; field: string }>;
    expect(problems.map((p) => `${p.row}:${p.field}`)).toEqual(
      expect.arrayContaining(['3:姓名', '3:身份证号', '3:性别', '3:职位代码', '4:准考证号']),
    );
    expect(problems.some((p) => p.row === 2)).toBe(false);
    expect((await list('candidates')).json().total).toBe(before);
  });

  // A wrong template is reported as a problem of row 1, not read as an empty sheet.
  it('reports a sheet without the template’s columns on row 1', async () => {
    const res = await post(t.app, org, url('examiners'), {
      fileBase64: await sheet(['编号'], [['K9']]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 1, field: '姓名' })]),
    );
  });

  // IVW-03: lists show masked names and ID numbers; an ID number is found by its blind index.
  it('browses candidates masked, found by ticket or ID number, and positions with counts', async () => {
    const page = (await list('candidates', '?keyword=T001')).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ ticketNumber: 'T001', name: '王*明', hasPsych: true });
    expect(page.items[0].idNumber).toContain('*');
    expect(page.items[0].idNumber).not.toMatch(/^\d{17}[\dX]$/);
    const positions = (await list('positions')).json();
    expect(positions.items.map((p: { candidates: number }) => p.candidates)).toEqual([1, 1]);
    const examiners = (await list('examiners')).json();
    expect(examiners.items[0]).toMatchObject({ code: 'K01', name: '赵*官', conflicts: 1 });
  });

  // The read the check-in and arrangement parts use: clear names only when their caller may.
  it('opens a group’s names only when the caller asks for it', async () => {
    const type = await t.app.inject({
      method: 'PUT',
      url: `/api/interview/events/${eventId}/types`,
      headers: org,
      payload: STRUCTURED_TYPE,
    });
    const venue = (
      await post(t.app, org, `/api/interview/events/${eventId}/venues`, { name: '考点' })
    ).json();
    const room = (
      await post(t.app, org, `/api/interview/events/${eventId}/rooms`, {
        venueId: venue.id,
        name: '1',
      })
    ).json();
    const positions = (await list('positions')).json().items as Array<{ id: string; code: string }>;
    const group = await post(t.app, org, `/api/interview/events/${eventId}/groups`, {
      roomId: room.id,
      day: '2026-12-20',
      name: '第一组',
      typeId: type.json().id,
      fixedSeats: 4,
      rotatingSeats: 2,
      positionIds: [positions.find((p) => p.code === 'P01')!.id],
    });
    expect(group.statusCode).toBe(200);
    const db = t.app.kaolu.database.db;
    const crypto = t.app.kaolu.crypto;
    const masked = await candidatesOfGroup(db, group.json().id, { crypto, open: false });
    expect(masked.map((c) => c.name)).toEqual(['王*明']);
    const open = await candidatesOfGroup(db, group.json().id, { crypto, open: true });
    expect(open.map((c) => c.name)).toEqual(['王小明']);
  });
});

// A fresh app: the reviewed event fixture creates its own org, units and candidates.
describe('import from the recruitment event’s interview lists (IVW-02, INT-02)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // Built through the real API up to the computed lists, so ticket numbers are the real ones.
  it('imports the listed candidates with their positions and ticket numbers', async () => {
    const fixture = await createReviewedEvent(t.app, {
      positions: [{ headcount: 1 }],
      applicants: [
        { position: 0, xingce: 80, shenlun: 80 },
        { position: 0, xingce: 75, shenlun: 75 },
      ],
    });
    const org = fixture.org;
    const computed = await post(
      t.app,
      org,
      `/api/admin/events/${fixture.event.id}/interview-lists/compute`,
    );
    expect(computed.statusCode).toBe(200);
    const event = await createInterviewEvent(t.app, org, { recruitmentEventId: fixture.event.id });
    const res = await post(t.app, org, `/api/interview/events/${event.id}/import-interview-lists`);
    expect(res.json()).toEqual({ imported: 2 });
    const candidates = await t.app.inject({
      url: `/api/interview/events/${event.id}/candidates`,
      headers: org,
    });
    expect(
      candidates
        .json()
        .items.map((c: { ticketNumber: string }) => c.ticketNumber)
        .sort(),
    ).toEqual(fixture.people.map((p) => p.ticketNumber).sort());
    const brochure = await t.app.inject({
      url: `/api/interview/events/${event.id}/brochure`,
      headers: org,
    });
    expect(brochure.json().items).toEqual([expect.objectContaining({ interviewed: true })]);
    // Re-running updates in place rather than adding the same people again.
    await post(t.app, org, `/api/interview/events/${event.id}/import-interview-lists`);
    const again = await t.app.inject({
      url: `/api/interview/events/${event.id}/candidates`,
      headers: org,
    });
    expect(again.json().total).toBe(2);
  });
});
