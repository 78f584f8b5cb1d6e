import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessage } from '../../platform/sms/sms.table';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { listEntriesOf } from '../interview-lists';
import { profileDocument } from '../registrations/registration.test-support';
import { auditedActions } from './adjustment-audit.test-support';
import { createAdjustmentEvent } from './adjustment.test-support';

// A year in Canada: past the six-month limit of INT-07.
const abroad = profileDocument({
  abroad: [{ startDate: '2020-01-01', endDate: '2021-01-01', country: '加拿大', purpose: 'work' }],
});

type Row = { candidateId: string; positionCode: string | null; reasons: string[]; source: string };

// The fixture: position 0 misses one (its list has candidate 0), position 1 is a 基层人民警察
// position nobody applied to. In the pool: 1 (75.00, a year abroad), 2 and 3 tied at 70.00; 4 is
// below the line and stays out. No public round was published, so the unified round opens at once.
describe('unified adjustment 统一调剂 (§7, INT-02, INT-07)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createAdjustmentEvent>>;
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    headers: AuthHeaders,
    payload?: object,
  ) => t.app.inject({ method, url, headers, payload });
  const base = () => `/api/admin/events/${f.event.id}/adjustment`;
  const rowOf = (proposal: { candidates: Row[] }, who: number) =>
    proposal.candidates.find((c) => c.candidateId === f.people[who]!.candidateId);

  beforeAll(async () => {
    t = await createTestApp();
    f = await createAdjustmentEvent(t.app, {
      positions: [
        { headcount: 1, interviewRatio: 2 }, // 0: one listed, short by 1
        { headcount: 1, interviewRatio: 1, basicPolice: true }, // 1: 基层人民警察, short by 1
      ],
      applicants: [
        { position: 0, xingce: 80, shenlun: 80 }, // 0: on the first list
        { position: null, xingce: 75, shenlun: 75, document: abroad }, // 1: best, abroad a year
        { position: null, xingce: 70, shenlun: 70 }, // 2: tied with 3
        { position: null, xingce: 70, shenlun: 70 }, // 3
        { position: null, xingce: 50, shenlun: 50 }, // 4: below the line
      ],
    });
  });
  afterAll(() => t.close());

  // Confirm without a proposal is refused: the org always reviews what the engine proposed.
  it('has nothing to edit or confirm before a proposal', async () => {
    const res = await call('POST', `${base()}/unified/confirm`, f.org);
    expect(res.json().error.code).toBe('ADJUSTMENT.NO_PROPOSAL');
  });

  // The engine's unified round: positions in code order, best written total first, ties all in.
  it('proposes placements through the engine, each explained; ties at the cut all enter', async () => {
    const res = await call('POST', `${base()}/unified/propose`, f.org);
    expect(res.statusCode).toBe(200);
    const proposal = res.json();
    expect(proposal.status).toBe('proposed');
    // The pool: on no list, at the line, same category and subject as a short position.
    expect(proposal.candidates).toHaveLength(3);
    expect(rowOf(proposal, 1)).toMatchObject({
      positionCode: f.positions[0]!.code,
      source: 'engine',
    });
    expect(rowOf(proposal, 1)!.reasons[0]).toContain('按笔试成绩 75.00 调剂至职位');
    // The police position bars 1 (abroad); 2 and 3 tie at 70.00 for its one place: both enter.
    expect(rowOf(proposal, 2)!.positionCode).toBe(f.positions[1]!.code);
    expect(rowOf(proposal, 3)!.positionCode).toBe(f.positions[1]!.code);
    expect(rowOf(proposal, 4)).toBeUndefined();
    expect(proposal.positions.map((p: { proposed: number }) => p.proposed)).toEqual([1, 2]);
  });

  // Hand edits: the same rules (INT-07 here), the shortfall, the pool; malformed ids are 400.
  it('validates hand edits by the same rules and the shortfall, and refuses bad input', async () => {
    const move = (who: number, position: number) =>
      call('PUT', `${base()}/unified/placements/${f.people[who]!.candidateId}`, f.org, {
        positionId: f.positions[position]!.id,
      });
    const barred = await move(1, 1);
    expect(barred.statusCode).toBe(422);
    expect(barred.json().error.message).toContain('境外连续居住6个月以上');
    expect((await move(3, 0)).json().error.code).toBe('ADJUSTMENT.NO_PLACES');
    expect((await move(0, 0)).json().error.code).toBe('ADJUSTMENT.NOT_IN_POOL');
    const bad = await call(
      'PUT',
      `${base()}/unified/placements/${f.people[3]!.candidateId}`,
      f.org,
      {
        positionId: 'not-a-uuid',
      },
    );
    expect(bad.statusCode).toBe(400);
    // Removing 3 leaves 2 alone on the police position, within its shortfall.
    const removed = await call(
      'DELETE',
      `${base()}/unified/placements/${f.people[3]!.candidateId}`,
      f.org,
    );
    expect(removed.statusCode).toBe(200);
    expect(rowOf(removed.json(), 3)).toMatchObject({ positionCode: null, source: 'manual' });
    expect(rowOf(removed.json(), 3)!.reasons[0]).toContain('组织部门取消');
    // Only the org department runs the unified round: a unit user is refused.
    const reviewer = (await loginAs(t.app, [{ role: 'unit_user', unitId: f.units[0]!.unitId }]))
      .headers;
    expect((await call('POST', `${base()}/unified/confirm`, reviewer)).statusCode).toBe(403);
  });

  // The proposal is exported for the org's review meeting; a bad kind is refused.
  it('exports the proposal as Excel', async () => {
    const res = await call('GET', `${base()}/export?kind=proposal`, f.org);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((await call('GET', `${base()}/export?kind=other`, f.org)).statusCode).toBe(400);
  });

  // Confirm: onto the lists (round unified), one SMS per placed candidate after the job runs.
  it('confirms: placements go onto the lists (round unified) and each placed candidate gets one SMS', async () => {
    const res = await call('POST', `${base()}/unified/confirm`, f.org);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ placed: 2, notified: 2 });
    const db = t.app.kaolu.database.db;
    const entries = await listEntriesOf(db, f.event.id, { round: 'unified' });
    expect(entries.map((e) => [e.candidateId, e.positionId]).sort()).toEqual(
      [
        [f.people[1]!.candidateId, f.positions[0]!.id],
        [f.people[2]!.candidateId, f.positions[1]!.id],
      ].sort(),
    );
    // The SMS leave through the outbox job after commit, so none exists until it runs.
    await t.app.kaolu.jobs.drain();
    const sms = await db
      .select()
      .from(smsMessage)
      .where(eq(smsMessage.purpose, 'adjustment_unified_placed'));
    expect(sms).toHaveLength(2);
    expect((await call('POST', `${base()}/unified/confirm`, f.org)).json().error.code).toBe(
      'ADJUSTMENT.ALREADY_CONFIRMED',
    );
    // Confirmed is final: neither a new proposal nor a hand edit is taken any more.
    expect((await call('POST', `${base()}/unified/propose`, f.org)).json().error.code).toBe(
      'ADJUSTMENT.ALREADY_CONFIRMED',
    );
    const late = await call(
      'DELETE',
      `${base()}/unified/placements/${f.people[1]!.candidateId}`,
      f.org,
    );
    expect(late.json().error.code).toBe('ADJUSTMENT.ALREADY_CONFIRMED');
    const results = await call('GET', `${base()}/export?kind=results`, f.org);
    expect(results.statusCode).toBe(200);
  });

  // The proposal, each hand edit, the confirmation and the exports are all in the audit log.
  it('audits the proposal, the hand edits, the confirmation and the exports', async () => {
    const actions = await auditedActions(t.app);
    for (const action of [
      'adjustment_unified.proposed',
      'adjustment_unified.edited',
      'adjustment_unified.confirmed',
      'adjustment.exported',
    ])
      expect(actions, action).toContain(action);
  });
});
