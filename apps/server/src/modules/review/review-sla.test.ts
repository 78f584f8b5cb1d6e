import { EventPolicySchema } from '@kaolu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { setTestSubmittedAt } from '../applications/application.test-support';
import {
  createExaminee,
  createPublishedPosition,
  createReviewUnit,
  createSelectionEvent,
  publishScores,
} from '../applications/selection.test-support';
import { POLICY_TEMPLATES } from '../events';
import { slaOf } from './review-sla';

const HOUR = 3_600_000;

describe('review SLA as event policy', () => {
  it('defaults to 24 h and 48 h in every template and for policies saved before it existed', () => {
    for (const template of Object.values(POLICY_TEMPLATES))
      expect(template.reviewSla).toEqual({ warnHours: 24, overdueHours: 48 });
    const { reviewSla: _omitted, ...old } = POLICY_TEMPLATES.general;
    expect(EventPolicySchema.parse(old).reviewSla).toEqual({ warnHours: 24, overdueHours: 48 });
  });

  it('refuses thresholds that are not positive or where the warning does not come first, in Chinese', () => {
    const messages = (reviewSla: unknown) => {
      const result = EventPolicySchema.safeParse({ ...POLICY_TEMPLATES.general, reviewSla });
      return result.success
        ? []
        : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(messages({ warnHours: 48, overdueHours: 24 })).toEqual([
      'reviewSla.warnHours: 审核提醒时限（48小时）须小于超时时限（24小时）',
    ]);
    expect(messages({ warnHours: 24, overdueHours: 24 })).toEqual([
      'reviewSla.warnHours: 审核提醒时限（24小时）须小于超时时限（24小时）',
    ]);
    expect(messages({ warnHours: 0, overdueHours: 48 })).toEqual([
      'reviewSla.warnHours: 审核提醒时限须大于0小时',
    ]);
    expect(messages({ warnHours: 12, overdueHours: -1 })).toContain(
      'reviewSla.overdueHours: 审核超时时限须大于0小时',
    );
    expect(messages({ warnHours: 1.5, overdueHours: 4 })).toEqual([
      'reviewSla.warnHours: 审核提醒时限须为整数小时',
    ]);
  });

  it('marks by the given thresholds', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    const ago = (h: number) => new Date(now.getTime() - h * HOUR);
    const sla = { warnHours: 4, overdueHours: 8 };
    expect([
      slaOf('submitted', ago(3.9), now, sla),
      slaOf('submitted', ago(4), now, sla),
      slaOf('submitted', ago(8), now, sla),
    ]).toEqual(['ok', 'due', 'overdue']);
  });
});

describe('review queue under different event policies', () => {
  let t: TestApp;
  let org: AuthHeaders;
  let unit: Awaited<ReturnType<typeof createReviewUnit>>;
  const ids: Record<string, string> = {};
  const events: Record<string, string> = {};
  const get = (headers: AuthHeaders, url: string) => t.app.inject({ method: 'GET', url, headers });
  const marks = (body: { items: Array<{ id: string; sla: string }> }) =>
    Object.fromEntries(
      body.items.map((i) => [Object.keys(ids).find((k) => ids[k] === i.id), i.sla]),
    );

  beforeAll(async () => {
    t = await createTestApp();
    org = (await loginAs(t.app, 'org_admin')).headers;
    unit = await createReviewUnit(t.app, org, '市教委');
    const strict = await createSelectionEvent(t.app, {
      policy: { reviewSla: { warnHours: 2, overdueHours: 4 } },
    });
    const usual = await createSelectionEvent(t.app);
    Object.assign(events, { strict: strict.id, usual: usual.id });
    // In each event one application has waited 3 h and one 5 h.
    for (const [name, event] of [
      ['strict', strict],
      ['usual', usual],
    ] as const) {
      const people = [await createExaminee(t.app, event.id), await createExaminee(t.app, event.id)];
      await publishScores(
        t.app,
        event.id,
        people.map((p) => [p.ticketNumber, 75, 70]),
      );
      const position = await createPublishedPosition(t.app, event.id, unit.unitId);
      for (const [i, waited] of [3, 5].entries()) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/candidate/applications',
          headers: people[i]!.headers,
          payload: { eventId: event.id, positionId: position.id },
        });
        ids[`${name}${waited}h`] = res.json().id;
        await setTestSubmittedAt(
          t.app.kaolu.database.db,
          res.json().id,
          new Date(Date.now() - waited * HOUR),
        );
      }
    }
  });
  afterAll(() => t.close());

  it("marks each application by its own event's thresholds in the queue and the detail", async () => {
    const queue = (await get(unit.reviewer, '/api/admin/reviews')).json();
    expect(marks(queue)).toEqual({
      strict3h: 'due',
      strict5h: 'overdue',
      usual3h: 'ok',
      usual5h: 'ok',
    });
    expect(queue.items.find((i: { id: string }) => i.id === ids.strict3h).slaHours).toEqual({
      warn: 2,
      overdue: 4,
    });
    expect(queue.items.find((i: { id: string }) => i.id === ids.usual3h).slaHours).toEqual({
      warn: 24,
      overdue: 48,
    });
    expect((await get(unit.reviewer, `/api/admin/reviews/${ids.strict5h}`)).json().sla).toBe(
      'overdue',
    );
    expect((await get(unit.reviewer, `/api/admin/reviews/${ids.usual5h}`)).json().sla).toBe('ok');
  });

  it("filters due and overdue by each event's policy, and the overdue list follows it too", async () => {
    expect(marks((await get(unit.reviewer, '/api/admin/reviews?sla=due')).json())).toEqual({
      strict3h: 'due',
    });
    expect(marks((await get(unit.reviewer, '/api/admin/reviews?sla=overdue')).json())).toEqual({
      strict5h: 'overdue',
    });
    const overdue = (await get(org, '/api/admin/reviews/overdue')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([ids.strict5h]);
    expect(
      (await get(org, `/api/admin/reviews/overdue?eventId=${events.usual}`)).json().total,
    ).toBe(0);
  });
});
