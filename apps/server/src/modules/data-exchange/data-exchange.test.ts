import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../config';
import { applyMigrations } from '../../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database';
import { createCircuitBreaker } from './circuit-breaker';
import { createCityPlatformSimulator, deriveSimulatedPerson } from './city-platform.simulator';
import { createDataExchange } from './data-exchange.service';
import { ExchangeUnavailableError } from './data-exchange.types';
import { findInterfaceLogs } from './interface-log.repository';
import { createResilientHttpClient } from './resilient-http-client';

type Reply = { status: number; body?: unknown } | 'network' | 'hang';

/** A fetch that answers from a script, one reply per attempt, and counts the attempts. */
function scriptedFetch(replies: Reply[]) {
  const calls: string[] = [];
  const impl = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push(String(url));
    const reply = replies.shift() ?? { status: 200, body: {} };
    if (reply === 'network') throw new TypeError('fetch failed');
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)),
      );
    }
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { impl, calls };
}

const noSleep = async () => undefined;

describe('resilient HTTP client', () => {
  it('retries a 5xx answer with backoff and reports the attempts it took', async () => {
    const f = scriptedFetch([{ status: 502 }, { status: 200, body: { shanghaiHukou: true } }]);
    const waits: number[] = [];
    const client = createResilientHttpClient({
      baseUrl: 'http://city.test/api',
      timeoutMs: 100,
      retries: 2,
      fetchImpl: f.impl,
      sleep: async (ms) => void waits.push(ms),
    });
    const answer = await client.post('hukou/check', { idNumber: 'x' });
    expect(answer).toEqual({ found: true, body: { shanghaiHukou: true }, attempts: 2 });
    expect(f.calls).toEqual([
      'http://city.test/api/hukou/check',
      'http://city.test/api/hukou/check',
    ]);
    expect(waits).toHaveLength(1);
  });

  it('gives up after the retries with a timeout outcome when the platform hangs', async () => {
    const f = scriptedFetch(['hang', 'hang']);
    const client = createResilientHttpClient({
      baseUrl: 'http://city.test',
      timeoutMs: 30,
      retries: 1,
      fetchImpl: f.impl,
      sleep: noSleep,
    });
    const error = await client.post('x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExchangeUnavailableError);
    expect(error).toMatchObject({ outcome: 'timeout', attempts: 2 });
  });

  it('answers "no record" on 404 and does not retry a 400', async () => {
    const f = scriptedFetch([{ status: 404 }, { status: 400 }]);
    const client = createResilientHttpClient({
      baseUrl: 'http://city.test',
      timeoutMs: 100,
      retries: 3,
      fetchImpl: f.impl,
      sleep: noSleep,
    });
    expect(await client.post('permit', {})).toEqual({ found: false, attempts: 1 });
    await expect(client.post('permit', {})).rejects.toMatchObject({
      outcome: 'error',
      attempts: 1,
    });
    expect(f.calls).toHaveLength(2);
  });

  it('opens the circuit after repeated failures, refuses at once, and closes after a good probe', async () => {
    let clock = 0;
    const breaker = createCircuitBreaker({
      failureThreshold: 2,
      cooldownMs: 1000,
      now: () => clock,
    });
    const f = scriptedFetch(['network', 'network', { status: 200, body: { ok: 1 } }]);
    const client = createResilientHttpClient({
      baseUrl: 'http://city.test',
      timeoutMs: 100,
      retries: 0,
      breaker,
      fetchImpl: f.impl,
      sleep: noSleep,
    });
    await expect(client.post('a', {})).rejects.toMatchObject({ outcome: 'error' });
    await expect(client.post('a', {})).rejects.toMatchObject({ outcome: 'error' });
    await expect(client.post('a', {})).rejects.toMatchObject({
      outcome: 'circuit_open',
      attempts: 0,
    });
    expect(f.calls).toHaveLength(2);
    clock = 1000;
    expect(await client.post('a', {})).toMatchObject({ found: true, attempts: 1 });
    expect(breaker.state()).toBe('closed');
  });
});

describe('city platform simulator', () => {
  it('answers the same person the same way every time, with realistic proportions', () => {
    expect(deriveSimulatedPerson('310104199001011234')).toEqual(
      deriveSimulatedPerson('310104199001011234'),
    );
    const ids = Array.from(
      { length: 400 },
      (_, i) => `${i % 2 ? '310115' : '320102'}1995${String(1000 + i).padStart(8, '0')}`,
    );
    const people = ids.map(deriveSimulatedPerson);
    const shanghaiBorn = people.filter((_, i) => i % 2 === 1);
    const hukouShare =
      shanghaiBorn.filter((p) => p.hukou.shanghaiHukou).length / shanghaiBorn.length;
    expect(hukouShare).toBeGreaterThan(0.8);
    const holders = people.filter((p) => p.permit.held);
    expect(holders.length).toBeGreaterThan(100);
    const points = holders.map((p) => (p.points.held ? p.points.points : 0));
    expect(Math.min(...points)).toBeLessThan(120);
    expect(Math.max(...points)).toBeGreaterThanOrEqual(120);
  });

  it('uses overrides for one person and can be taken down per interface', async () => {
    const sim = createCityPlatformSimulator();
    sim.setPerson('X1', {
      hukou: { shanghaiHukou: false, district: null },
      points: { held: true, points: 130, standardScore: 120 },
    });
    expect(await sim.getPermitPoints({ idNumber: 'X1' })).toEqual({
      held: true,
      points: 130,
      standardScore: 120,
    });
    sim.setAvailable(false, 'hukou');
    await expect(sim.checkHukou({ idNumber: 'X1', name: '张三' })).rejects.toBeInstanceOf(
      ExchangeUnavailableError,
    );
    expect(await sim.getPermitPoints({ idNumber: 'X1' })).toMatchObject({ points: 130 });
  });
});

describe('interface log', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await applyMigrations(database);
  });
  afterAll(() => database.close());

  it('records every call with the adapter, a masked subject, the outcome and the latency', async () => {
    const config = testConfig();
    const exchange = createDataExchange({
      db: database.db,
      exchange: config.exchange,
      realNameConfig: config.identity.realName,
      isProduction: false,
    });
    await exchange.city.checkHukou({ idNumber: '310104199001011236', name: '王小明' });
    exchange.simulators.city!.setAvailable(false, 'permit_points');
    await expect(
      exchange.city.getPermitPoints({ idNumber: '320102199001011235' }),
    ).rejects.toBeInstanceOf(ExchangeUnavailableError);
    const page = await findInterfaceLogs(database.db, { page: 1, pageSize: 10 });
    expect(page.total).toBe(2);
    const byAdapter = Object.fromEntries(page.items.map((r) => [r.adapter, r]));
    expect(byAdapter.hukou).toMatchObject({
      outcome: 'ok',
      subjectMasked: '310***********1236',
      provider: 'simulator',
      attempts: 1,
    });
    expect(byAdapter.permit_points).toMatchObject({
      outcome: 'error',
      subjectMasked: '320***********1235',
    });
    expect(byAdapter.permit_points!.error).toContain('暂停服务');
    expect(page.items.every((r) => r.latencyMs >= 0)).toBe(true);
    expect(JSON.stringify(page)).not.toContain('310104199001011236');
  });

  it('turns a down real-name interface into the identity module\'s "unavailable" error', async () => {
    const config = testConfig();
    const exchange = createDataExchange({
      db: database.db,
      exchange: config.exchange,
      realNameConfig: config.identity.realName,
      isProduction: false,
    });
    expect(
      await exchange.realName.verify({ name: '李四', idNumber: '310104199001011236' }),
    ).toEqual({ match: true });
    expect(
      await exchange.realName.verify({ name: '测试不符李四', idNumber: '310104199001011236' }),
    ).toEqual({ match: false });
    exchange.simulators.city!.setAvailable(false, 'real_name');
    await expect(
      exchange.realName.verify({ name: '李四', idNumber: '310104199001011236' }),
    ).rejects.toMatchObject({ code: 'IDENTITY.REAL_NAME_UNAVAILABLE' });
  });
});
