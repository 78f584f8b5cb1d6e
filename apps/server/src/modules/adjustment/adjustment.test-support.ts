import type { PositionConditions, ProfileDocument } from '@kaolu/contracts';
import { sql } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import {
  createExaminee,
  createPublishedPosition,
  createReviewUnit,
  createSelectionEvent,
  scoreSheet,
} from '../applications/selection.test-support';

// Fixtures for adjustment (§7): createReviewedEvent of interview-lists extended with several units
// (police ones too), exam categories with professional subjects and candidates who applied nowhere.

/** One position of the fixture: its unit (index), size, category and subject, police and adjustment flags. */
export type AdjustmentPositionSpec = {
  unit?: number;
  headcount: number;
  interviewRatio?: number;
  examCategory?: string;
  examSubject?: string | null;
  basicPolice?: boolean;
  acceptsAdjustment?: boolean;
  conditions?: PositionConditions;
};

/** One examinee: the position he applied to (index, or null for none) and his written scores. */
export type AdjustmentApplicantSpec = {
  position: number | null;
  xingce: number;
  shenlun: number;
  professional?: number;
  examCategory?: string;
  subjectCode?: string;
  document?: ProfileDocument;
};

const post = (app: KaoluApp, headers: AuthHeaders, url: string, payload: object) =>
  app.inject({ method: 'POST', url, headers, payload });

/**
 * An event at the end of unit review with computed and confirmed interview lists, built through
 * the API like createReviewedEvent. Confirmation is set directly: it is the lists module's step.
 */
export async function createAdjustmentEvent(
  app: KaoluApp,
  spec: {
    units?: Array<{ isPolice?: boolean }>;
    positions: AdjustmentPositionSpec[];
    applicants: AdjustmentApplicantSpec[];
    passLines?: Record<string, string>;
  },
) {
  const org = (await loginAs(app, 'org_admin')).headers;
  const event = await createSelectionEvent(app);
  const units = [];
  for (const [i, u] of (spec.units ?? [{}]).entries())
    units.push(await createReviewUnit(app, org, `市调剂测试${i}局${event.code}`, u));
  const positions = [];
  for (const p of spec.positions)
    positions.push(
      await createPublishedPosition(app, event.id, units[p.unit ?? 0]!.unitId, {
        headcount: p.headcount,
        interviewRatio: p.interviewRatio ?? null,
        examCategory: p.examCategory ?? 'comprehensive',
        examSubject: p.examSubject ?? null,
        basicPolice: p.basicPolice ?? false,
        acceptsAdjustment: p.acceptsAdjustment ?? true,
        ...(p.conditions ? { conditions: p.conditions } : {}),
      }),
    );
  // Examinees are created before the scores: the score sheet names them by ticket number.
  const people = [];
  for (const a of spec.applicants)
    people.push(
      await createExaminee(app, event.id, {
        examCategory: a.examCategory,
        subjectCode: a.subjectCode,
        document: a.document,
      }),
    );
  await publishAllScores(app, event.id, people, spec.applicants, spec.passLines);
  for (const [i, person] of people.entries()) {
    const target = spec.applicants[i]!.position;
    if (target === null) continue;
    const applied = await post(app, person.headers, '/api/candidate/applications', {
      eventId: event.id,
      positionId: positions[target]!.id,
    });
    if (applied.statusCode !== 200) throw new Error(`apply failed: ${applied.body}`);
    const unit = units[spec.positions[target]!.unit ?? 0]!;
    const decided = await post(
      app,
      unit.reviewer,
      `/api/admin/reviews/${applied.json().id}/decision`,
      {
        outcome: 'approve',
        reasonCode: 'conditions_met',
      },
    );
    if (decided.statusCode !== 200) throw new Error(`approve failed: ${decided.body}`);
  }
  // The first-round lists through the lists module's own route, as the org would compute them.
  const computed = await post(
    app,
    org,
    `/api/admin/events/${event.id}/interview-lists/compute`,
    {},
  );
  if (computed.statusCode !== 200) throw new Error(`compute failed: ${computed.body}`);
  await app.kaolu.database.db.execute(
    sql`update interview_list_position set status = 'confirmed' where event_id = ${event.id}`,
  );
  return { org, event, units, positions, people };
}

/** Imports every score (专业科目 where the category sits one), sets each category's line, publishes. */
async function publishAllScores(
  app: KaoluApp,
  eventId: string,
  people: Array<{ ticketNumber: string }>,
  applicants: AdjustmentApplicantSpec[],
  passLines: Record<string, string> = {},
) {
  const institute = (await loginAs(app, 'exam_institute')).headers;
  const org = (await loginAs(app, 'org_admin')).headers;
  const rows = people.map((p, i) => {
    const a = applicants[i]!;
    return [p.ticketNumber, a.xingce, a.shenlun, a.professional ?? ''];
  });
  const imported = await post(app, institute, `/api/admin/events/${eventId}/scores/import`, {
    fileBase64: await scoreSheet(['准考证号', '行测', '申论', '专业科目'], rows),
  });
  if (imported.statusCode !== 200) throw new Error(`import failed: ${imported.body}`);
  // Publication needs a line for every category that has scores (SCORE.PASS_LINE_MISSING).
  const categories = new Set(applicants.map((a) => a.examCategory ?? 'comprehensive'));
  const lines = [...categories].map((c) => ({ examCategory: c, line: passLines[c] ?? '60' }));
  const set = await app.inject({
    method: 'PUT',
    url: `/api/admin/events/${eventId}/pass-lines`,
    headers: org,
    payload: { lines },
  });
  if (set.statusCode !== 200) throw new Error(`pass lines failed: ${set.body}`);
  const published = await post(app, org, `/api/admin/events/${eventId}/scores/publish`, {});
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.body}`);
}
