import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, loginAsCandidate } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import type { installMaskingScan } from '../../test-support/masking-scan';

describe("revealing a candidate's clear personal data (NFR-SEC-3)", () => {
  let t: TestApp;
  const audit = createAuditRecorder();
  let candidateId: string;

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    candidateId = (await loginAsCandidate(t.app)).candidateId;
  });
  afterAll(() => t.close());

  const reveal = async (headers: Record<string, string>, body: unknown, id = candidateId) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/candidates/${id}/reveal`,
      headers,
      payload: body as object,
    });

  it('shows the clear phone to a permitted user who gives a reason, and audits it first', async () => {
    const { headers, userId } = await loginAs(t.app, 'org_admin');
    const res = await reveal(headers, { field: 'phone', reason: '核对考生联系方式' });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toMatch(/^139\d{8}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const entry = audit.entries.find((e) => e.action === 'personal_data.revealed');
    expect(entry).toMatchObject({
      targetId: candidateId,
      details: { field: 'phone', reason: '核对考生联系方式' },
    });
    expect(entry?.actor).toMatchObject({ kind: 'staff', id: userId });
  });

  it('refuses without a reason, naming the field in Chinese, and reveals nothing', async () => {
    const { headers } = await loginAs(t.app, 'org_admin');
    const before = audit.entries.length;
    const res = await reveal(headers, { field: 'id_number', reason: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].label).toBe('查看事由');
    expect(audit.entries.length).toBe(before);
  });

  it('refuses a unit reviewer without the permission, and answers 404 for an unknown candidate', async () => {
    const reviewer = await loginAs(t.app, 'exam_institute');
    expect(
      (await reveal(reviewer.headers, { field: 'phone', reason: '核对联系方式' })).statusCode,
    ).toBe(403);
    const admin = await loginAs(t.app, 'org_admin');
    const missing = await reveal(
      admin.headers,
      { field: 'phone', reason: '核对联系方式' },
      '00000000-0000-4000-8000-000000000000',
    );
    expect(missing.json().error.code).toBe('CANDIDATE.NOT_FOUND');
  });
});

describe('the API-wide masking scan', () => {
  it('catches a clear ID number or phone in any JSON answer', async () => {
    const leaky = (app: Parameters<ReturnType<typeof installMaskingScan>>[0]) => {
      app.get('/api/probe/leak', { config: { access: 'public' } }, async () => ({
        person: { id: '310101199001011237', phone: '13812345678' },
      }));
    };
    const t = await createTestApp({}, { extraRoutes: [leaky] });
    await t.app.inject({ method: 'GET', url: '/api/probe/leak' });
    await expect(t.close()).rejects.toThrow(
      /unmasked ID or phone numbers[\s\S]*\/api\/probe\/leak/,
    );
  });
});
