import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';

// What a user typed, bound as a query parameter: it must never reach a log line (NFR-SEC-2/3).
const MARKER = 'p@ssw0rd-typed-4711';

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
        resolvePrincipal: async () => ({
          kind: 'staff',
          id: 'staff-42',
          username: 'ops',
          permissions: new Set(['job.read'] as const),
        }),
        extraRoutes: [
          (app) => {
            // Probes that fail inside the database with the marker as a bound parameter.
            app.post('/api/test/probe/bad-cast', { config: { access: 'public' } }, async () => {
              await t.database.db.execute(sql`select ${MARKER}::uuid as id`);
              return { ok: true };
            });
            app.post('/api/test/probe/duplicate', { config: { access: 'public' } }, async () => {
              for (let i = 0; i < 2; i++) {
                await t.database.db.execute(sql`insert into unit (code, name, kind)
                  values (${MARKER}, ${MARKER}, 'unit')`);
              }
              return { ok: true };
            });
          },
        ],
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
    expect(completed).toMatchObject({
      userId: 'staff-42',
      userKind: 'staff',
      res: { statusCode: 200 },
    });
    expect(typeof completed?.responseTime).toBe('number');
    const text = JSON.stringify(mine);
    expect(text).toContain('/api/jobs');
    expect(text).not.toContain('310101199001011234');
    expect(text).not.toContain('secret-token');
  });

  it.each([
    ['bad-cast', '22P02'],
    ['duplicate', '23505'],
  ])(
    'logs a failed query (%s) with its request id and SQLSTATE, never its parameters',
    async (probe, sqlState) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/test/probe/${probe}`,
        payload: { password: MARKER },
        headers: { authorization: `Bearer ${MARKER}`, 'x-csrf-token': MARKER },
      });
      expect(res.statusCode).toBe(500);
      const requestId = res.json().error.requestId;
      expect(res.headers['x-request-id']).toBe(requestId);
      const logged = lines.find((l) => l.reqId === requestId && l.msg === 'unhandled error');
      expect(logged).toBeDefined();
      // The fault stays findable: the error, its SQL text and the database's own code are kept.
      const text = JSON.stringify(logged);
      expect(text).toContain(sqlState);
      expect(text).toMatch(/select|insert/);
      expect(JSON.stringify(lines)).not.toContain(MARKER);
    },
  );
});
