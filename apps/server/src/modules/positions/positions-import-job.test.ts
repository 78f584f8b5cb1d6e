import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCollectingEvent, createUnit } from '../events/events.test-support';
import { INLINE_IMPORT_ROWS } from './positions.admin.routes';

async function bigSheet(rows: number, badRow?: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('职位');
  sheet.addRow(['职位代码', '职位名称', '职位类别', '考试类别', '招录人数']);
  for (let i = 1; i <= rows; i++)
    sheet.addRow([
      `B${String(i).padStart(5, '0')}`,
      '综合管理',
      '综合管理类',
      '综合管理类',
      i === badRow ? '多名' : 1,
    ]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('large position imports run as a job with progress', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = (await loginAs(t.app, 'org_admin')).headers;
    const { unitId } = await createUnit(t.app, org, '市大数据中心');
    const { id } = await createCollectingEvent(t.app, org);
    url = `/api/admin/events/${id}/units/${unitId}/positions/import`;
  });
  afterAll(() => t.close());

  it('queues a file above the inline limit, then reports a bad row in the job result without importing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: org,
      payload: { fileBase64: await bigSheet(INLINE_IMPORT_ROWS + 1, 700) },
    });
    expect(res.statusCode).toBe(200);
    const { jobId } = res.json();
    expect(jobId).toEqual(expect.any(String));
    await t.app.kaolu.jobs.drain();
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: org })
    ).json();
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ imported: 0, problems: [{ row: 701, field: '招录人数' }] });
  });

  it('imports every row of a valid large file through the job', async () => {
    const { jobId } = (
      await t.app.inject({
        method: 'POST',
        url,
        headers: org,
        payload: { fileBase64: await bigSheet(INLINE_IMPORT_ROWS + 1) },
      })
    ).json();
    await t.app.kaolu.jobs.drain();
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: org })
    ).json();
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: 100,
      result: { imported: INLINE_IMPORT_ROWS + 1 },
    });
  });
});
