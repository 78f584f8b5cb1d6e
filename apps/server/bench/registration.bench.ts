// Registration peak ("Load"): 200 concurrent candidates out of 100 000 seeded accounts log in,
// read their profile, search positions and register for the written exam, beside a bare route doing one
// trivial query (the ceiling), against a server process on PostgreSQL. Run:
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/registration.bench.ts [seconds=15] [connections=200] [accounts=100000]
// Uses a throw-away database (dropped at the end) and prints a Markdown table for docs/performance.md.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { idNumberCheckDigit } from '@kaolu/domain';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { rowsOf } from '../src/db/client';
import { candidate } from '../src/modules/candidates/candidate.table';
import { deriveSimulatedPerson } from '../src/modules/data-exchange/city-platform.simulator';
import { userSession } from '../src/modules/identity/identity.table';
import { createPasswordHasher } from '../src/modules/identity/password-hasher';
import { candidatePhoto, candidateProfile } from '../src/modules/profiles/profile.table';
import { jpegOf, profileDocument } from '../src/modules/registrations/registration.test-support';
import { insertDemoData } from '../src/seed/demo-seed';
import { createTestDatabase } from '../src/test-support/test-database';

const SECONDS = Number(process.argv[2] ?? 15);
const CONNECTIONS = Number(process.argv[3] ?? 200);
const ACCOUNTS = Number(process.argv[4] ?? 100_000);
// Each registration needs a candidate who has not registered yet; more than one run can use.
const REGISTRATION_POOL = Number(process.env.BENCH_REGISTRATION_POOL ?? 16_000);
const PROFILE_POOL = 2000;
const BATCH = 1000;
const PASSWORD = 'Bench#2026pass';
const PORT = 4000 + Math.floor(Math.random() * 40);
process.env.TEST_DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kaolu-registration-bench-'));
const database = await createTestDatabase();
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  DATA_DIR: dataDir,
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  LOG_LEVEL: 'fatal',
  NODE_ENV: 'development',
};
// The app is built here only for its crypto and session keys (same keyring file as the server process).
const setup = await buildApp(loadConfig(env), { database });
const { crypto } = setup.kaolu;
const db = database.db;
const t0 = Date.now();

await insertDemoData(
  db,
  crypto,
  { seed: 'bench', year: 2026, candidateCount: 10 },
  async () => undefined,
);
const [event] = rowsOf<{ id: string }>(
  await db.execute(sql`select id from recruitment_event limit 1`),
);
const hour = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const schedule = [
  { stage: 'exam_registration', startsAt: at(-hour), endsAt: at(48 * hour) },
  { stage: 'payment', startsAt: at(-hour), endsAt: at(72 * hour) },
];
await db.execute(
  sql`update recruitment_event set schedule = ${JSON.stringify(schedule)}::jsonb where id = ${event!.id}`,
);

