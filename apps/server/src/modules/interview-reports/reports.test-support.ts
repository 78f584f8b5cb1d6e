import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import { createInterviewFixture } from '../interviews/checkin.test-support';

// Fixture rows for the monitoring and export tests (IVW-09, INT-09b): the interviews fixture, plus
// seated examiners, score sheets and results written straight into the tables with SQL, because
// the scoring service that writes them lives on another branch until it is merged.

export const INDICATORS = [
  { code: 'A', name: '综合分析', weight: 0.5, max: 50, bands: [] },
  { code: 'B', name: '言语表达', weight: 0.5, max: 50, bands: [] },
];

/** An interview fixture whose first group has `examiners` seated examiners and indicators set. */
export async function createReportsFixture(
  app: KaoluApp,
  options: { examiners?: number; perGroup?: number; groups?: number } = {},
) {
  const base = await createInterviewFixture(app, {
    perGroup: options.perGroup ?? 3,
    groups: options.groups ?? 1,
  });
  const { db } = app.kaolu.database;
  const { crypto } = app.kaolu;
  const groupId = base.groupIds[0]!;
  await db.execute(sql`update interview_type set indicators = ${JSON.stringify(INDICATORS)}::jsonb
    where id = (select type_id from interview_group where id = ${groupId})`);
  const examinerIds: string[] = [];
  for (let i = 0; i < (options.examiners ?? 5); i++) {
    const id = randomUUID();
    const nameEnc = crypto.encryptField(`考官姓名${i}`, {
      table: 'interview_examiner',
      column: 'name',
      rowId: id,
    });
    await db.execute(sql`insert into interview_examiner (id, interview_event_id, code, name_enc, unit_name)
      values (${id}, ${base.eventId}, ${`K${i}${id.slice(0, 4)}`}, ${nameEnc}, '测试局')`);
    await db.execute(sql`insert into examiner_assignment (session_id, group_id, examiner_id, seat)
      values (${base.sessionId}, ${groupId}, ${id}, ${i === 0 ? 'chief' : 'fixed'})`);
    examinerIds.push(id);
  }
  return { ...base, groupId, examinerIds };
}

export type ReportsFixture = Awaited<ReturnType<typeof createReportsFixture>>;

/** One examiner's sheet for a candidate, scores in hundredths. */
export async function insertSheet(
  app: KaoluApp,
  f: ReportsFixture,
  sheet: {
    candidateId: string;
    examinerId: string;
    scores: Record<string, number>;
    status?: 'draft' | 'submitted' | 'confirmed' | 'withdrawn';
  },
) {
  const status = sheet.status ?? 'confirmed';
  await app.kaolu.database.db.execute(sql`insert into score_sheet
    (interview_event_id, session_id, group_id, interview_candidate_id, examiner_id, kind,
     client_key, revision, scores, status, submitted_at, confirmed_at)
    values (${f.eventId}, ${f.sessionId}, ${f.groupId}, ${sheet.candidateId}, ${sheet.examinerId},
      'structured', ${randomUUID()}, 1, ${JSON.stringify(sheet.scores)}::jsonb, ${status},
      now(), ${status === 'confirmed' ? sql`now()` : null})`);
}

/** A computed structured result with its explanation (kept and dropped scores per indicator). */
export async function insertResult(
  app: KaoluApp,
  f: ReportsFixture,
  result: {
    candidateId: string;
    scoreCenti: number;
    explanation: { code: string; kept: number[]; dropped: number[] }[];
  },
) {
  await app.kaolu.database.db.execute(sql`insert into interview_result
    (interview_candidate_id, kind, interview_event_id, session_id, group_id, score_centi,
     examiner_count, explanation, computed_at)
    values (${result.candidateId}, 'structured', ${f.eventId}, ${f.sessionId}, ${f.groupId},
      ${result.scoreCenti}, ${f.examinerIds.length}, ${JSON.stringify(result.explanation)}::jsonb, now())`);
}
