// Position search and position detail under load: 100 connections, 30 s per route, against a
// server process on PostgreSQL holding the seeded demo event and a 20 000-position event, beside a bare
// route doing one trivial query in the same process (the ceiling). Run:
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/position-search.bench.ts [seconds=30] [connections=100]
// Uses a throw-away database (dropped at the end) and prints a Markdown table for docs/performance.md.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { copyTemplate } from '../src/modules/events';
import { createSoftwareCryptoProvider } from '../src/platform/crypto';
import { insertDemoData } from '../src/seed/demo-seed';
import { createTestDatabase } from '../src/test-support/test-database';

const SECONDS = Number(process.argv[2] ?? 30);
const CONNECTIONS = Number(process.argv[3] ?? 100);
const PORT = 3950 + Math.floor(Math.random() * 40);
if (!process.env.TEST_DATABASE_URL) throw new Error('设置 TEST_DATABASE_URL（PostgreSQL）后再运行');

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kaolu-position-bench-'));
const database = await createTestDatabase();
await applyMigrations(database);
const { provider: crypto } = await createSoftwareCryptoProvider({ dataDir, isProduction: false });
await insertDemoData(
  database.db,
  crypto,
  { seed: 'bench', year: 2026, candidateCount: 100 },
  async () => undefined,
);
const db = database.db;
const [demo] = rowsOf<{ id: string }>(
  await db.execute(sql`select id from recruitment_event limit 1`),
);

// The large event: 20 000 published positions spread over the demo units, with varied conditions.
const [big] = rowsOf<{ id: string }>(
  await db.execute(sql`
  insert into recruitment_event (code, name, type, year, status, policy)
  values ('BENCH-20K', '压测事项（2万职位）', 'general', 2026, 'registration', ${JSON.stringify(copyTemplate('general'))}::jsonb) returning id`),
);
await db.execute(sql`
  insert into position (event_id, unit_id, code, title, category, exam_category, headcount, conditions, status)
  select ${big!.id}, u.ids[1 + g % array_length(u.ids, 1)], 'B' || lpad(g::text, 6, '0'),
    (array['综合管理','行政执法','信息技术','财务会计','食品安全监管'])[1 + g % 5] || '岗' || g,
    (array['comprehensive','law_enforcement','professional','police'])[1 + g % 4],
    (array['comprehensive','law_enforcement','professional','police'])[1 + g % 4], 1 + g % 5,
    jsonb_build_object('minEducation', (array['bachelor','master','junior_college'])[1 + g % 3],
      'residence', (array['any','hukou_or_permit','shanghai_hukou'])[1 + g % 3],
      'majorKeywords', jsonb_build_array((array['法学','会计学','计算机科学与技术','汉语言文学','临床医学'])[1 + g % 5]), 'maxAge', 35),
    'published'
  from generate_series(1, 20000) g, (select array_agg(id order by code) ids from unit where kind = 'unit') u`);
await db.execute(sql`analyze`);
const ids = rowsOf<{ id: string }>(
  await db.execute(
    sql`select id from position where event_id = ${big!.id} order by random() limit 2000`,
  ),
).map((r) => r.id);

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/position-search.server.ts'], {
  cwd: serverRoot,
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'fatal',
    NODE_ENV: 'development',
    DB_POOL_MAX: '10',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  if (i > 120) throw new Error('server did not start');
  const ok = await fetch(`${base}/api/ready`)
    .then((r) => r.ok)
    .catch(() => false);
  if (ok) break;
  await new Promise((r) => setTimeout(r, 500));
}

type Run = {
  label: string;
  rps: number;
  ok: number;
  other: number;
  p50: number;
  p99: number;
  max: number;
};
const q = (params: Record<string, string>) =>
  `/api/public/positions?${new URLSearchParams(params)}`;
// Each load is warmed for 3 s first (answers cached as after minutes of real traffic), except the
// last: 24 000 distinct queries that are mostly answered once, which shows what a cache miss costs.
const loads: Array<{ label: string; paths: string[]; cold?: true }> = [
  { label: 'bare route (select 1)', paths: ['/api/bench/bare'] },
  {
    label: 'search, demo event (300 positions)',
    paths: [q({ eventId: demo!.id, page: '1', pageSize: '20' })],
  },
  {
    label: 'search, 20 000-position event, page 1',
    paths: [q({ eventId: big!.id, page: '1', pageSize: '20' })],
  },
  {
    label: 'search, 20 000 event, filters + keyword',
    paths: ['财务', '食品', '信息', '执法'].map((k) =>
      q({
        eventId: big!.id,
        keyword: k,
        education: 'bachelor',
        residence: 'any',
        category: 'professional',
        sort: 'headcount',
        order: 'desc',
      }),
    ),
  },
  {
    label: 'search, 20 000 event, page 500',
    paths: [q({ eventId: big!.id, page: '500', pageSize: '20' })],
  },
  { label: 'position detail (2 000 ids)', paths: ids.map((id) => `/api/public/positions/${id}`) },
  {
    label: 'search, 20 000 event, 24 000 distinct queries, cold',
    cold: true,
    paths: Array.from({ length: 24_000 }, (_, i) =>
      q({
        eventId: big!.id,
        page: String(((i * 7919) % 1000) + 1),
        pageSize: String([10, 20, 30, 50][i % 4]),
        sort: ['code', 'headcount', 'unit'][i % 3]!,
        order: i % 2 ? 'desc' : 'asc',
      }),
    ),
  },
];

async function measure(label: string, paths: string[], warm: boolean): Promise<Run> {
  let n = 0;
  if (warm) {
    await autocannon({
      url: base,
      connections: 10,
      duration: 3,
      requests: [
        { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) },
      ],
    });
  }
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 20,
    requests: [
      { method: 'GET', setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length] }) },
    ],
  });
  const codes = r.statusCodeStats ?? {};
  const ok = codes['200']?.count ?? 0;
  const total = Object.values(codes).reduce((s, c) => s + c.count, 0);
  return {
    label,
    rps: ok / SECONDS,
    ok,
    other: total - ok + r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
  };
}

const runs: Run[] = [];
try {
  for (const load of loads) runs.push(await measure(load.label, load.paths, !load.cold));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await database.close();
}
const ceiling = runs[0]!.rps;
console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per route, node ${process.version}\n`);
console.log('| route | 2xx/s | 2xx | other | p50 ms | p99 ms | max ms | share of bare route |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of runs)
  console.log(
    `| ${r.label} | ${r.rps.toFixed(1)} | ${r.ok} | ${r.other} | ${r.p50} | ${r.p99} | ${r.max} | ${((100 * r.rps) / ceiling).toFixed(0)}% |`,
  );
