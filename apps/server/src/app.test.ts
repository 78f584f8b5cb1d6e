import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './platform/errors/app-error';
import type { ZodApp } from './platform/http/types';
import { createTestApp, type TestApp } from './test-support/test-app';

describe('platform HTTP behaviour', () => {
  let t: TestApp;
  let webDist: string;

  beforeAll(async () => {
    webDist = await mkdtemp(path.join(os.tmpdir(), 'kaolu-web-'));
    await writeFile(path.join(webDist, 'index.html'), '<!doctype html><title>kaolu spa</title>');
    await writeFile(path.join(webDist, 'app.js'), 'console.log(1)');
    t = await createTestApp({ webDistDir: webDist });
  });
  afterAll(() => t.close());

  it('answers health with status ok and the version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
  });

  it('answers ready when the database responds, naming the driver', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: 'ok',
      driver: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('puts a request id on every answer, also on errors', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/health' });
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(ok.headers['x-request-id']).toMatch(/.{8,}/);
    expect(missing.headers['x-request-id']).toBe(missing.json().error.requestId);
  });

  it('keeps a well-formed request id from the proxy and replaces a malformed one', async () => {
    const kept = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'proxy-1234abcd' },
    });
    const replaced = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'bad id\n<script>' },
    });
    expect(kept.headers['x-request-id']).toBe('proxy-1234abcd');
    expect(replaced.headers['x-request-id']).not.toContain('script');
  });

  it('answers an unknown API route with 404 and the route-not-found code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({
      code: 'COMMON.ROUTE_NOT_FOUND',
      message: '接口不存在',
    });
  });

  it('serves index.html for client-side routes of every portal (history fallback)', async () => {
    for (const url of ['/', '/admin/jobs', '/hospital', '/interview/check-in?x=1']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('kaolu spa');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves built assets and answers a missing asset with 404 rather than the page', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/app.js' })).body).toContain('console.log');
    expect((await t.app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
  });

  it('serves the OpenAPI document and its UI at /api/docs', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/jobs', '/api/public/events']),
    );
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('error model', () => {
  let t: TestApp;

  const probeRoutes = (app: ZodApp) => {
    const EchoSchema = z.object({
      name: z.string().min(1).meta({ title: '姓名' }),
      age: z.number().int().meta({ title: '年龄' }),
      phone: z
        .string()
        .regex(/^1\d{10}$/)
        .meta({ title: '手机号' }),
    });
    app.post(
      '/api/probe/echo',
      { schema: { body: EchoSchema }, config: { access: 'public' } },
      async (request) => request.body,
    );
    app.get('/api/probe/app-error', { config: { access: 'public' } }, async () => {
      throw new AppError('EVENT.NOT_FOUND');
    });
    app.get('/api/probe/boom', { config: { access: 'public' } }, async () => {
      throw new Error('secret internal detail');
    });
  };

  beforeAll(async () => {
    t = await createTestApp({}, { extraRoutes: [probeRoutes] });
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 COMMON.MALFORMED_REQUEST in Chinese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'COMMON.MALFORMED_REQUEST',
      message: '请求格式不正确',
    });
    expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
  });

  it('names every failing field in Chinese on a schema violation', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: '', age: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('COMMON.VALIDATION_FAILED');
    const labels = error.details.fields.map((f: { label: string }) => f.label).sort();
    expect(labels).toEqual(['姓名', '年龄', '手机号'].sort());
    expect(error.message).toContain('姓名');
    expect(error.details.fields.map((f: { field: string }) => f.field)).toContain('body.phone');
  });

  it('accepts a valid body and echoes it', async () => {
    const body = { name: '张三', age: 30, phone: '12000000000' };
    const res = await t.app.inject({ method: 'POST', url: '/api/probe/echo', payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(body);
  });

  it('maps a thrown AppError to its status, code and message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/probe/app-error' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'EVENT.NOT_FOUND', message: '招录事项不存在' });
  });

  it('answers an unexpected error with 500, a request id and no internals', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/probe/boom' });
    expect(res.statusCode).toBe(500);
    const error = res.json().error;
    expect(error.code).toBe('COMMON.INTERNAL');
    expect(error.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toContain('secret internal detail');
  });

  it('refuses at start-up a route that declares no access rule', async () => {
    const open = (app: ZodApp) => {
      app.get('/api/probe/open', async () => 'x');
    };
    await expect(createTestApp({}, { extraRoutes: [open] })).rejects.toThrow(
      /declares no access rule/,
    );
  });
});