// 100 000 accounts in batched inserts. One real PBKDF2-HMAC-SM3 hash is shared by every account (a
// benchmark shortcut: each login still pays the full check); ID numbers and phones are encrypted per row.
const hasher = createPasswordHasher({
  crypto,
  iterations: 100_000,
  concurrency: 1,
  queueTimeoutMs: 60_000,
  queueMax: 10,
});
const passwordHash = await hasher.hash(PASSWORD);
type Account = { id: string; idNumber: string; phone: string };
const accounts: Account[] = [];
for (let start = 0; start < ACCOUNTS; start += BATCH) {
  const rows = [];
  for (let i = start; i < Math.min(start + BATCH, ACCOUNTS); i++) {
    // Unique valid ID numbers: Xuhui, born 1993–2001, sequence by block.
    const birth = new Date(Date.UTC(1993, 0, 1) + (i % 3000) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const first17 = `310104${birth.replaceAll('-', '')}${String(Math.floor(i / 3000)).padStart(3, '0')}`;
    const account = {
      id: randomUUID(),
      idNumber: first17 + idNumberCheckDigit(first17),
      phone: `13${String(i).padStart(9, '0')}`,
    };
    accounts.push(account);
    const ad = (column: string) => ({ table: 'candidate', column, rowId: account.id });
    rows.push({
      id: account.id,
      name: `压测考生${i}`,
      gender: Number(first17[16]) % 2 ? ('male' as const) : ('female' as const),
      birthDate: birth,
      idNumberEnc: crypto.encryptField(account.idNumber, ad('id_number')),
      idNumberBidx: crypto.blindIndex('id_number', account.idNumber),
      phoneEnc: crypto.encryptField(account.phone, ad('phone')),
      phoneBidx: crypto.blindIndex('phone', account.phone),
      passwordHash,
      passwordSetAt: new Date(),
    });
  }
  await db.insert(candidate).values(rows);
}
const seededIn = (Date.now() - t0) / 1000;

// Profiles for the readers and registrants; registrants also get a confirmed photo and Shanghai hukou
// (as the city simulator answers for them), so a refusal would show up as an error, not as a rule.
const eligible = accounts.filter((a) => deriveSimulatedPerson(a.idNumber).hukou.shanghaiHukou);
const readers = eligible.slice(0, PROFILE_POOL);
const registrants = eligible.slice(PROFILE_POOL, PROFILE_POOL + REGISTRATION_POOL);
const photo = jpegOf(120, 160);
const document = profileDocument({ contact: { email: 'bench@example.com' } });
for (let i = 0; i < registrants.length + readers.length; i += BATCH) {
  const chunk = [...registrants, ...readers].slice(i, i + BATCH);
  await db
    .insert(candidateProfile)
    .values(chunk.map((a) => ({ candidateId: a.id, version: 1, document })));
}
for (let i = 0; i < registrants.length; i += BATCH) {
  const chunk = registrants.slice(i, i + BATCH);
  await db.insert(candidatePhoto).values(
    chunk.map((a) => ({
      candidateId: a.id,
      content: photo,
      width: 120,
      height: 160,
      sizeBytes: photo.length,
      sha256: 'bench',
      confirmedAt: new Date(),
    })),
  );
}

// Signed-in sessions, written directly (as the login route would) so the other loads need no hashing.
async function sessionsFor(
  list: Account[],
): Promise<Array<{ cookie: string; 'x-csrf-token': string }>> {
  const headers: Array<{ cookie: string; 'x-csrf-token': string }> = [];
  for (let i = 0; i < list.length; i += BATCH) {
    const values = list.slice(i, i + BATCH).map((a) => {
      const token = crypto.randomToken(32);
      headers.push({
        cookie: `kaolu_session=${token}`,
        'x-csrf-token': setup.kaolu.identity.sessions.csrfTokenFor(token),
      });
      const now = new Date();
      return {
        tokenHash: crypto.sm3(token),
        subjectKind: 'candidate' as const,
        subjectId: a.id,
        stage: 'active' as const,
        ip: '127.0.0.1',
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 8 * hour),
      };
    });
    await db.insert(userSession).values(values);
  }
  return headers;
}
const registrantSessions = await sessionsFor(registrants);
const readerSessions = await sessionsFor(readers);
await db.execute(sql`analyze`);
await setup.close();
const preparedIn = (Date.now() - t0) / 1000;

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/position-search.server.ts'], {
  cwd: serverRoot,
  // Jobs on, as in production: the audit sealer chains every registration's entry while the load runs.
  env: { ...env, PORT: String(PORT), HOST: '127.0.0.1', DB_POOL_MAX: '10', JOBS_ENABLED: 'true' },
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

