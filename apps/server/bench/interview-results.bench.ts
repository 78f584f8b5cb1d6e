// Interview scoring on PostgreSQL (IVW-08), each figure beside a baseline measured in the same run:
//  (a) 50 000 candidates × 7 examiners × 5 indicators computed and stored in one pass through the
//      service's compute function, beside the engine alone (computeInterviewResults) on the same data;
//  (b) one group's result latency after its last confirmation, beside a confirmation that computes
//      nothing;
//  (c) 500 concurrent sheet syncs (in-process app.inject): p99 and no lost sheet, beside the same
//      500 requests replayed (idempotent answer, no write).
// Targets (printed, not asserted): (a) ≤ 1 s, (b) ≤ 50 ms, (c) p99 ≤ 200 ms. Run:
//   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
//     npx tsx apps/server/bench/interview-results.bench.ts [candidates=50000]
// Writes into a throw-away database that is dropped at the end.
import { randomUUID } from 'node:crypto';
import { computeInterviewResults } from '@kaolu/domain';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { testConfig } from '../src/config';
import { rowsOf } from '../src/db/client';
import { applyMigrations } from '../src/db/migrate';
import { computeAndStore } from '../src/modules/interview-scoring/scoring-compute';
import {
  createScoringFixture,
  putSheet,
  syncBody,
} from '../src/modules/interview-scoring/scoring.test-support';
import { createTestDatabase } from '../src/test-support/test-database';

const CANDIDATES = Number(process.argv[2] ?? 50_000);
const EXAMINERS = 7;
if (!process.env.TEST_DATABASE_URL) throw new Error('设置 TEST_DATABASE_URL（PostgreSQL）后再运行');

type Line = { measure: string; value: string; target: string; baseline: string };
const lines: Line[] = [];
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const database = await createTestDatabase();
await applyMigrations(database);
const app = await buildApp(testConfig(), { database });
const db = database.db;

// ---- (a) a whole half-day in one pass -------------------------------------------------------
const INDICATORS = ['A', 'B', 'C', 'D', 'E'].map((code) => ({
  code,
  name: `指标${code}`,
  max: 20,
  weight: 1,
  bands: [],
}));
const base = await createScoringFixture(app, { examiners: EXAMINERS, perGroup: 1 });
const place = {
  interviewEventId: base.eventId,
  sessionId: base.sessionId,
  groupId: base.groupIds[0]!,
};
const examinerIds = base.examinersByGroup.get(base.groupIds[0]!)!.map((e) => e.id);
// The candidates rows the results refer to, written in bulk (sealed fields are placeholders).
const positionId = rowsOf<{ id: string }>(
  await db.execute(
    sql`select position_id as id from interview_candidate where id = ${base.candidates[0]!.id}`,
  ),
)[0]!.id;
await db.execute(sql`insert into interview_candidate
  (interview_event_id, position_id, ticket_number, name_enc, id_number_enc, id_number_bidx, session_id)
  select ${base.eventId}, ${positionId}, 'B' || g, 'x', 'x', 'bench' || g, ${base.sessionId}
  from generate_series(1, ${CANDIDATES}) g`);
const ids = rowsOf<{ id: string }>(
  await db.execute(
    sql`select id from interview_candidate where ticket_number like 'B%' order by ticket_number`,
  ),
).map((r) => r.id);
// Deterministic scores in hundredths, two decimals: 0.00–20.00.
const centi = (c: number, e: number, i: number) => ((c * 131 + e * 977 + i * 389) % 2001) | 0;
const sheets = ids.flatMap((candidateId, c) =>
  examinerIds.map((examinerId, e) => ({
    candidateId,
    examinerId,
    scoresCenti: Object.fromEntries(INDICATORS.map((ind, i) => [ind.code, centi(c, e, i)])),
  })),
);
const input = {
  kind: 'structured' as const,
  indicators: INDICATORS,
  candidates: ids.map((id) => ({ id, examinerIds })),
  sheets,
};
const engineMs = await time(async () => {
  const outcome = computeInterviewResults(
    {
      indicators: { structured: INDICATORS },
      dropExtremesMinExaminers: 5,
      writtenFullMark: 100,
      weights: { written: 0, structured: 1 },
      passMark: 0,
    },
    ids.map((id) => ({ id, written: 0, examiners: { structured: examinerIds } })),
    sheets.map((s) => ({
      candidateId: s.candidateId,
      examinerId: s.examinerId,
      kind: 'structured' as const,
      scores: Object.fromEntries(
        Object.entries(s.scoresCenti).map(([k, v]) => [k, (v / 100).toFixed(2)]),
      ),
      supervisorSigned: true,
    })),
  );
  if (!outcome.ok) throw new Error(outcome.reasons[0]!.message);
});
const serviceMs = await time(() =>
  db.transaction((tx) => computeAndStore(tx, place, input, new Date())),
);
const stored = rowsOf<{ n: string }>(
  await db.execute(sql`select count(*) as n from interview_result`),
)[0]!.n;
if (Number(stored) !== CANDIDATES) throw new Error(`stored ${stored} results of ${CANDIDATES}`);
lines.push({
  measure: `(a) ${CANDIDATES} candidates × ${EXAMINERS} examiners × 5 indicators, computed + stored`,
  value: ms(serviceMs),
  target: '≤ 1000 ms',
  baseline: `engine only ${ms(engineMs)}`,
});

