import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, loginAsCandidate, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createScoringFixture, type ScoringFixture } from './scoring.test-support';

// The interview administrator on the scoring day: a candidate's interview time moved (told by
// SMS, refused once he is checked in) and an examiner's tablet account opened (IVW-08).
describe('interview time change and examiner tablet accounts (IVW-08)', () => {
  let t: TestApp;
  let f: ScoringFixture;
  let admin: AuthHeaders;
  let linked: string;
  let pm: string;
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await t.app.kaolu.database.db.execute(query)) as unknown as { rows: T[] }).rows;

  beforeAll(async () => {
    t = await createTestApp();
    linked = (await loginAsCandidate(t.app)).candidateId;
    f = await createScoringFixture(t.app, { perGroup: 3, linkCandidateIds: [linked] });
    admin = (await loginAs(t.app, [{ role: 'interview_admin', eventId: f.eventId }])).headers;
    // An afternoon session of the same day to move candidates to.
    const [session] = await rows<{ id: string }>(
      sql`insert into interview_session (interview_event_id, day, half_day)
          values (${f.eventId}, '2026-12-05', 'pm') returning id`,
    );
    pm = session!.id;
  });
  afterAll(async () => t?.close());

  const move = (id: string, headers = admin) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/interview/candidates/${id}/session`,
      headers,
      payload: { sessionId: pm, reason: '考生申请调整' },
    });

  it('moves a candidate not yet checked in and texts him the new time', async () => {
    const c = f.candidates[0]!;
    await t.app.kaolu.database.db.execute(
      sql`update interview_candidate set checked_in_at = null where id = ${c.id}`,
    );
    const res = await move(c.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      sessionId: pm,
      sessionLabel: '2026-12-05 下午',
      notified: true,
    });
    const sms = await rows<{ content: string }>(
      sql`select content from sms_message where purpose = 'interview_time_changed'`,
    );
    expect(sms).toHaveLength(1);
    expect(sms[0]!.content).toContain('调整为2026-12-05 下午');
  });

  it('refuses to move a checked-in candidate, and refuses callers without interview.manage', async () => {
    const c = f.candidates[1]!;
    const refused = await move(c.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('考生已签到，不能再调整面试时间');
    expect((await move(c.id, f.supervisor)).statusCode).toBe(403);
  });

  it("opens an examiner's tablet account once, scoped to the event, and links it", async () => {
    const id = randomUUID();
    const code = `exam${Date.now().toString(36)}`;
    const ad = (column: string) => ({ table: 'interview_examiner', column, rowId: id });
    const { crypto } = t.app.kaolu;
    await t.app.kaolu.database.db.execute(
      sql`insert into interview_examiner (id, interview_event_id, code, name_enc, phone_enc, unit_name)
          values (${id}, ${f.eventId}, ${code}, ${crypto.encryptField('王考官', ad('name'))},
            ${crypto.encryptField('13912345678', ad('phone'))}, '测试局')`,
    );
    const open = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/interview/events/${f.eventId}/examiners/${id}/account`,
        headers: admin,
      });
    const res = await open();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: code });
    expect(res.json().oneTimePassword.length).toBeGreaterThan(6);
    const [row] = await rows<{ staff_user_id: string }>(
      sql`select staff_user_id from interview_examiner where id = ${id}`,
    );
    expect(row!.staff_user_id).toBe(res.json().staffUserId);
    const grants = await rows<{ role: string; event_id: string }>(
      sql`select role, event_id from role_grant where staff_user_id = ${row!.staff_user_id}`,
    );
    expect(grants).toEqual([{ role: 'examiner', event_id: f.eventId }]);
    expect((await open()).statusCode).toBe(409);
  });
});
