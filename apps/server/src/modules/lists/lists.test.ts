import { idNumberCheckDigit } from '@kaolu/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type KaoluApp } from '../../app';
import { testConfig } from '../../config';
import { containsUnmaskedPersonalData } from '../../platform/masking';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCollectingEvent, createUnit } from '../events/events.test-support';
import { assertStageOpen, findEventById } from '../events';
import { listEntry } from './list-entry.table';

/** A valid ID number born on the given day with a 3-digit sequence. */
function idNumber(birth: string, seq: string): string {
  const first17 = `310115${birth}${seq}`;
  return first17 + idNumberCheckDigit(first17);
}

async function sheet(rows: Array<Array<string>>): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('名单');
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('REG-01 emergency adjustment: whitelist, greylist and deadlines', () => {
  let t: TestApp;
  let second: KaoluApp;
  let org: AuthHeaders;
  let eventId: string;
  let unitId: string;
  let unitCode: string;
  const audit = createAuditRecorder();
  const alice = idNumber('19980101', '123');
  const bob = idNumber('19990202', '456');

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    // A second server instance on the same database, as behind a load balancer.
    second = await buildApp(testConfig(), { database: t.database, audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    ({ unitId, unitCode } = await createUnit(t.app, org, '浦东新区公安分局', { isPolice: true }));
    ({ id: eventId } = await createCollectingEvent(t.app, org));
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const check = (app: KaoluApp, id: string) =>
    app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/lists/check`,
      headers: org,
      payload: { idNumber: id },
    });

  it('directs a whitelisted ID number to its unit on every instance at once, audited with the reason', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/lists/whitelist`,
      headers: org,
      payload: { idNumber: alice, unitId, reason: '定向招录退役士兵' },
    });
    expect(res.statusCode).toBe(200);
    expect((await check(second, alice)).json()).toEqual({
      whitelistUnitId: unitId,
      greylistNote: null,
    });
    const entry = audit.entries.find((e) => e.action === 'whitelist.changed');
    expect(entry?.details).toMatchObject({
      from: null,
      to: { unitId, note: null },
      reason: '定向招录退役士兵',
      idNumber: '310***********' + alice.slice(-4),
    });
  });

  it('greylists and un-greylists an ID number, recording old and new value each time', async () => {
    await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/lists/greylist`,
      headers: org,
      payload: { idNumber: bob, note: '考试违纪，五年内不得报考', reason: '考试院通报' },
    });
    await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/lists/greylist`,
      headers: org,
      payload: { idNumber: bob, note: '失信联合惩戒对象', reason: '发改委名单更新' },
    });
    expect((await check(second, bob)).json().greylistNote).toBe('失信联合惩戒对象');
    const changes = audit.entries
      .filter((e) => e.action === 'greylist.changed')
      .map((e) => e.details);
    expect(changes[1]).toMatchObject({
      from: { note: '考试违纪，五年内不得报考' },
      to: { note: '失信联合惩戒对象' },
      reason: '发改委名单更新',
    });
    const page = (
      await second.inject({
        method: 'GET',
        url: `/api/admin/events/${eventId}/lists/greylist`,
        headers: org,
      })
    ).json();
    expect(page.total).toBe(1);
    const removed = await second.inject({
      method: 'POST',
      url: `/api/admin/list-entries/${page.items[0].id}/remove`,
      headers: org,
      payload: { reason: '误报更正' },
    });
    expect(removed.statusCode).toBe(200);
    expect((await check(t.app, bob)).json().greylistNote).toBeNull();
  });

  it('never stores or answers an ID number in clear', async () => {
    const rows = await t.database.db.select().from(listEntry);
    expect(JSON.stringify(rows)).not.toContain(alice);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/admin/events/${eventId}/lists/whitelist`,
      headers: org,
    });
    expect(page.body).not.toContain(alice);
    expect(containsUnmaskedPersonalData(page.body)).toBe(false);
    expect(page.json().items[0]).toMatchObject({
      unitName: '浦东新区公安分局',
      idNumberMasked: `310***********${alice.slice(-4)}`,
    });
  });

  it('refuses an invalid ID number with the reason in Chinese', async () => {
    const wrongCheckDigit = alice.slice(0, 17) + (alice.endsWith('0') ? '1' : '0');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/lists/greylist`,
      headers: org,
      payload: { idNumber: wrongCheckDigit, note: '测试', reason: '测试原因' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('校验码');
  });

  it('imports a whitelist from Excel all-or-nothing, reporting every bad row', async () => {
    const carol = idNumber('20000303', '789');
    const bad = await sheet([
      ['身份证号', '定向单位代码'],
      [carol, unitCode],
      ['12345', unitCode],
      [idNumber('20010404', '111'), 'NO-SUCH-UNIT'],
      [carol, unitCode],
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/lists/whitelist/import`,
      headers: org,
      payload: { fileBase64: bad, reason: '批量导入定向名单' },
    });
    expect(res.statusCode).toBe(400);
    const problems = res
      .json()
      .error.details.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`);
    expect(problems).toEqual(['3:身份证号', '4:定向单位代码', '5:身份证号']);
    expect((await check(t.app, carol)).json().whitelistUnitId).toBeNull();
    const good = await sheet([
      ['身份证号', '定向单位代码'],
      [carol, unitCode],
    ]);
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/lists/whitelist/import`,
      headers: org,
      payload: { fileBase64: good, reason: '批量导入定向名单' },
    });
    expect(ok.json()).toEqual({ imported: 1 });
    expect((await check(second, carol)).json().whitelistUnitId).toBe(unitId);
  });

  it('enforces a changed deadline on the other instance immediately', async () => {
    const event = await findEventById(second.kaolu.database.db, eventId);
    expect(() => assertStageOpen(event!, 'brochure', new Date())).not.toThrow();
    const endsAt = new Date(Date.now() - 1000).toISOString();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/deadlines`,
      headers: org,
      payload: { stage: 'brochure', endsAt, reason: '提前截止简章征集' },
    });
    expect(res.statusCode).toBe(200);
    const refused = await second.inject({
      method: 'POST',
      url: `/api/admin/events/${eventId}/units/${unitId}/positions`,
      headers: org,
      payload: {
        code: 'L1',
        title: '岗位',
        category: 'police',
        examCategory: 'police',
        examSubject: 'PS-POL',
        headcount: 1,
      },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('EVENT.STAGE_CLOSED');
  });

  it('lets only holders of event.adjust change the lists', async () => {
    const unitUser = (await loginAs(t.app, [{ role: 'unit_user', unitId }])).headers;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/lists/whitelist`,
      headers: unitUser,
      payload: { idNumber: alice, unitId, reason: '越权' },
    });
    expect(res.statusCode).toBe(403);
  });

  it("refuses to remove an entry of an event outside the caller's grant, and keeps it", async () => {
    const { id: otherEventId } = await createCollectingEvent(t.app, org);
    const scoped = (await loginAs(t.app, [{ role: 'org_admin', eventId: otherEventId }])).headers;
    const added = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/events/${eventId}/lists/greylist`,
      headers: org,
      payload: { idNumber: bob, note: '考试违纪', reason: '违纪处理决定' },
    });
    expect(added.statusCode, added.body).toBe(200);
    const list = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/admin/events/${eventId}/lists/greylist`,
          headers: org,
        })
      ).json().items as Array<{ id: string }>;
    const [entry] = await list();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/admin/list-entries/${entry!.id}/remove`,
      headers: scoped,
      payload: { reason: '越权移出' },
    });
    expect(res.statusCode).toBe(403);
    expect((await list()).map((e) => e.id)).toContain(entry!.id);
  });
});
