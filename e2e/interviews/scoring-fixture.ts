// Interview rows for the scoring browser test (IVW-08, IVW-10), written into the server's data
// folder before the server starts (the embedded database has one owner at a time): the check-in
// fixture's event (a morning session, one group, two candidates; an afternoon is added), the group's type scored on three
// indicators (综合分析 with bands 好/中/差), the candidates drawn 1..n and checked in, and two
// seated examiners with phones (a chief and a fixed one) who have no tablet account yet: the test
// opens those through the admin page.
// Run: DATA_DIR=<folder> npx tsx e2e/interviews/scoring-fixture.ts  → prints the fixture as JSON.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { createInterviewFixture } from '../../apps/server/src/modules/interviews/checkin.test-support';

/** Weight 1 each: the interview score is the sum of the indicator means (out of 100). */
const SCORING_INDICATORS = [
  {
    code: 'A',
    name: '综合分析',
    weight: 1,
    max: 40,
    bands: [
      { name: '好', min: 30, max: 40 },
      { name: '中', min: 15, max: 29.5 },
      { name: '差', min: 0, max: 14.5 },
    ],
  },
  { code: 'B', name: '计划组织', weight: 1, max: 30, bands: [] },
  { code: 'C', name: '语言表达', weight: 1, max: 30, bands: [] },
];

export type ScoringE2eFixture = {
  eventId: string;
  sessionId: string;
  groupId: string;
  candidates: { id: string; ticketNumber: string }[];
  examiners: { id: string; code: string; name: string; phone: string; seat: 'chief' | 'fixed' }[];
};

const config = loadConfig({
  ...process.env,
  SEED_DEMO: 'false',
  JOBS_ENABLED: 'false',
  LOG_LEVEL: 'silent',
});
const app = await buildApp(config);
try {
  const { db } = app.kaolu.database;
  const base = await createInterviewFixture(app, { perGroup: 2 });
  const groupId = base.groupIds[0]!;
  await db.execute(
    sql`update interview_type set indicators = ${JSON.stringify(SCORING_INDICATORS)}::jsonb
        where interview_event_id = ${base.eventId}`,
  );
  // The first candidate is checked in; the second not yet, so his interview time may still move.
  for (const [i, c] of base.candidates.entries())
    await db.execute(
      sql`update interview_candidate set order_number = ${i + 1},
          checked_in_at = ${i === 0 ? new Date().toISOString() : null}
          where id = ${c.id}`,
    );
  // An afternoon of the same day to move him to (调整面试时间, IVW-10).
  await db.execute(
    sql`insert into interview_session (interview_event_id, day, half_day)
        values (${base.eventId}, '2026-12-05', 'pm')`,
  );
  const examiners: ScoringE2eFixture['examiners'] = [
    { id: randomUUID(), code: 'kg01', name: '张主考', phone: '13900000531', seat: 'chief' },
    { id: randomUUID(), code: 'kg02', name: '李考官', phone: '13900000532', seat: 'fixed' },
  ];
  for (const e of examiners) {
    // Sealed under the column names the services open them with (NFR-SEC-2).
    const ad = (column: string) => ({ table: 'interview_examiner', column, rowId: e.id });
    await db.execute(
      sql`insert into interview_examiner
            (id, interview_event_id, code, name_enc, phone_enc, unit_name, chief_capable)
          values (${e.id}, ${base.eventId}, ${e.code}, ${app.kaolu.crypto.encryptField(e.name, ad('name'))},
            ${app.kaolu.crypto.encryptField(e.phone, ad('phone'))}, '外单位', ${e.seat === 'chief'})`,
    );
    await db.execute(
      sql`insert into examiner_assignment (session_id, group_id, examiner_id, seat)
          values (${base.sessionId}, ${groupId}, ${e.id}, ${e.seat})`,
    );
  }
  const fixture: ScoringE2eFixture = {
    eventId: base.eventId,
    sessionId: base.sessionId,
    groupId,
    candidates: base.candidates.map((c) => ({ id: c.id, ticketNumber: c.ticketNumber })),
    examiners,
  };
  process.stdout.write(`${JSON.stringify(fixture)}\n`);
} finally {
  await app.close();
}
