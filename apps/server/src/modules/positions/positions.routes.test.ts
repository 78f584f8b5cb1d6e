import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { insertTestEvent } from '../events/events.test-support';
import { insertTestUnits } from '../units/unit.test-support';
import { position } from './position.table';

describe('public position search', () => {
  let t: TestApp;
  let eventId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const event = await insertTestEvent(db, {
      code: 'E1',
      name: '测试事项',
      type: 'general',
      year: 2026,
      status: 'registration',
    });
    eventId = event.id;
    const [police, market] = await insertTestUnits(db, [
      { code: 'U1', name: '浦东新区公安分局', kind: 'unit', isPolice: true },
      { code: 'U2', name: '徐汇区市场监督管理局', kind: 'unit' },
    ]);
    const base = { eventId, headcount: 1, status: 'published' };
    await db.insert(position).values([
      {
        ...base,
        unitId: police!.id,
        code: 'U101',
        title: '执法勤务',
        category: 'police',
        headcount: 3,
      },
      {
        ...base,
        unitId: market!.id,
        code: 'U201',
        title: '综合管理（100%全日制）',
        category: 'comprehensive',
      },
      {
        ...base,
        unitId: market!.id,
        code: 'U202',
        title: '食品安全执法',
        category: 'law_enforcement',
      },
      {
        ...base,
        unitId: market!.id,
        code: 'U203',
        title: '未发布职位',
        category: 'comprehensive',
        status: 'draft',
      },
    ]);
  });
  afterAll(() => t.close());

  const search = async (query: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/public/positions?${query}` })).json();

  it('lists published positions only, ordered by code, with unit names', async () => {
    const page = await search(`eventId=${eventId}`);
    expect(page.total).toBe(3);
    expect(page.items.map((p: { code: string }) => p.code)).toEqual(['U101', 'U201', 'U202']);
    expect(page.items[0]).toMatchObject({
      unitName: '浦东新区公安分局',
      headcount: 3,
      category: 'police',
    });
  });

  it('finds positions by keyword in the unit name or title, and by category', async () => {
    expect((await search(`keyword=${encodeURIComponent('徐汇')}`)).total).toBe(2);
    expect(
      (await search(`keyword=${encodeURIComponent('执法')}`)).items.map(
        (p: { code: string }) => p.code,
      ),
    ).toEqual(['U101', 'U202']);
    expect(
      (await search('category=law_enforcement')).items.map((p: { code: string }) => p.code),
    ).toEqual(['U202']);
  });

  it('treats % in a keyword literally', async () => {
    expect(
      (await search(`keyword=${encodeURIComponent('100%')}`)).items.map(
        (p: { code: string }) => p.code,
      ),
    ).toEqual(['U201']);
    expect((await search(`keyword=${encodeURIComponent('%')}`)).total).toBe(1);
  });

  it('pages results and reports the total', async () => {
    const second = await search('page=2&pageSize=2');
    expect(second.total).toBe(3);
    expect(second.items.map((p: { code: string }) => p.code)).toEqual(['U202']);
  });

  it('rejects an unknown category with the field named in Chinese', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/public/positions?category=astronaut',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].label).toBe('职位类别');
  });
});
