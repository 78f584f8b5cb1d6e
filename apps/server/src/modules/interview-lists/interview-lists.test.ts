import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { listEntriesOf, positionListsOf } from './interview-lists.queries';
import { createReviewedEvent } from './interview-lists.test-support';

describe('interview lists 面试名单 (INT-02, §7)', () => {
  let t: TestApp;
  let fixture: Awaited<ReturnType<typeof createReviewedEvent>>;
  const compute = async () => {
    const org = await loginAs(t.app, 'org_admin');
    return t.app.inject({
      method: 'POST',
      url: `/api/admin/events/${fixture.event.id}/interview-lists/compute`,
      headers: org.headers,
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Position 0: one place at 1:3 → quota 3; totals 80, 75, 70, 70 (tie at the cut), 65 (applying needs the pass line, §7).
    // Position 1: one place at 1:2 → quota 2; one applicant: shortfall 1.
    fixture = await createReviewedEvent(t.app, {
      positions: [{ headcount: 1 }, { headcount: 1, interviewRatio: 2 }],
      applicants: [
        { position: 0, xingce: 80, shenlun: 80 },
        { position: 0, xingce: 75, shenlun: 75 },
        { position: 0, xingce: 70, shenlun: 70 },
        { position: 0, xingce: 72, shenlun: 68 },
        { position: 0, xingce: 65, shenlun: 65 },
        { position: 1, xingce: 66, shenlun: 66 },
      ],
    });
  });
  afterAll(() => t.close());

  it('takes the quota by written total, every tie at the cut, and explains each outcome', async () => {
    const res = await compute();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ positions: 2, listed: 5, shortPositions: 1 });
    const db = t.app.kaolu.database.db;
    const figures = await positionListsOf(db, fixture.event.id);
    const first = figures.find((f) => f.positionId === fixture.positions[0]!.id)!;
    expect(first).toMatchObject({ quota: 3, listed: 4, tiedBeyondQuota: 1, lineCenti: 7000 });
    const second = figures.find((f) => f.positionId === fixture.positions[1]!.id)!;
    expect(second).toMatchObject({ quota: 2, listed: 1, shortfall: 1, status: 'draft' });
    const entries = await listEntriesOf(db, fixture.event.id, {
      positionId: fixture.positions[0]!.id,
    });
    const byTotal = entries
      .map((e) => [e.writtenTotalCenti, e.status, e.rank])
      .sort((a, b) => Number(b[0]) - Number(a[0]));
    expect(byTotal).toEqual([
      [8000, 'listed', 1],
      [7500, 'listed', 2],
      [7000, 'listed', 3],
      [7000, 'listed', 3],
      [6500, 'outside_quota', 5],
    ]);
    expect(entries.find((e) => e.writtenTotalCenti === 6500)!.reason).toContain('入围最低分 70.00');
  });

  it('recomputes in place: the same figures, one row per candidate, the version raised', async () => {
    expect((await compute()).statusCode).toBe(200);
    const db = t.app.kaolu.database.db;
    const entries = await listEntriesOf(db, fixture.event.id);
    expect(entries).toHaveLength(6);
    const figures = await positionListsOf(db, fixture.event.id);
    expect(figures.every((f) => f.version === 2)).toBe(true);
  });
});
