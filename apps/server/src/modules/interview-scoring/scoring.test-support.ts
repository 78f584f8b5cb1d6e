import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createInterviewFixture } from '../interviews/checkin.test-support';
import { STRUCTURED_TYPE } from '../interviews/setup.test-support';

// Fixture of the scoring tests and benchmark (IVW-08, IVW-10): an interview event whose group(s)
// sit one session with 5–7 examiners, each linked to a tablet account, the structured type's
// indicators (one of them with bands), candidates drawn 1..n and checked in, and a supervisor.
// The interview tables are written with plain SQL: they belong to the interviews module, whose
// fixture builds the event itself.

export type ScoringExaminer = {
  id: string;
  code: string;
  phone: string;
  seat: 'chief' | 'fixed';
  userId: string;
  headers: AuthHeaders;
};

let counter = 0;

export async function createScoringFixture(
  app: KaoluApp,
  options: {
    examiners?: number;
    perGroup?: number;
    groups?: number;
    recruitmentEventId?: string;
    linkCandidateIds?: string[];
    checkIn?: boolean;
  } = {},
) {
  const { db } = app.kaolu.database;
  const { crypto } = app.kaolu;
  const base = await createInterviewFixture(app, {
    groups: options.groups ?? 1,
    perGroup: options.perGroup ?? 3,
    recruitmentEventId: options.recruitmentEventId,
    linkCandidateIds: options.linkCandidateIds,
  });
  await db.execute(
    sql`update interview_type set indicators = ${JSON.stringify(STRUCTURED_TYPE.indicators)}::jsonb
        where interview_event_id = ${base.eventId}`,
  );
  // Draw order 1..n per group, and (unless asked otherwise) everyone checked in before the start.
  for (const groupId of base.groupIds) {
    const ids = base.candidates.filter((c) => c.groupId === groupId).map((c) => c.id);
    for (const [i, id] of ids.entries())
      await db.execute(
        sql`update interview_candidate set order_number = ${i + 1},
            checked_in_at = ${options.checkIn === false ? null : new Date().toISOString()}
            where id = ${id}`,
      );
  }
  const examinersByGroup = new Map<string, ScoringExaminer[]>();
  for (const groupId of base.groupIds) {
    const list: ScoringExaminer[] = [];
    for (let i = 0; i < (options.examiners ?? 5); i++) {
      const id = randomUUID();
      const n = counter++;
      const code = `E${Date.now().toString(36)}${n}`;
      const phone = `138${String(10_000_000 + n * 7919 + (Date.now() % 1000)).slice(-8)}`;
      const ad = (column: string) => ({ table: 'interview_examiner', column, rowId: id });
      const login = await loginAs(app, [{ role: 'examiner', eventId: base.eventId }]);
      await db.execute(
        sql`insert into interview_examiner
              (id, interview_event_id, code, name_enc, phone_enc, unit_name, chief_capable, staff_user_id)
            values (${id}, ${base.eventId}, ${code}, ${crypto.encryptField(`考官${n}`, ad('name'))},
              ${crypto.encryptField(phone, ad('phone'))}, '测试局', ${i === 0}, ${login.userId})`,
      );
      const seat = i === 0 ? ('chief' as const) : ('fixed' as const);
      await db.execute(
        sql`insert into examiner_assignment (session_id, group_id, examiner_id, seat)
            values (${base.sessionId}, ${groupId}, ${id}, ${seat})`,
      );
      list.push({ id, code, phone, seat, userId: login.userId, headers: login.headers });
    }
    examinersByGroup.set(groupId, list);
  }
  const supervisor = await loginAs(app, [{ role: 'supervisor', eventId: base.eventId }]);
  return { ...base, examinersByGroup, supervisor: supervisor.headers };
}

export type ScoringFixture = Awaited<ReturnType<typeof createScoringFixture>>;

/** A sheet sync body for the fixture's structured type (A with bands 好/中/差, B, C). */
export function syncBody(
  f: ScoringFixture,
  candidateId: string,
  scores: Record<string, number>,
  extra: { revision?: number; submit?: boolean; groupId?: string } = {},
) {
  return {
    interviewCandidateId: candidateId,
    sessionId: f.sessionId,
    groupId: extra.groupId ?? f.groupIds[0]!,
    kind: 'structured' as const,
    revision: extra.revision ?? 1,
    scores,
    submit: extra.submit ?? false,
  };
}

/** PUT a sheet as an examiner. */
export function putSheet(app: KaoluApp, headers: AuthHeaders, clientKey: string, body: object) {
  return app.inject({
    method: 'PUT',
    url: `/api/interview/scoring/sheets/${clientKey}`,
    headers,
    payload: body,
  });
}

/**
 * Every examiner of the group submits a sheet for the candidate (scores[i] for examiner i) and the
 * supervisor confirms them all; answers the last confirmation's body.
 */
export async function scoreAndConfirm(
  app: KaoluApp,
  f: ScoringFixture,
  candidateId: string,
  scores: Array<Record<string, number>>,
  groupId = f.groupIds[0]!,
) {
  const examiners = f.examinersByGroup.get(groupId)!;
  const keys: string[] = [];
  for (const [i, e] of examiners.entries()) {
    const key = randomUUID();
    keys.push(key);
    const res = await putSheet(
      app,
      e.headers,
      key,
      syncBody(f, candidateId, scores[i]!, { submit: true, groupId }),
    );
    if (res.statusCode !== 200) throw new Error(`sync failed: ${res.body}`);
  }
  const board = await app.inject({
    method: 'GET',
    url: `/api/interview/scoring/board?sessionId=${f.sessionId}&groupId=${groupId}`,
    headers: f.supervisor,
  });
  const sheets = board
    .json()
    .candidates.find(
      (c: { interviewCandidateId: string }) => c.interviewCandidateId === candidateId,
    ).sheets as Array<{ sheetId: string; status: string }>;
  let last: unknown;
  for (const s of sheets.filter((x) => x.status === 'submitted')) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/interview/scoring/sheets/${s.sheetId}/confirm`,
      headers: f.supervisor,
    });
    if (res.statusCode !== 200) throw new Error(`confirm failed: ${res.body}`);
    last = res.json();
  }
  return { keys, last: last as { computed: boolean } };
}
