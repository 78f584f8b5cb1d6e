import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createSmsGateway } from './sms-gateway';
import { shanghaiDay } from '../time';
import type { SmsProvider } from './sms-providers';

describe('SMS gateway (REG-06)', () => {
  let t: TestApp;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
  });
  afterAll(() => t.close());

  const send = (phone: string) =>
    t.app.kaolu.sms.send({ phone, purpose: 'notice', content: '【上海考录】测试通知' });

  it('lets exactly 5 of 20 parallel sends to one number through, counted in the database', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => send('13700000001')));
    const sent = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(sent).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'SMS.DAILY_LIMIT',
        status: 429,
      });
    expect((refused[0] as PromiseRejectedResult).reason.message).toBe(
      '该手机号今日短信发送已达5条上限，请明天再试或联系技术支持解锁',
    );
    expect(audit.actions().filter((a) => a === 'sms.sent')).toHaveLength(5);
    expect(audit.actions().filter((a) => a === 'sms.refused')).toHaveLength(15);
    // Another number is unaffected.
    await expect(send('13700000002')).resolves.toHaveProperty('id');
  });

  it('shows support today’s count per number and unlocks one, audited', async () => {
    const support = await loginAs(t.app, 'support');
    const counts = await t.app.inject({
      method: 'GET',
      url: '/api/sms/daily-counts',
      headers: support.headers,
    });
    expect(counts.json().dailyLimit).toBe(5);
    const row = counts
      .json()
      .items.find((r: { phoneMasked: string }) => r.phoneMasked === '137****0001');
    expect(row).toMatchObject({ count: 5, day: shanghaiDay(new Date()) });
    const outbox = await t.app.inject({
      method: 'GET',
      url: '/api/sms/messages',
      headers: support.headers,
    });
    expect(outbox.json().total).toBe(6);
    expect(JSON.stringify(outbox.json())).not.toContain('13700000001');

    const unlock = await t.app.inject({
      method: 'POST',
      url: '/api/sms/unlock',
      headers: support.headers,
      payload: { phoneKey: row.phoneKey },
    });
    expect(unlock.json()).toEqual({ unlocked: true });
    expect(audit.entries.find((e) => e.action === 'sms.unlocked')?.details).toMatchObject({
      phone: '137****0001',
      previousCount: 5,
    });
    await expect(send('13700000001')).resolves.toHaveProperty('id');
    const byPhone = await t.app.inject({
      method: 'POST',
      url: '/api/sms/unlock',
      headers: support.headers,
      payload: { phone: '13700000001' },
    });
    expect(byPhone.json()).toEqual({ unlocked: true });
  });

  it('counts per Asia/Shanghai calendar day: 23:59 and 00:01 Beijing time are different days', async () => {
    // 15:59 UTC is 23:59 in Shanghai; 16:01 UTC is already the next day there.
    expect(shanghaiDay(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
    expect(shanghaiDay(new Date('2026-03-01T16:01:00Z'))).toBe('2026-03-02');
    let now = new Date('2026-03-01T15:00:00Z');
    const gateway = createSmsGateway({
      db: t.app.kaolu.database.db,
      crypto: t.app.kaolu.crypto,
      audit,
      provider: { name: 'x', deliver: async () => 'outbox' },
      dailyLimit: 5,
      now: () => now,
    });
    for (let i = 0; i < 5; i++)
      await gateway.send({ phone: '13700000003', purpose: 'notice', content: 'x' });
    await expect(
      gateway.send({ phone: '13700000003', purpose: 'notice', content: 'x' }),
    ).rejects.toMatchObject({ code: 'SMS.DAILY_LIMIT' });
    now = new Date('2026-03-01T16:01:00Z');
    await expect(
      gateway.send({ phone: '13700000003', purpose: 'notice', content: 'x' }),
    ).resolves.toHaveProperty('id');
  });

  it('marks a message refused by the HTTP provider as failed and tells the caller', async () => {
    const failing: SmsProvider = { name: 'http', deliver: async () => 'failed' };
    const gateway = createSmsGateway({
      db: t.app.kaolu.database.db,
      crypto: t.app.kaolu.crypto,
      audit,
      provider: failing,
      dailyLimit: 5,
    });
    await expect(
      gateway.send({ phone: '13700000004', purpose: 'notice', content: 'x' }),
    ).rejects.toMatchObject({ code: 'SMS.DELIVERY_FAILED' });
  });
});