type Request = autocannon.Request & {
  setupRequest?: (req: autocannon.Request) => autocannon.Request;
};
type Run = {
  label: string;
  rps: number;
  ok: number;
  shed: number;
  other: number;
  p50: number;
  p99: number;
  max: number;
  codes: string;
};
const json = { 'content-type': 'application/json' };
let registered = 0;
const keywords = ['', '综合', '执法', '信息', '财务'];
const loads: Array<{ label: string; request: Request; connections?: number }> = [
  {
    label: 'bare route (select 1)',
    request: { method: 'GET', path: '/api/bench/bare', headers: {} },
  },
  {
    label: 'position search (demo event, keyword)',
    request: {
      method: 'GET',
      headers: {},
      setupRequest: (req) => ({
        ...req,
        path: `/api/public/positions?eventId=${event!.id}&page=1&pageSize=20&keyword=${encodeURIComponent(keywords[Math.floor(Math.random() * keywords.length)]!)}`,
      }),
    },
  },
  {
    label: `profile read (${PROFILE_POOL} signed-in candidates)`,
    request: {
      method: 'GET',
      path: '/api/candidate/profile',
      headers: {},
      setupRequest: (req) => ({
        ...req,
        headers: readerSessions[Math.floor(Math.random() * readerSessions.length)]!,
      }),
    },
  },
  {
    label: 'exam registration (a new candidate each)',
    request: {
      method: 'POST',
      path: '/api/candidate/registrations',
      headers: json,
      // Past the pool the same candidates come round again and are refused (409): counted, never hidden.
      setupRequest: (req) => ({
        ...req,
        headers: { ...json, ...registrantSessions[registered++ % registrantSessions.length]! },
        body: JSON.stringify({ eventId: event!.id, examCategory: 'comprehensive' }),
      }),
    },
  },
  // The same at 10 connections: the cost of one registration without 200-deep queueing.
  {
    label: 'exam registration, 10 connections',
    connections: 10,
    request: {
      method: 'POST',
      path: '/api/candidate/registrations',
      headers: json,
      setupRequest: (req) => ({
        ...req,
        headers: { ...json, ...registrantSessions[registered++ % registrantSessions.length]! },
        body: JSON.stringify({ eventId: event!.id, examCategory: 'comprehensive' }),
      }),
    },
  },
  {
    label: `login (password, random of ${ACCOUNTS} accounts)`,
    request: {
      method: 'POST',
      path: '/api/candidate/auth/login',
      headers: json,
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          account: accounts[Math.floor(Math.random() * accounts.length)]!.phone,
          password: PASSWORD,
        }),
      }),
    },
  },
];

async function measure(label: string, request: Request, connections = CONNECTIONS): Promise<Run> {
  const r = await autocannon({
    url: base,
    connections,
    duration: SECONDS,
    timeout: 20,
    requests: [request],
  });
  const stats = r.statusCodeStats ?? {};
  const count = (code: string) => stats[code]?.count ?? 0;
  const ok = count('200');
  const shed = count('503');
  const total = Object.values(stats).reduce((s, c) => s + c.count, 0);
  const codes = Object.entries(stats)
    .map(([code, c]) => `${code}×${c.count}`)
    .join(' ');
  return {
    label,
    rps: ok / SECONDS,
    ok,
    shed,
    other: total - ok - shed + r.errors + r.timeouts,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    codes,
  };
}

/**
 * Registrations arriving at a fixed rate whatever the answers (an open loop, as candidates arrive at
 * a peak), evenly spaced: autocannon's closed loop keeps every connection busy, so its latency is
 * connections ÷ throughput by construction, and its own rate limit sends in bursts.
 */
