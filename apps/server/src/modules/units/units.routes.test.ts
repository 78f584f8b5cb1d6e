import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client';
import { findUnmaskedPersonalData } from '../../platform/masking';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { sealLegacyUnitContacts } from './unit-contact';

describe('units hierarchy', () => {
  let t: TestApp;
  let org: AuthHeaders;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
  });
  afterAll(() => t.close());

  const post = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/admin/units', headers: org, payload });

  it('creates a supervising department and units under it, audited', async () => {
    const dept = await post({ code: 'D01', name: '市市场监督管理局', kind: 'department' });
    const unit = await post({
      code: 'U0101',
      name: '浦东新区市场监督管理局',
      kind: 'unit',
      parentId: dept.json().id,
      district: '浦东新区',
    });
    expect(unit.json()).toMatchObject({ kind: 'unit', parentId: dept.json().id });
    const children = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/units?parentId=${dept.json().id}`,
        headers: org,
      })
    ).json();
    expect(children.items.map((u: { code: string }) => u.code)).toEqual(['U0101']);
    expect(audit.actions().filter((a) => a === 'unit.created')).toHaveLength(2);
  });

  it('refuses a unit under a unit, a department with a parent and a reused code', async () => {
    const dept = (await post({ code: 'D02', name: '市公安局', kind: 'department' })).json();
    const unit = (
      await post({ code: 'U0201', name: '浦东分局', kind: 'unit', parentId: dept.id })
    ).json();
    const nested = await post({ code: 'U0202', name: '派出所', kind: 'unit', parentId: unit.id });
    expect(nested.json().error).toMatchObject({
      code: 'UNIT.INVALID_PARENT',
      message: '「浦东分局」不是主管部门，不能作为上级',
    });
    expect(
      (await post({ code: 'D03', name: '下级部门', kind: 'department', parentId: dept.id })).json()
        .error.code,
    ).toBe('UNIT.INVALID_PARENT');
    expect((await post({ code: 'U0201', name: '重复单位', kind: 'unit' })).json().error.code).toBe(
      'UNIT.CODE_TAKEN',
    );
  });

  it('audits an edit with the old and new values', async () => {
    const unit = (await post({ code: 'U0301', name: '旧名称单位', kind: 'unit' })).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/admin/units/${unit.id}`,
      headers: org,
      payload: { code: 'U0301', name: '新名称单位', kind: 'unit' },
    });
    expect(res.json().name).toBe('新名称单位');
    const entry = audit.entries.find((e) => e.action === 'unit.updated');
    expect(entry?.details).toMatchObject({
      from: { name: '旧名称单位' },
      to: { name: '新名称单位' },
    });
  });

  it('lets unit users read but not maintain units', async () => {
    const unitUser = (await loginAs(t.app, 'unit_user')).headers;
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/units', headers: unitUser }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/admin/units',
          headers: unitUser,
          payload: { code: 'X', name: '越权单位', kind: 'unit' },
        })
      ).statusCode,
    ).toBe(403);
  });

  describe('contact person (NFR-SEC-2, NFR-SEC-3)', () => {
    const CONTACT = { name: '王建国', phone: '021-63211234', address: '上海市黄浦区人民大道200号' };
    const MASKED = {
      nameMasked: '王*国',
      phoneMasked: '021-6***1234',
      addressMasked: '上海市黄浦区****',
    };

    /** The unit row as the database holds it, every column as text. */
    const rawRow = async (id: string) =>
      rowsOf<Record<string, unknown>>(
        await t.database.db.execute(sql`select * from unit where id = ${id}::uuid`),
      )[0]!;
    const expectNothingClear = (row: Record<string, unknown>, ...clear: string[]) => {
      expect(findUnmaskedPersonalData(row)).toEqual([]);
      const text = JSON.stringify(row);
      for (const value of clear) expect(text).not.toContain(value);
    };

    it('stores the contact only encrypted and answers it masked', async () => {
      const created = await post({
        code: 'U0401',
        name: '黄浦区市场监督管理局',
        kind: 'unit',
        contact: CONTACT,
      });
      expect(created.statusCode).toBe(200);
      expect(created.json().contact).toEqual(MASKED);
      const row = await rawRow(created.json().id);
      expect(row.contact_enc).toMatch(/^v1\./);
      expectNothingClear(row, CONTACT.name, CONTACT.phone, '63211234', '人民大道');

      const get = async (url: string) =>
        (await t.app.inject({ method: 'GET', url, headers: org })).json();
      expect((await get('/api/admin/units?keyword=U0401')).items[0].contact).toEqual(MASKED);
      expect((await get(`/api/admin/units/${created.json().id}`)).contact).toEqual(MASKED);
      const audited = audit.entries.find(
        (e) => e.action === 'unit.created' && e.targetId === created.json().id,
      );
      expectNothingClear(
        audited as unknown as Record<string, unknown>,
        CONTACT.name,
        '63211234',
        '人民大道',
      );
    });

    it('keeps fields an edit leaves out, replaces typed ones and clears null ones', async () => {
      const created = (
        await post({ code: 'U0402', name: '静安区民政局', kind: 'unit', contact: CONTACT })
      ).json();
      const put = (contact: Record<string, unknown> | undefined) =>
        t.app.inject({
          method: 'PUT',
          url: `/api/admin/units/${created.id}`,
          headers: org,
          payload: {
            code: 'U0402',
            name: '静安区民政局',
            kind: 'unit',
            ...(contact ? { contact } : {}),
          },
        });
      // A form saved without touching the contact (the editor saw only masked values) keeps it.
      expect((await put(undefined)).json().contact).toEqual(MASKED);
      const changed = await put({ phone: '0571-87654321转801', address: null });
      expect(changed.json().contact).toEqual({
        nameMasked: '王*国',
        phoneMasked: '0571-8***4321-***',
        addressMasked: null,
      });
      const row = await rawRow(created.id);
      expectNothingClear(row, CONTACT.name, '87654321', '人民大道');
      const audited = audit.entries
        .filter((e) => e.action === 'unit.updated' && e.targetId === created.id)
        .at(-1);
      expectNothingClear(
        audited as unknown as Record<string, unknown>,
        CONTACT.name,
        '87654321',
        '人民大道',
      );
      expect((await put({ name: '', phone: null })).json().contact).toBeNull();
      expect((await rawRow(created.id)).contact_enc).toBeNull();
    });

    it('refuses a contact phone that is not a phone number', async () => {
      const res = await post({
        code: 'U0403',
        name: '测试单位',
        kind: 'unit',
        contact: { phone: '请致电办公室' },
      });
      expect(res.statusCode).toBe(400);
    });

    it('seals contacts stored in the clear before encryption, once, at start-up', async () => {
      const created = (await post({ code: 'U0404', name: '徐汇区人社局', kind: 'unit' })).json();
      const clear = JSON.stringify(CONTACT);
      await t.database.db.execute(
        sql`update unit set contact = ${clear}::jsonb where id = ${created.id}::uuid`,
      );
      expect(await sealLegacyUnitContacts(t.database.db, t.app.kaolu.crypto)).toBe(1);
      expect(await sealLegacyUnitContacts(t.database.db, t.app.kaolu.crypto)).toBe(0);
      const row = await rawRow(created.id);
      expect(row.contact).toBeNull();
      expectNothingClear(row, CONTACT.name, '63211234', '人民大道');
      const read = (
        await t.app.inject({ method: 'GET', url: `/api/admin/units/${created.id}`, headers: org })
      ).json();
      expect(read.contact).toEqual(MASKED);
    });
  });
});
