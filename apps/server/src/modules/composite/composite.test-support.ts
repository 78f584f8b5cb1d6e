import type { KaoluApp } from '../../app';
import type { AuthHeaders } from '../../test-support/login-as';
import { scoreSheet } from '../applications/selection.test-support';
import { confirmListsDirectly } from '../interview-lists/interview-lists-confirm.test-support';
import {
  createReviewedEvent,
  type ApplicantSpec,
} from '../interview-lists/interview-lists.test-support';
import { updateTestPosition } from '../positions/position.test-support';

/**
 * An event whose interview lists are computed and confirmed (what composite scores start from):
 * createReviewedEvent, the lists computed through the API, the positions' exam categories set as
 * asked (the fixture's applicants all sit 综合管理类; the position's category decides the 专业分),
 * and the lists confirmed directly unless `confirm: false`.
 */
export async function createListedEvent(
  app: KaoluApp,
  spec: {
    positions: Array<{ headcount: number; examCategory?: string }>;
    applicants: ApplicantSpec[];
    confirm?: boolean;
  },
) {
  const fixture = await createReviewedEvent(app, spec);
  const computed = await app.inject({
    method: 'POST',
    url: `/api/admin/events/${fixture.event.id}/interview-lists/compute`,
    headers: fixture.org,
  });
  if (computed.statusCode !== 200) throw new Error(`lists failed: ${computed.body}`);
  for (const [i, p] of spec.positions.entries())
    if (p.examCategory)
      await updateTestPosition(app.kaolu.database.db, fixture.positions[i]!.id, {
        examCategory: p.examCategory,
      });
  if (spec.confirm ?? true) await confirmListsDirectly(app, fixture.event.id);
  return fixture;
}

/** Uploads an interview-score sheet (header first) as org staff would. */
export async function importInterviewScores(
  app: KaoluApp,
  headers: AuthHeaders,
  eventId: string,
  rows: Array<Array<string | number>>,
  header = ['准考证号', '结构化面试成绩', '专业面试成绩', '缺考'],
) {
  return app.inject({
    method: 'POST',
    url: `/api/admin/events/${eventId}/composite/import`,
    headers,
    payload: { fileBase64: await scoreSheet(header, rows) },
  });
}