const STEADY_RATES = [100, 150];
async function registerAtSteadyRate(rate: number): Promise<Run> {
  const latencies: number[] = [];
  const stats = new Map<number, number>();
  const started = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < rate * SECONDS; i++) {
    const due = started + (i * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    const headers = { ...json, ...registrantSessions[registered++ % registrantSessions.length]! };
    const sent = performance.now();
    sends.push(
      fetch(`${base}/api/candidate/registrations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ eventId: event!.id, examCategory: 'comprehensive' }),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          stats.set(response.status, (stats.get(response.status) ?? 0) + 1);
        })
        .catch(() => {
          stats.set(0, (stats.get(0) ?? 0) + 1);
        })
        .finally(() => latencies.push(performance.now() - sent)),
    );
  }
  await Promise.all(sends);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  const ok = stats.get(200) ?? 0;
  const shed = stats.get(503) ?? 0;
  const codes = [...stats].map(([code, n]) => `${code}×${n}`).join(' ');
  return {
    label: `exam registration, steady ${rate}/s (open loop)`,
    rps: ok / SECONDS,
    ok,
    shed,
    other: latencies.length - ok - shed,
    p50: at(0.5),
    p99: at(0.99),
    max: Math.round(latencies.at(-1)!),
    codes,
  };
}

/**
 * 200 candidates at once, as people: each reads the position search, then his profile, then
 * registers, pausing 0.5–1.5 s between pages (think time), and the next candidate takes his place.
 * Rows for each page; the registration row is the one the target is about.
 */
async function candidatesWithThinkTime(users: number): Promise<Run[]> {
  const byPage = new Map<string, { latencies: number[]; stats: Map<number, number> }>();
  const deadline = performance.now() + SECONDS * 1000;
  const think = () => new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
  async function visit(page: string, url: string, init: RequestInit): Promise<void> {
    const entry = byPage.get(page) ?? { latencies: [], stats: new Map<number, number>() };
    byPage.set(page, entry);
    const sent = performance.now();
    const status = await fetch(url, init).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    entry.latencies.push(performance.now() - sent);
    entry.stats.set(status, (entry.stats.get(status) ?? 0) + 1);
  }
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      // Candidates start spread over the first think time, not all in the same millisecond.
      await new Promise((r) => setTimeout(r, (user * 1000) / users));
      while (performance.now() < deadline) {
        const session = registrantSessions[registered++ % registrantSessions.length]!;
        const keyword = encodeURIComponent(keywords[Math.floor(Math.random() * keywords.length)]!);
        await visit(
          'position search',
          `${base}/api/public/positions?eventId=${event!.id}&page=1&pageSize=20&keyword=${keyword}`,
          {},
        );
        await think();
        await visit('profile read', `${base}/api/candidate/profile`, { headers: session });
        await think();
        await visit('exam registration', `${base}/api/candidate/registrations`, {
          method: 'POST',
          headers: { ...json, ...session },
          body: JSON.stringify({ eventId: event!.id, examCategory: 'comprehensive' }),
        });
        await think();
      }
    }),
  );
  return [...byPage].map(([page, { latencies, stats }]) => {
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
    const ok = stats.get(200) ?? 0;
    const shed = stats.get(503) ?? 0;
    const codes = [...stats].map(([code, n]) => `${code}×${n}`).join(' ');
    return {
      label: `${users} candidates with think time: ${page}`,
      rps: ok / SECONDS,
      ok,
      shed,
      other: latencies.length - ok - shed,
      p50: at(0.5),
      p99: at(0.99),
      max: Math.round(latencies.at(-1)!),
      codes,
    };
  });
}

const runs: Run[] = [];
try {
  // A short warm-up so the first measured run does not pay for JIT and plan caching.
  await autocannon({
    url: `${base}/api/public/positions?eventId=${event!.id}`,
    connections: 10,
    duration: 3,
  });
  // Logins last: the hashing queue they leave behind would slow whatever ran next.
  const [logins, others] = [
    loads.filter((l) => l.label.startsWith('login')),
    loads.filter((l) => !l.label.startsWith('login')),
  ];
  for (const load of others) runs.push(await measure(load.label, load.request, load.connections));
  for (const rate of STEADY_RATES) runs.push(await registerAtSteadyRate(rate));
  runs.push(...(await candidatesWithThinkTime(CONNECTIONS)));
  for (const load of logins) runs.push(await measure(load.label, load.request, load.connections));
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await database.close();
}
const ceiling = runs[0]!.rps;
console.log(
  `\n${ACCOUNTS} accounts seeded in ${seededIn.toFixed(0)} s (all prepared in ${preparedIn.toFixed(0)} s); ${CONNECTIONS} connections, ${SECONDS} s per load, Node ${process.version}`,
);
console.log(
  `registration requests sent: ${registered} (pool ${registrantSessions.length} fresh candidates)\n`,
);
console.log(
  '| load | 2xx/s | 2xx | 503 shed | other errors | p50 ms | p99 ms | max ms | share of bare | status codes |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of runs)
  console.log(
    `| ${r.label} | ${r.rps.toFixed(1)} | ${r.ok} | ${r.shed} | ${r.other} | ${r.p50} | ${r.p99} | ${r.max} | ${((100 * r.rps) / ceiling).toFixed(0)}% | ${r.codes} |`,
  );
