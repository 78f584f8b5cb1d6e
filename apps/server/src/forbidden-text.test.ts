import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTestEventsByCode } from './modules/events/events.test-support';
import { cellText, readFirstSheet } from './platform/excel/excel-cells';
import {
  createAuditRecorder,
  loginAs,
  loginAsCandidate,
  type AuthHeaders,
} from './test-support/login-as';
import { createTestApp, type TestApp } from './test-support/test-app';
import { AppError } from './platform/errors/app-error';
import { findForbiddenText, hasForbiddenCharacters } from './platform/errors/validation';

// Text PostgreSQL refuses (NUL) or cannot encode (a lone surrogate): each must be a 400, never a 500 (NFR-SEC-1).
const NUL = 'a\u0000b';
const LONE_HIGH = 'a\ud800b';
const LONE_LOW = 'a\udc00b';

describe('the edge rule against unstorable text', () => {
  it('flags NUL and unpaired surrogates, never tab, CR, LF or a proper pair', () => {
    for (const bad of [NUL, LONE_HIGH, LONE_LOW, '\ud800', 'x\udc00\ud800']) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of ['', '第一行\r\n第二行\t制表', '😀', '\u0001控制字符不在规则内'])
      expect(hasForbiddenCharacters(good)).toBe(false);
  });

  it('names every offending path, object keys and array items included, without recursing', () => {
    const value = { ok: 'fine', list: ['x', NUL], deep: { [LONE_HIGH]: 1 }, num: 3 };
    expect(findForbiddenText(value, 'body').sort()).toEqual(['body.deep.a\\ud800b', 'body.list.1']);
    let nested: unknown = NUL;
    for (let i = 0; i < 100_000; i += 1) nested = [nested];
    expect(findForbiddenText(nested, 'body')).toHaveLength(1);
  });

  it('refuses an Excel cell whose OOXML escape decodes to NUL', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('名单').addRow(['姓名', 'x_x0000_y']);
    const sheet = await readFirstSheet(
      Buffer.from(await book.xlsx.writeBuffer()).toString('base64'),
    );
    expect(cellText(sheet.getCell('A1'))).toBe('姓名');
    const error = (() => {
      try {
        cellText(sheet.getCell('B1'));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('COMMON.INVALID_CHARACTERS');
  });
});

describe('unstorable text over HTTP answers 400 and writes nothing', () => {
  let t: TestApp;
  let org: AuthHeaders;
  const audit = createAuditRecorder();

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
  });
  afterAll(() => t.close());

  // Sent as text: JSON.stringify escapes NUL and a lone surrogate, and JSON.parse restores them on the server.
  const json = (
    method: 'POST' | 'PUT',
    url: string,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const withType = { ...headers, 'content-type': 'application/json' };
    return t.app.inject({ method, url, headers: withType, payload: JSON.stringify(body) });
  };
  type Answer = { statusCode: number; json(): { error: { code: string; details?: unknown } } };
  const expectRefused = (res: Answer, field: string) => {
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('COMMON.INVALID_CHARACTERS');
    expect(
      (error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field),
    ).toContain(field);
  };

  it('refuses NUL and a lone surrogate in the anonymous payment callback', async () => {
    const paidAt = new Date().toISOString();
    const callback = {
      noticeNumber: 'N1',
      transactionId: 'T1',
      amountCents: 5000,
      paidAt,
      signature: '0'.repeat(64),
    };
    const post = (body: object) => json('POST', '/api/payments/callback', body);
    for (const bad of [NUL, LONE_HIGH]) {
      expectRefused(await post({ ...callback, noticeNumber: bad }), 'body.noticeNumber');
      expectRefused(await post({ ...callback, transactionId: bad }), 'body.transactionId');
    }
    expect(audit.actions()).not.toContain('payment.callback_rejected');
  });

  it('refuses a lone surrogate in the staff login user name', async () => {
    const res = await json('POST', '/api/staff/auth/login', {
      username: LONE_HIGH,
      password: 'Irrelevant#2026',
    });
    expectRefused(res, 'body.username');
  });

  it('refuses NUL in an event name from org_admin and creates neither the event nor an audit entry', async () => {
    const before = audit.entries.length;
    const event = { code: 'NUL2026', name: `2026年度${NUL}招录`, type: 'general', year: 2026 };
    const res = await json('POST', '/api/admin/events', event, org);
    expectRefused(res, 'body.name');
    expect(res.json().error.details.fields[0].label).toBe('事项名称');
    expect(await findTestEventsByCode(t.database.db, 'NUL2026')).toEqual([]);
    expect(audit.entries.length).toBe(before);
    // The same event in ordinary text is created: the rule refused the character, nothing else.
    expect(
      (await json('POST', '/api/admin/events', { ...event, name: '2026年度招录' }, org)).statusCode,
    ).toBe(200);
  });

  it('refuses a bad object key, a querystring value and a path parameter on any route', async () => {
    expectRefused(await json('POST', '/api/payments/callback', { [NUL]: 1 }), 'body.a\\u0000b');
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: org });
    expectRefused(await get('/api/admin/events?status=%00'), 'querystring.status');
    expectRefused(await get('/api/admin/events/%00'), 'params.id');
  });

  it('never takes a proxy request id carrying such text: it is logged and audited as given', async () => {
    for (const bad of [`req-${NUL}-12345678`, `req-${LONE_HIGH}-12345678`]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': bad },
      });
      expect(String(res.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('refuses NUL in the file name of a multipart upload', async () => {
    const candidate = await loginAsCandidate(t.app);
    const boundary = 'kaolu-boundary';
    const payload = [
      `--${boundary}`,
      `content-disposition: form-data; name="file"; filename*=UTF-8''cv%00.pdf`,
      'content-type: application/pdf',
      '',
      '%PDF-1.4 test',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/profile/attachments',
      headers: {
        ...candidate.headers,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expectRefused(res, 'body.file.filename');
  });
});
