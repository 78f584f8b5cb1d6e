import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';

describe('request logs', () => {
  let t: TestApp;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    t = await createTestApp(
      { logLevel: 'info' },
      {
        logStream: stream,
        resolvePrincipal: async () => ({ kind: 'staff', id: 'staff-42', username: 'ops', permissions: new Set(['job.read'] as const) }),
      },
    );
  });
  afterAll(() => t.close());

  it('carries request id, user id and latency, never the query string or cookies', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/jobs?page=1&keyword=310101199001011234',
      headers: { cookie: 'kaolu_session=secret-token' },
    });
    expect(res.statusCode).toBe(200);
    const requestId = res.headers['x-request-id'];
    const mine = lines.filter((l) => l.reqId === requestId);
    const completed = mine.find((l) => l.msg === 'request completed');
    expect(completed).toMatchObject({ userId: 'staff-42', userKind: 'staff', res: { statusCode: 200 } });
    expect(typeof completed?.responseTime).toBe('number');
    const text = JSON.stringify(mine);
    expect(text).toContain('/api/jobs');
    expect(text).not.toContain('310101199001011234');
    expect(text).not.toContain('secret-token');
  });
});
