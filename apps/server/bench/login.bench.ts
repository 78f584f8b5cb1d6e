// Login under load: candidate logins at 10 and 100 connections while a second load reads
// public positions, against a server process on PostgreSQL. Run:
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/login.bench.ts [seconds=20]
// Uses a throw-away database (dropped at the end) and prints a Markdown table for docs/performance.md.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { candidate } from '../src/modules/candidates/candidate.table';
import { createPasswordHasher } from '../src/modules/identity/password-hasher';
import { createSoftwareCryptoProvider } from '../src/platform/crypto';
import { insertDemoData } from '../src/seed/demo-seed';
import { applyMigrations } from '../src/db/migrate';
import { createTestDatabase } from '../src/test-support/test-database';

const SECONDS = Number(process.argv[2] ?? 20);
const PASSWORD = 'Bench#2026pass';
const PORT = 3900 + Math.floor(Math.random() * 50);
if (!process.env.TEST_DATABASE_URL) throw new Error('设置 TEST_DATABASE_URL（PostgreSQL）后再运行');

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kaolu-login-bench-'));
const database = await createTestDatabase();
await applyMigrations(database);
const { provider: crypto } = await createSoftwareCryptoProvider({ dataDir, isProduction: false });
await insertDemoData(
  database.db,
  crypto,
  { seed: 'bench', year: 2026, candidateCount: 600 },
  async () => undefined,
);
// One real PBKDF2-HMAC-SM3 hash shared by every account: each login still pays the full check.
const hasher = createPasswordHasher({
  crypto,
  iterations: 100_000,
  concurrency: 1,
  queueTimeoutMs: 60_000,
  queueMax: 10,
});
await database.db
  .update(candidate)
  .set({ passwordHash: await hasher.hash(PASSWORD), passwordSetAt: new Date() });
const rows = await database.db
  .select({ id: candidate.id, phoneEnc: candidate.phoneEnc })
  .from(candidate)
  .limit(500);
const phones = rows.map((r) =>
  crypto.decryptField(r.phoneEnc, { table: 'candidate', column: 'phone', rowId: r.id }),
);
const [sample] = await database.db.select().from(candidate).where(eq(candidate.id, rows[0]!.id));
if (!sample?.passwordHash) throw new Error('no bench accounts');

// Jobs on, as in production: the audit sealer chains every login's entry while the load runs.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: serverRoot,
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'true',
    LOG_LEVEL: 'fatal',
    NODE_ENV: 'development',
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
  busy: number;
  other: number;
  p50: number;
  p99: number;
  max: number;
};

function loginLoad(connections: number) {
  let n = 0;
  return autocannon({
    url: base,
    connections,
    duration: SECONDS,
    timeout: 20,
    requests: [
      {
        method: 'POST',
        path: '/api/candidate/auth/login',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ account: phones[n++ % phones.length], password: PASSWORD }),
        }),
      },
    ],
  });
}
/**
 * Position reads beside the logins: `rate` caps them at a steady requests/s (the background a login
 * node sees at a peak), without it they take all the CPU they can get (a saturation test).
 */
const READ_RATE = 100;
const readLoad = (rate?: number) =>
  autocannon({
    url: `${base}/api/public/positions?page=1&pageSize=20`,
    connections: 10,
    duration: SECONDS,
    timeout: 20,
    ...(rate ? { overallRate: rate } : {}),
  });

function summarise(label: string, r: autocannon.Result): Run {
  const codes = r.statusCodeStats ?? {};
  const count = (code: string) => codes[code]?.count ?? 0;
  const ok = count('200');
  const busy = count('503');
  const total = Object.values(codes).reduce((s, c) => s + c.count, 0);
  return {
    label,
    rps: ok / SECONDS,
    ok,
    busy,
    other: total - ok - busy + r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
  };
}

// Baseline in the same run: one hash on an otherwise idle machine bounds what two cores can do.
await hasher.verify(PASSWORD, sample.passwordHash);
const started = performance.now();
for (let i = 0; i < 5; i++) await hasher.verify(PASSWORD, sample.passwordHash);
const hashMs = (performance.now() - started) / 5;

const runs: Run[] = [];
runs.push(summarise('reads alone, unlimited (10 conn.)', await readLoad()));
runs.push(summarise(`reads alone, steady ${READ_RATE}/s`, await readLoad(READ_RATE)));
for (const connections of [10, 100]) {
  const [login, reads] = await Promise.all([loginLoad(connections), readLoad(READ_RATE)]);
  runs.push(summarise(`login, ${connections} conn.`, login));
  runs.push(summarise(`  reads ${READ_RATE}/s beside login ${connections}`, reads));
}
const [login, reads] = await Promise.all([loginLoad(10), readLoad()]);
runs.push(summarise('login, 10 conn., beside unlimited reads', login));
runs.push(summarise('  unlimited reads beside login 10', reads));
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
await database.close();

console.log(
  `\n${SECONDS} s per run, Node ${process.version}, PostgreSQL, server in its own process`,
);
console.log(
  `baseline: one PBKDF2-HMAC-SM3 (100 000) ${hashMs.toFixed(1)} ms idle → ceiling ${(2000 / hashMs).toFixed(1)} hashes/s on 2 cores with nothing else running\n`,
);
console.log('| load | 2xx/s | 2xx | 503 | other | p50 ms | p99 ms | max ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of runs)
  console.log(
    `| ${r.label} | ${r.rps.toFixed(1)} | ${r.ok} | ${r.busy} | ${r.other} | ${r.p50} | ${r.p99} | ${r.max} |`,
  );
