import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCandidate, createOpenEvent } from '../registrations/registration.test-support';
import { fileCase } from './problems.test-support';

// The staff side of the problem center (ONL-01b, e): queues by responsible role, search, paging,
// Excel export, statistics and assignment.
describe('problem queues', () => {
  let t: TestApp;
  let eventId: string;
  let org: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    t = await createTestApp();
    eventId = (await createOpenEvent(t.app)).id;
    org = await loginAs(t.app, 'org_admin');
    // One appeal in the org's queue, so the support user has something he must not see.
    const c = await createCandidate(t.app);
    await fileCase(t.app, c.headers, { type: 'greylist_appeal', eventId });
  });
  afterAll(() => t.close());

  // Queues follow the responsible role: support answers technical questions and sees nothing else.
  it('shows support only technical questions, searches, pages, exports and counts', async () => {
    const c = await createCandidate(t.app);
    const tech = await fileCase(t.app, c.headers, { type: 'technical' });
    const support = await loginAs(t.app, 'support');
    // Support answers it, so the statistics count one answered case.
    const replied = await t.app.inject({
      method: 'POST',
      url: `/api/admin/problems/${tech.id}/replies`,
      headers: support.headers,
      payload: { body: '请清除浏览器缓存后重试' },
    });
    expect(replied.statusCode).toBe(200);
    const queue = await t.app.inject({
      method: 'GET',
      url: '/api/admin/problems?pageSize=200',
      headers: support.headers,
    });
    const types = new Set(queue.json().items.map((i: { type: string }) => i.type));
    expect([...types]).toEqual(['technical']);
    const appeal = (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/problems?type=greylist_appeal',
        headers: org.headers,
      })
    ).json().items[0];
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/admin/problems/${appeal.id}`,
      headers: support.headers,
    });
    expect(hidden.statusCode).toBe(404);
    const found = await t.app.inject({
      method: 'GET',
      url: `/api/admin/problems?q=${tech.caseNumber}&page=1&pageSize=1`,
      headers: org.headers,
    });
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: tech.id }] });
    // Support may not export (problem.export is the org department's), the org may.
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/admin/problems/export',
      headers: support.headers,
    });
    expect(denied.statusCode).toBe(403);
    // The workbook opens with Chinese headers and labels, not codes.
    const file = await t.app.inject({
      method: 'GET',
      url: '/api/admin/problems/export?type=technical',
      headers: org.headers,
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('问题编号');
    expect(sheet.rowCount - 1).toBeGreaterThanOrEqual(1);
    expect(sheet.getRow(2).getCell(2).text).toBe('技术问题咨询');
    const stats = (
      await t.app.inject({ method: 'GET', url: '/api/admin/problems/stats', headers: org.headers })
    ).json();
    expect(stats.byType).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'technical' })]),
    );
    expect(stats.answered).toBeGreaterThanOrEqual(1);
    expect(stats.averageHoursToAnswer).not.toBeNull();
  });

  // Assignment stays within the department that answers the type (ONL-01b).
  it('assigns a case to a handler of its department and refuses anyone else', async () => {
    const c = await createCandidate(t.app);
    const filed = await fileCase(t.app, c.headers, {
      type: 'name_change',
      eventId,
      requestedName: '李四',
    });
    const colleague = await loginAs(t.app, 'org_admin');
    const support = await loginAs(t.app, 'support');
    const handlers = await t.app.inject({
      method: 'GET',
      url: `/api/admin/problems/${filed.id}/handlers`,
      headers: org.headers,
    });
    const ids = handlers.json().map((h: { id: string }) => h.id);
    expect(ids).toContain(colleague.userId);
    expect(ids).not.toContain(support.userId);
    const assign = (assigneeId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/admin/problems/${filed.id}/assign`,
        headers: org.headers,
        payload: { assigneeId },
      });
    expect((await assign(support.userId)).statusCode).toBe(400);
    const done = await assign(colleague.userId);
    expect(done.json().assigneeName).toBe(colleague.username);
    expect(done.json().entries.at(-1)).toMatchObject({ kind: 'assigned' });
  });
});
