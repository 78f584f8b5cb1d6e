import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createReviewUnit } from '../applications/selection.test-support';
import { createReviewedEvent } from './interview-lists.test-support';

// Confirm → publish (INT-02, §7), what units, candidates and the public see, history (NFR-HIS-1).
describe('interview lists: confirmation, publication, scope and views', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createReviewedEvent>>;
  let base: string;
  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    headers: AuthHeaders,
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  // The figures page as the given caller sees it (scope applied by the server).
  const figuresOf = async (headers: AuthHeaders, query = '') =>
    (await call('GET', `${base}${query}`, headers)).json();

  beforeAll(async () => {
    t = await createTestApp();
    // Position 0: 1 place at 1:3 → quota 3; 80, 75, 70, 70 (tie at the cut) and 62.
    // Position 1: its own ratio 1:2 → quota 2, two applicants: 66 and 61.
    // The line is raised to 65 after the applications: 62 and 61 fall under it (§7 pass line).
    f = await createReviewedEvent(t.app, {
      positions: [{ headcount: 1 }, { headcount: 1, interviewRatio: 2 }],
      applicants: [
        { position: 0, xingce: 80, shenlun: 80 },
        { position: 0, xingce: 75, shenlun: 75 },
        { position: 0, xingce: 70, shenlun: 70 },
        { position: 0, xingce: 72, shenlun: 68 },
        { position: 0, xingce: 62, shenlun: 62 },
        { position: 1, xingce: 66, shenlun: 66 },
        { position: 1, xingce: 61, shenlun: 61 },
      ],
    });
    base = `/api/admin/events/${f.event.id}/interview-lists`;
    const line = await call('PUT', `/api/admin/events/${f.event.id}/pass-lines`, f.org, {
      lines: [{ examCategory: 'comprehensive', line: '65' }],
    });
    expect(line.statusCode).toBe(200);
    expect((await call('POST', `${base}/compute`, f.org)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('shows each position with its ratio override, the pass line and every tie at the cut', async () => {
    const page = await figuresOf(f.org);
    expect(page.total).toBe(2);
    expect(page.counts).toEqual({ draft: 2, confirmed: 0, published: 0 });
    const [p0, p1] = [0, 1].map((i) =>
      page.items.find((p: { positionId: string }) => p.positionId === f.positions[i]!.id),
    );
    expect(p0).toMatchObject({ ratio: '1:3', quota: 3, listed: 4, tiedBeyondQuota: 1 });
    expect(p0).toMatchObject({ line: '70.00', passLine: '65.00', shortfall: 0 });
    expect(p1).toMatchObject({ ratio: '1:2', quota: 2, listed: 1, shortfall: 1 });
    const detail = (await call('GET', `${base}/positions/${f.positions[0]!.id}`, f.org)).json();
    const below = detail.entries.find((e: { status: string }) => e.status === 'below_cutoff');
    expect(below.reason).toBe('笔试成绩 62.00 低于合格线 65.00');
    expect(detail.entries.map((e: { rank: number | null }) => e.rank)).toEqual([1, 2, 3, 3, null]);
    // Candidates appear by ticket number and masked name, never by id.
    expect(detail.entries[0].ticketNumber).toBe(f.people[0]!.ticketNumber);
    expect(detail.entries[0].candidateName).toBe('王*明');
  });

  it('finds positions by code and by status', async () => {
    const code = f.positions[1]!.code as string;
    const byCode = await figuresOf(f.org, `?keyword=${encodeURIComponent(code)}`);
    expect(byCode.items.map((p: { positionCode: string }) => p.positionCode)).toEqual([code]);
    expect((await figuresOf(f.org, '?status=published')).total).toBe(0);
  });

  it('shows candidates and the public nothing before publication', async () => {
    const mine = await call('GET', '/api/candidate/interview-lists', f.people[0]!.headers);
    expect(mine.json()).toEqual({ items: [] });
    const open = await t.app.inject({ url: `/api/public/events/${f.event.id}/interview-lists` });
    expect(open.statusCode).toBe(404);
  });

  it('publishes only confirmed lists, refuses illegal moves and keeps a version', async () => {
    const p0 = f.positions[0]!.id;
    // Nothing is confirmed yet: publication is refused as a whole.
    const publishAll = await call('POST', `${base}/publish`, f.org, {});
    expect(publishAll.json().error.code).toBe('INTERVIEW_LIST.NOT_CONFIRMED');
    const confirmed = await call('POST', `${base}/confirm`, f.org, { positionIds: [p0] });
    expect(confirmed.json()).toEqual({ positions: 1 });
    const again = await call('POST', `${base}/confirm`, f.org, { positionIds: [p0] });
    expect(again.json().error.code).toBe('INTERVIEW_LIST.INVALID_TRANSITION');
    // Position 1 is still a draft: "publish all" is refused as a whole, nothing moves.
    expect((await call('POST', `${base}/publish`, f.org, {})).statusCode).toBe(409);
    expect((await figuresOf(f.org)).counts).toEqual({ draft: 1, confirmed: 1, published: 0 });
    const published = await call('POST', `${base}/publish`, f.org, { positionIds: [p0] });
    expect(published.json()).toEqual({ positions: 1 });
    const twice = await call('POST', `${base}/publish`, f.org, { positionIds: [p0] });
    expect(twice.json().error.code).toBe('INTERVIEW_LIST.INVALID_TRANSITION');
    const recompute = await call('POST', `${base}/compute`, f.org);
    expect(recompute.json().error.code).toBe('INTERVIEW_LIST.ALREADY_PUBLISHED');
    // A position that has no list in this event is named as not found.
    const unknown = await call('POST', `${base}/confirm`, f.org, { positionIds: [f.event.id] });
    expect(unknown.statusCode).toBe(404);

    // The publication was kept with its figures (NFR-HIS-1).
    const versions = (await call('GET', `${base}/versions`, f.org)).json().items;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ action: 'published', positions: 1, listed: 4 });
    const version = (await call('GET', `${base}/versions/${versions[0].id}`, f.org)).json();
    expect(version.items).toEqual([
      expect.objectContaining({ positionId: p0, quota: 3, listed: 4, line: '70.00' }),
    ]);
  });

  it('tells the candidate his status once his position is published, and only then', async () => {
    const listed = (
      await call('GET', '/api/candidate/interview-lists', f.people[2]!.headers)
    ).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ onList: true, rank: 3, line: '70.00', quota: 3 }),
    ]);
    const under = (
      await call('GET', '/api/candidate/interview-lists', f.people[4]!.headers)
    ).json();
    expect(under.items[0]).toMatchObject({ onList: false, status: 'below_cutoff' });
    expect(under.items[0].reason).toContain('低于合格线');
    // Position 1 is still a draft: its candidates see nothing yet.
    const draft = (
      await call('GET', '/api/candidate/interview-lists', f.people[5]!.headers)
    ).json();
    expect(draft.items).toEqual([]);
  });

  it('shows the public page with ticket numbers and masked names of the listed only', async () => {
    const events = (await t.app.inject({ url: '/api/public/interview-lists' })).json().items;
    expect(events.map((e: { eventId: string }) => e.eventId)).toContain(f.event.id);
    const page = (
      await t.app.inject({ url: `/api/public/events/${f.event.id}/interview-lists` })
    ).json();
    expect(page.total).toBe(1);
    expect(page.items[0].people).toHaveLength(4);
    expect(page.items[0].people[0]).toEqual({
      ticketNumber: f.people[0]!.ticketNumber,
      name: '王*明',
    });
  });

  it("keeps a unit to its own positions and the org's actions to the org", async () => {
    // The fixture's unit sees both its positions; another unit sees none and cannot open one.
    const own = await figuresOf(f.unit.reviewer);
    expect(own.total).toBe(2);
    const other = await createReviewUnit(t.app, f.org, `市其他局${f.event.code}`);
    expect((await figuresOf(other.reviewer)).total).toBe(0);
    const detail = await call('GET', `${base}/positions/${f.positions[0]!.id}`, other.reviewer);
    expect(detail.statusCode).toBe(404);
    const exported = await call(
      'GET',
      `${base}/export?positionId=${f.positions[0]!.id}`,
      other.reviewer,
    );
    expect(exported.statusCode).toBe(404);
    // Reading is not managing: a unit may not confirm.
    const confirm = await call('POST', `${base}/confirm`, f.unit.reviewer, {});
    expect(confirm.statusCode).toBe(403);
    const unitUser = await loginAs(t.app, [{ role: 'unit_user', unitId: f.unit.unitId }]);
    expect((await figuresOf(unitUser.headers)).total).toBe(2);
  });

  it('exports a position or the whole event as Excel', async () => {
    for (const query of [`?positionId=${f.positions[0]!.id}`, '']) {
      const res = await call('GET', `${base}/export${query}`, f.org);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
    }
  });
});
