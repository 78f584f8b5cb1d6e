import type { KaoluApp } from '../../app';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import {
  createExaminee,
  createPublishedPosition,
  createReviewUnit,
  createSelectionEvent,
  publishScores,
} from '../applications/selection.test-support';

/** One applicant of the fixture: the position he applies to (index) and his two written scores. */
export type ApplicantSpec = { position: number; xingce: number; shenlun: number };

/**
 * A 面上 event at the end of unit review, built through the real API: positions with the given
 * headcounts (and optional ratio), examinees with published scores whose applications the unit
 * approved. What the interview-list, adjustment and composite tests start from.
 */
export async function createReviewedEvent(
  app: KaoluApp,
  spec: {
    positions: Array<{ headcount: number; interviewRatio?: number; examCategory?: string }>;
    applicants: ApplicantSpec[];
    passLine?: string;
  },
) {
  const org = (await loginAs(app, 'org_admin')).headers;
  const event = await createSelectionEvent(app);
  const unit = await createReviewUnit(app, org, `市测试局${event.code}`);
  const positions = [];
  for (const p of spec.positions)
    positions.push(
      await createPublishedPosition(app, event.id, unit.unitId, {
        headcount: p.headcount,
        interviewRatio: p.interviewRatio ?? null,
      }),
    );
  const people = [];
  for (let i = 0; i < spec.applicants.length; i++) people.push(await createExaminee(app, event.id));
  await publishScores(
    app,
    event.id,
    people.map((p, i) => [p.ticketNumber, spec.applicants[i]!.xingce, spec.applicants[i]!.shenlun]),
    spec.passLine ?? '60',
  );
  const post = (headers: AuthHeaders, url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers, payload });
  for (const [i, person] of people.entries()) {
    const applied = await post(person.headers, '/api/candidate/applications', {
      eventId: event.id,
      positionId: positions[spec.applicants[i]!.position]!.id,
    });
    if (applied.statusCode !== 200) throw new Error(`apply failed: ${applied.body}`);
    const decided = await post(unit.reviewer, `/api/admin/reviews/${applied.json().id}/decision`, {
      outcome: 'approve',
      reasonCode: 'conditions_met',
    });
    if (decided.statusCode !== 200) throw new Error(`approve failed: ${decided.body}`);
  }
  return { org, event, unit, positions, people };
}
