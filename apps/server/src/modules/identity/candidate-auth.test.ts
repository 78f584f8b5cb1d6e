import { idNumberCheckDigit } from '@kaolu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAuditRecorder,
  cookieValue,
  headersFor,
  latestSmsCode,
} from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import type { RealNameVerifier } from './real-name';
import { createRealNameSimulator } from './real-name';
import { SESSION_COOKIE } from './session.service';

const idNumber = (first17: string) => first17 + idNumberCheckDigit(first17);

describe('candidate accounts', () => {
  let t: TestApp;
  const audit = createAuditRecorder();
  const realNameCalls: string[] = [];
  const simulator = createRealNameSimulator();
  const realName: RealNameVerifier = {
    verify: async (input) => {
      realNameCalls.push(input.idNumber);
      return simulator.verify(input);
    },
  };

  beforeAll(async () => {
    t = await createTestApp({}, { audit, realName });
  });
  afterAll(() => t.close());

  const requestCode = (phone: string, purpose = 'register') =>
    t.app.inject({
      method: 'POST',
      url: '/api/candidate/auth/sms-code',
      payload: { phone, purpose },
    });
  const register = (body: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/candidate/auth/register', payload: body });

  it('registers with a valid ID number, SMS code and real-name check, then logs in by ID number or phone', async () => {
    const id = idNumber('31010119950307123');
    await requestCode('13812340001');
    const smsCode = await latestSmsCode(t.app, '13812340001');
    const res = await register({
      name: '王小明',
      idNumber: id,
      phone: '13812340001',
      smsCode,
      password: 'Exam#2026pass',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '王小明',
      idNumberMasked: `310***********${id.slice(-4)}`,
      phoneMasked: '138****0001',
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/candidate/account',
      headers: headersFor(t.app, cookieValue(res, SESSION_COOKIE)!),
    });
    expect(me.json().name).toBe('王小明');
    expect(audit.actions()).toContain('candidate.registered');

    for (const account of [id, id.toLowerCase(), '13812340001']) {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/candidate/auth/login',
        payload: { account, password: 'Exam#2026pass' },
      });
      expect(login.statusCode, account).toBe(200);
    }
    const again = await register({
      name: '王小明',
      idNumber: id,
      phone: '13812340009',
      smsCode: '123456',
      password: 'Exam#2026pass',
    });
    expect(again.json().error.code).toBe('IDENTITY.ALREADY_REGISTERED');
  });

  it('keeps the last delivered code working when the daily SMS limit refuses a further request (REG-06)', async () => {
    const phone = '13812340077';
    const limit = t.app.kaolu.config.sms.dailyLimit;
    for (let i = 0; i < limit; i++) expect((await requestCode(phone)).statusCode).toBe(200);
    const delivered = await latestSmsCode(t.app, phone);
    const refused = await requestCode(phone);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('SMS.DAILY_LIMIT');
    const id = idNumber('31010119960708123');
    const res = await register({
      name: '赵小红',
      idNumber: id,
      phone,
      smsCode: delivered,
      password: 'Exam#2026pass',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses an ID number failing GB 11643 before calling the real-name interface', async () => {
    const good = idNumber('31010119900101001');
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const before = realNameCalls.length;
    const res = await register({
      name: '李四',
      idNumber: badCheck,
      phone: '13812340002',
      smsCode: '123456',
      password: 'Exam#2026pass',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('IDENTITY.ID_NUMBER_INVALID');
    expect(res.json().error.message).toContain('校验码应为');
    const badDate = await register({
      name: '李四',
      idNumber: idNumber('31010119901301001'),
      phone: '13812340002',
      smsCode: '123456',
      password: 'Exam#2026pass',
    });
    expect(badDate.json().error.message).toContain('出生日期');
    expect(realNameCalls.length).toBe(before);
  });

  it('refuses a name that the real-name interface does not match, and a wrong SMS code', async () => {
    await requestCode('13812340003');
    const smsCode = await latestSmsCode(t.app, '13812340003');
    const body = {
      idNumber: idNumber('31011519880808002'),
      phone: '13812340003',
      password: 'Exam#2026pass',
    };
    const wrongCode = await register({
      ...body,
      name: '测试不符',
      smsCode: smsCode === '000000' ? '000001' : '000000',
    });
    expect(wrongCode.json().error.code).toBe('IDENTITY.CODE_INVALID');
    const mismatch = await register({ ...body, name: '测试不符', smsCode });
    expect(mismatch.json().error).toMatchObject({
      code: 'IDENTITY.REAL_NAME_MISMATCH',
      message: '姓名与身份证号不一致，实名认证未通过',
    });
  });

  it('names every missing password rule in Chinese and refuses the ID number inside the password', async () => {
    const id = idNumber('31010119960101004');
    const short = await register({
      name: '赵五',
      idNumber: id,
      phone: '13812340004',
      smsCode: '123456',
      password: 'abc',
    });
    expect(short.json().error.message).toBe(
      '密码不符合要求：密码长度至少8位，当前只有3位；密码须包含大写字母、小写字母、数字、特殊符号中的至少3类，还缺少2类（可添加：大写字母、数字、特殊符号）',
    );
    const withId = await register({
      name: '赵五',
      idNumber: id,
      phone: '13812340004',
      smsCode: '123456',
      password: `Ab#${id.slice(-6)}`,
    });
    expect(withId.json().error.message).toBe('密码不符合要求：密码不能包含身份证号');
  });

  it('resets a forgotten password by SMS code, ending old sessions, and refuses the last 5 passwords', async () => {
    const id = idNumber('31010419920202005');
    await requestCode('13812340005');
    const reg = await register({
      name: '钱六',
      idNumber: id,
      phone: '13812340005',
      smsCode: await latestSmsCode(t.app, '13812340005'),
      password: 'First#pass1',
    });
    const oldSession = headersFor(t.app, cookieValue(reg, SESSION_COOKIE)!);
    await requestCode('13812340005', 'reset_password');
    const smsCode = await latestSmsCode(t.app, '13812340005');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/auth/reset-password',
      payload: { phone: '13812340005', smsCode, newPassword: 'First#pass1' },
    });
    expect(reused.json().error.message).toContain('新密码不能与最近5次使用过的密码相同');
    await requestCode('13812340005', 'reset_password');
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/auth/reset-password',
      payload: {
        phone: '13812340005',
        smsCode: await latestSmsCode(t.app, '13812340005'),
        newPassword: 'Second#pass2',
      },
    });
    expect(reset.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/candidate/account', headers: oldSession }))
        .statusCode,
    ).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/auth/login',
      payload: { account: '13812340005', password: 'Second#pass2' },
    });
    expect(login.statusCode).toBe(200);
    // An unknown phone gets the same answer for a reset code, and no SMS is written.
    expect((await requestCode('13812349999', 'reset_password')).statusCode).toBe(200);
    await expect(latestSmsCode(t.app, '13812349999')).rejects.toThrow();
  });

  it('changes the password with the current one and keeps the current session', async () => {
    const id = idNumber('31010519930303006');
    await requestCode('13812340006');
    const reg = await register({
      name: '孙七',
      idNumber: id,
      phone: '13812340006',
      smsCode: await latestSmsCode(t.app, '13812340006'),
      password: 'First#pass1',
    });
    const headers = headersFor(t.app, cookieValue(reg, SESSION_COOKIE)!);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/account/password',
      headers,
      payload: { currentPassword: 'nope', newPassword: 'Other#pass3' },
    });
    expect(wrong.json().error.code).toBe('IDENTITY.PASSWORD_WRONG');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/account/password',
      headers,
      payload: { currentPassword: 'First#pass1', newPassword: 'Other#pass3' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/candidate/account', headers })).statusCode,
    ).toBe(200);
  });

  it('throttles an address after too many failed logins, whatever accounts it tries', async () => {
    const limit = t.app.kaolu.config.identity.ipMaxFailures;
    for (let i = 0; i < limit; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/candidate/auth/login',
        payload: { account: `1381234${String(1000 + i)}`, password: 'Wrong#1x' },
        remoteAddress: '198.51.100.20',
      });
    }
    const next = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/auth/login',
      payload: { account: '13812340006', password: 'Other#pass3' },
      remoteAddress: '198.51.100.20',
    });
    expect(next.statusCode).toBe(429);
    expect(next.json().error.code).toBe('IDENTITY.IP_THROTTLED');
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/auth/login',
      payload: { account: '13812340006', password: 'Other#pass3' },
      remoteAddress: '198.51.100.21',
    });
    expect(elsewhere.statusCode).toBe(200);
  });
});
