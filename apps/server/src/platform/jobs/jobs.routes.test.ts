import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';

describe('job progress API', () => {
  let t: TestApp;
  let allowed = true;

  beforeAll(async () => {
    t = await createTestApp(
      {},
      {
        resolvePrincipal: async (request) =>
          request.headers['x-test-user']
            ? {
                kind: 'staff',
                id: 'u1',
                username: 'ops',
                permissions: new Set(allowed ? (['job.read'] as const) : []),
              }
            : undefined,
      },
    );
    t.app.kaolu.jobs.register('demo.count', async ({ reportProgress }) => {
      await reportProgress(40, '处理中');
      return { rows: 3 };
    });
  });
  afterAll(() => t.close());

  it('shows a job with its progress and result to staff who may read jobs', async () => {
    const created = await t.app.kaolu.jobs.enqueue('demo.count', {});
    await t.app.kaolu.jobs.drain();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/jobs/${created.id}`,
      headers: { 'x-test-user': '1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: created.id,
      kind: 'demo.count',
      status: 'succeeded',
      progress: 100,
      result: { rows: 3 },
    });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/jobs?page=1&pageSize=5',
      headers: { 'x-test-user': '1' },
    });
    expect(list.json().total).toBeGreaterThanOrEqual(1);
    expect(list.json().items[0].id).toBe(created.id);
  });

  it('answers 404 with the job code for an unknown job', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/jobs/00000000-0000-4000-8000-000000000000',
      headers: { 'x-test-user': '1' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('JOB.NOT_FOUND');
  });

  it('refuses anonymous callers with 401 and staff without the permission with 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(401);
    allowed = false;
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/jobs',
      headers: { 'x-test-user': '1' },
    });
    allowed = true;
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('COMMON.FORBIDDEN');
  });

  it('rejects a page size above the limit with a Chinese field message', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/jobs?pageSize=5000',
      headers: { 'x-test-user': '1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].label).toBe('每页条数');
  });
});