// ---- (b) one group's result after its last confirmation ------------------------------------
const group = await createScoringFixture(app, { examiners: EXAMINERS, perGroup: 10 });
const gid = group.groupIds[0]!;
const panel = group.examinersByGroup.get(gid)!;
const submitAll = async (candidateId: string) => {
  for (const e of panel) {
    const body = syncBody(group, candidateId, { A: 32, B: 25, C: 24 }, { submit: true });
    const res = await putSheet(app, e.headers, randomUUID(), body);
    if (res.statusCode !== 200) throw new Error(res.body);
  }
};
const sheetIdsOf = async (candidateId: string) =>
  rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from score_sheet where interview_candidate_id = ${candidateId} order by id`,
    ),
  ).map((r) => r.id);
const confirm = async (sheetId: string) => {
  const start = performance.now();
  const res = await app.inject({
    method: 'POST',
    url: `/api/interview/scoring/sheets/${sheetId}/confirm`,
    headers: group.supervisor,
  });
  const took = performance.now() - start;
  if (res.statusCode !== 200) throw new Error(res.body);
  return { took, computed: res.json().computed as boolean };
};
const lastConfirms: number[] = [];
const otherConfirms: number[] = [];
for (const c of group.candidates) {
  await submitAll(c.id);
  const sheetIds = await sheetIdsOf(c.id);
  for (const id of sheetIds.slice(0, -1)) otherConfirms.push((await confirm(id)).took);
  const last = await confirm(sheetIds.at(-1)!);
  if (!last.computed) throw new Error('the last confirmation computed no result');
  lastConfirms.push(last.took);
}
lines.push({
  measure: `(b) last confirmation of a candidate → result stored (group of ${EXAMINERS}, ${group.candidates.length} candidates), p50 / max`,
  value: `${ms(pct(lastConfirms, 50))} / ${ms(Math.max(...lastConfirms))}`,
  target: '≤ 50 ms',
  baseline: `confirmation computing nothing p50 ${ms(pct(otherConfirms, 50))}`,
});

// ---- (c) 500 concurrent syncs ---------------------------------------------------------------
const crowd = await createScoringFixture(app, { examiners: EXAMINERS, perGroup: 72 });
const cgid = crowd.groupIds[0]!;
const requests = crowd.candidates
  .flatMap((c) =>
    crowd.examinersByGroup.get(cgid)!.map((e) => ({
      headers: e.headers,
      key: randomUUID(),
      body: syncBody(crowd, c.id, { A: 31, B: 22, C: 21 }, { revision: 1 }),
    })),
  )
  .slice(0, 500);
const fire = () =>
  Promise.all(
    requests.map(async (r) => {
      const start = performance.now();
      const res = await putSheet(app, r.headers, r.key, r.body);
      if (res.statusCode !== 200) throw new Error(res.body);
      return performance.now() - start;
    }),
  );
const firstRun = await fire();
const replayRun = await fire();
const kept = rowsOf<{ n: string }>(
  await db.execute(sql`select count(*) as n from score_sheet where group_id = ${cgid}`),
)[0]!.n;
lines.push({
  measure: `(c) ${requests.length} concurrent sheet syncs, p99 (sheets stored: ${kept}/${requests.length})`,
  value: ms(pct(firstRun, 99)),
  target: '≤ 200 ms, none lost',
  baseline: `same requests replayed p99 ${ms(pct(replayRun, 99))}`,
});

await app.close();
await database.close();
console.log('| measure | figure | target | baseline (same run) |');
console.log('|---|---|---|---|');
for (const l of lines) console.log(`| ${l.measure} | ${l.value} | ${l.target} | ${l.baseline} |`);
