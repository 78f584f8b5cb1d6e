import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Permission } from '@kaolu/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../platform/auth/access';
import { verifyAuditExport } from '../../platform/audit';
import { tamperAsSuperuser } from '../../platform/audit/audit.test-support';
import { createTestApp, type TestApp } from '../../test-support/test-app';

let t: TestApp;
let principal: Principal | undefined;
const as = (...permissions: Permission[]) => {
  principal = {
    kind: 'staff',
    id: 'auditor-1',
    username: 'auditor',
    permissions: new Set(permissions),
  };
};

beforeAll(async () => {
  t = await createTestApp(
    { dataDir: mkdtempSync(join(tmpdir(), 'kaolu-audit-admin-')) },
    { resolvePrincipal: async () => principal },
  );
  const audit = t.app.kaolu.audit;
  const db = t.app.kaolu.database.db;
  for (let n = 1; n <= 6; n++) {
    await audit.record(db, {
      action: n <= 3 ? 'login.failed' : 'role.granted',
      actor: n % 2 ? { kind: 'staff', id: 'u-wang', username: 'wang' } : { kind: 'anonymous' },
      targetType: n <= 3 ? 'staff_user' : 'role_grant',
      targetId: `t-${n}`,
      result: n <= 3 ? 'failure' : 'success',
      details: { n },
    });
  }
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });

describe('audit admin access', () => {
  it('answers 401 to every audit route without a session', async () => {
    principal = undefined;
    for (const res of [
      await get('/api/audit/entries'),
      await post('/api/audit/verify', {}),
      await post('/api/audit/export', {}),
    ]) {
      expect(res.statusCode).toBe(401);
    }
  });

  it('answers 403 when the staff user lacks the route permission', async () => {
    as('job.read');
    expect((await get('/api/audit/entries')).statusCode).toBe(403);
    as('audit.read');
    expect((await post('/api/audit/verify', {})).statusCode).toBe(403);
    expect((await post('/api/audit/export', {})).statusCode).toBe(403);
  });
});

describe('audit entries list', () => {
  it('filters by action prefix, exact action, actor, target and result, newest first', async () => {
    as('audit.read');
    const logins = (await get('/api/audit/entries?action=login')).json();
    expect(logins.total).toBe(3);
    expect(logins.items.map((e: { id: number }) => e.id)).toEqual([3, 2, 1]);
    expect(
      (await get('/api/audit/entries?action=role.granted&actor=wang'))
        .json()
        .items.map((e: { id: number }) => e.id),
    ).toEqual([5]);
    expect((await get('/api/audit/entries?targetType=staff_user&targetId=t-2')).json().total).toBe(
      1,
    );
    expect((await get('/api/audit/entries?result=success')).json().total).toBe(3);
  });

  it('pages and filters by time', async () => {
    as('audit.read');
    const page = (await get('/api/audit/entries?page=2&pageSize=4')).json();
    expect(page.items.map((e: { id: number }) => e.id)).toEqual([2, 1]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await get(`/api/audit/entries?from=${encodeURIComponent(future)}`)).json()).toEqual({
      items: [],
      total: 0,
    });
  });
});

describe('audit verification and export', () => {
  it('verifies the log, records that it did, and names the first broken entry after tampering', async () => {
    as('audit.verify', 'audit.read');
    const intact = await post('/api/audit/verify', {});
    expect(intact.json()).toMatchObject({ intact: true, fromId: 1, toId: 6, firstBreak: null });
    const recorded = (await get('/api/audit/entries?action=audit.verified')).json().items[0];
    expect(recorded).toMatchObject({ actorName: 'auditor', details: { intact: true, toId: 6 } });

    const db = t.app.kaolu.database.db;
    await tamperAsSuperuser(db, [sql`update audit_entry set result = 'success' where id = 2`]);
    const broken = (await post('/api/audit/verify', { fromId: 1, toId: 6 })).json();
    expect(broken).toMatchObject({
      intact: false,
      firstBreak: { entryId: 2, reason: 'mac_mismatch' },
    });
    await tamperAsSuperuser(db, [sql`update audit_entry set result = 'failure' where id = 2`]);
  });

  it('exports a range as a workbook and signature file that verify offline with the public key', async () => {
    as('audit.export', 'audit.read');
    const res = await post('/api/audit/export', { fromId: 2, toId: 5 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      fromId: 2,
      toId: 5,
      count: 4,
      chainIntact: true,
      workbookFile: expect.stringMatching(/\.xlsx$/),
    });
    const { publicKeyHex } = (await get('/api/audit/public-key')).json();
    const offline = await verifyAuditExport({
      workbook: Buffer.from(body.workbookBase64, 'base64'),
      manifestText: body.signatureText,
      publicKeyHex,
    });
    expect(offline).toMatchObject({ ok: true, rowsChecked: 4 });
    expect(
      (await get('/api/audit/entries?action=audit.exported')).json().items[0].details,
    ).toMatchObject({ fromId: 2, toId: 5, count: 4 });
  });

  it('answers 404 AUDIT.RANGE_EMPTY for a time range without entries', async () => {
    as('audit.export');
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const res = await post('/api/audit/export', { from: future });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('AUDIT.RANGE_EMPTY');
  });
});
