import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';

// The server process as operators run it: start, seed, stop on SIGTERM, start again on the same data.
describe('server lifecycle on the embedded database', () => {
  let server: RunningServer | undefined;
  let dataDir = '';

  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('finishes an in-flight request, then exits 0 on SIGTERM', async () => {
    server = await startServer({ LOG_LEVEL: 'info' });
    dataDir = server.dataDir;
    // SIGTERM as soon as the server has logged that it started on the search: it must still answer it.
    const started = () =>
      server!
        .logs()
        .split('\n')
        .filter((l) => l.includes('/api/public/positions') && l.includes('incoming request'))
        .length;
    const answer = fetch(
      `${server.url}/api/public/positions?pageSize=100&keyword=${encodeURIComponent('局')}`,
    ).then((res) => res.status);
    while (started() === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const exitCode = await server.stop({ keepData: true });
    expect(await answer).toBe(200);
    expect(exitCode).toBe(0);
    expect(server.logs()).toContain('正在停止');
    server = undefined;
  });

  it('keeps its data across a restart and does not seed twice', async () => {
    server = await startServer({ LOG_LEVEL: 'info' }, { dataDir });
    const events = await (await fetch(`${server.url}/api/public/events`)).json();
    expect(events.total).toBe(1);
    expect(server.logs()).toContain('跳过演示数据');
    const positions = await (await fetch(`${server.url}/api/public/positions?pageSize=1`)).json();
    expect(positions.total).toBeGreaterThan(250);
  });
});
