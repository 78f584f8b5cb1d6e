import { eq } from 'drizzle-orm';
import type { KaoluApp } from '../../app';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createListedEvent, importInterviewScores } from '../composite/composite.test-support';
import type { ApplicantSpec } from '../interview-lists/interview-lists.test-support';
import { physicalExamRound } from './physical-exam.table';

/**
 * An event whose composite is published (what the physical exam starts from): the lists confirmed,
 * every listed candidate scored 80 in the structured interview, computed and published.
 */
export async function createPublishedCompositeEvent(
  app: KaoluApp,
  spec: { positions: Array<{ headcount: number }>; applicants: ApplicantSpec[] },
) {
  const f = await createListedEvent(app, spec);
  const rows = f.people.map((p) => [p.ticketNumber, '80', '', '']);
  const imported = await importInterviewScores(app, f.org, f.event.id, rows);
  // Candidates outside the interview quota are refused by the import: score only the listed ones.
  if (imported.statusCode !== 200) {
    const problems = imported.json().error.details.problems as Array<{ row: number }>;
    const bad = new Set(problems.map((p) => p.row));
    const listed = rows.filter((_, i) => !bad.has(i + 2));
    const again = await importInterviewScores(app, f.org, f.event.id, listed);
    if (again.statusCode !== 200) throw new Error(`scores failed: ${again.body}`);
  }
  for (const step of ['compute', 'publish']) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/events/${f.event.id}/composite/${step}`,
      headers: f.org,
    });
    if (res.statusCode !== 200) throw new Error(`${step} failed: ${res.body}`);
  }
  return f;
}

/** A physical-exam hospital (a unit of kind 'hospital') and a signed-in user of it. */
export async function createHospital(app: KaoluApp, org: AuthHeaders, name: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/units',
    headers: org,
    payload: { code: `H${Date.now().toString(36)}${name.length}`, name, kind: 'hospital' },
  });
  if (res.statusCode !== 200) throw new Error(`hospital failed: ${res.body}`);
  const hospitalId = res.json().id as string;
  const user = await loginAs(app, [{ role: 'hospital', unitId: hospitalId }]);
  return { hospitalId, headers: user.headers };
}

/** Moves a round's result time back, as if the result had been recorded `days` ago. */
export async function ageResult(app: KaoluApp, roundId: string, days: number) {
  await app.kaolu.database.db
    .update(physicalExamRound)
    .set({ resultAt: new Date(Date.now() - days * 86_400_000) })
    .where(eq(physicalExamRound.id, roundId));
}
