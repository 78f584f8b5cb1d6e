import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createAuditRecorder, loginAs, loginAsCandidate } from '../../test-support/login-as';
import { prepareCandidate } from '../registrations/registration.test-support';
import { createInterviewFixture } from './checkin.test-support';

// Candidate check-in (IVW-05): reader keyboard input, manual entry, the reader bridge with its desk
// token, the scope of a staff account, a second check-in, the photo and the statistics.
describe('candidate check-in', () => {
  let t: TestApp;
  const audit = createAuditRecorder();
  let fixture: Awaited<ReturnType<typeof createInterviewFixture>>;
  let other: Awaited<ReturnType<typeof createInterviewFixture>>;
  let staff: Awaited<ReturnType<typeof loginAs>>;
  let linked: string;

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    const candidate = await loginAsCandidate(t.app);
    await prepareCandidate(t.app, candidate.headers);
    linked = candidate.candidateId;
    fixture = await createInterviewFixture(t.app, { perGroup: 4, linkCandidateIds: [linked] });
    other = await createInterviewFixture(t.app, { perGroup: 1 });
    // Staff of the first interview event only: the grant's event scope names it.
    staff = await loginAs(t.app, [{ role: 'interview_staff', eventId: fixture.eventId }]);
  });
  afterAll(() => t.close());

  // A desk's check-in request as the page sends it.
  const checkIn = (eventId: string, payload: object, headers = staff.headers) =>
    t.app.inject({
      method: 'POST',
      url: `/api/interview/events/${eventId}/checkins`,
      headers,
      payload,
    });

  it('checks a candidate in by the number a keyboard-wedge reader typed, masked, with the photo', async () => {
    // The linked candidate has an uploaded photo: the desk can compare.
    const c = fixture.candidates[0]!;
    const res = await checkIn(fixture.eventId, { code: c.idNumber, via: 'reader' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ interviewCandidateId: c.id, already: false, hasPhoto: true });
    expect(body.nameMasked).not.toBe(c.name);
    expect(body.idNumberMasked).not.toContain(c.idNumber.slice(6, 14));
    expect(audit.actions()).toContain('interview_candidate.checked_in');
    const photo = await t.app.inject({
      method: 'GET',
      url: `/api/interview/events/${fixture.eventId}/candidates/${c.id}/photo`,
      headers: staff.headers,
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
  });

  it('a second check-in keeps the first and says when it was', async () => {
    const c = fixture.candidates[0]!;
    // The same candidate by ticket number, then by reader again: still the first time.
    const first = (await checkIn(fixture.eventId, { code: c.ticketNumber })).json();
    expect(first.already).toBe(true);
    const again = await checkIn(fixture.eventId, { code: c.idNumber, via: 'reader' });
    expect(again.json()).toMatchObject({ already: true, checkedInAt: first.checkedInAt });
    expect(audit.actions()).toContain('interview_candidate.checkin_repeated');
  });

  it('checks in by ticket number typed by hand and says when no photo is on file', async () => {
    const c = fixture.candidates[1]!;
    const res = await checkIn(fixture.eventId, { code: c.ticketNumber, via: 'manual' });
    expect(res.json()).toMatchObject({
      interviewCandidateId: c.id,
      already: false,
      hasPhoto: false,
    });
  });

  it('refuses an unknown number with a clear message and checks nobody in', async () => {
    const res = await checkIn(fixture.eventId, { code: '310101199001011234' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('CHECKIN.CANDIDATE_NOT_FOUND');
    // Characters no ID or ticket number has are refused at validation.
    const bad = await checkIn(fixture.eventId, { code: '<script>' });
    expect(bad.statusCode).toBe(400);
  });

  it('staff of one interview event cannot check in, count or query at another', async () => {
    const c = other.candidates[0]!;
    const res = await checkIn(other.eventId, { code: c.idNumber });
    expect(res.statusCode).toBe(403);
    const stats = await t.app.inject({
      method: 'GET',
      url: `/api/interview/events/${other.eventId}/checkins/stats`,
      headers: staff.headers,
    });
    expect(stats.statusCode).toBe(403);
    // Staff of the other event see only their own event's candidates.
    const otherStaff = await loginAs(t.app, [{ role: 'interview_staff', eventId: other.eventId }]);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/interview/events/${other.eventId}/checkins?state=in`,
      headers: otherStaff.headers,
    });
    expect(list.json().items).toEqual([]);
    // A role without interview.checkin is refused outright.
    const unit = await loginAs(t.app, 'unit_user');
    expect((await checkIn(fixture.eventId, { code: c.idNumber }, unit.headers)).statusCode).toBe(
      403,
    );
  });

  describe('reader bridge', () => {
    const bridge = (payload: object, authorization?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/interview/reader-bridge/checkins',
        headers: authorization ? { authorization } : {},
        payload,
      });

    it('refuses a missing, wrong or revoked desk token and checks nobody in', async () => {
      const c = fixture.candidates[2]!;
      expect((await bridge({ idNumber: c.idNumber })).statusCode).toBe(401);
      const wrong = await bridge({ idNumber: c.idNumber }, 'Bearer kdesk_not-a-real-token');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('CHECKIN.DESK_TOKEN_INVALID');
      const desk = await t.app.inject({
        method: 'POST',
        url: `/api/interview/events/${fixture.eventId}/checkin-desks`,
        headers: staff.headers,
        payload: { name: '旧签到台' },
      });
      const { id, token } = desk.json();
      await t.app.inject({
        method: 'POST',
        url: `/api/interview/events/${fixture.eventId}/checkin-desks/${id}/revoke`,
        headers: staff.headers,
      });
      expect((await bridge({ idNumber: c.idNumber }, `Bearer ${token}`)).statusCode).toBe(401);
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/interview/events/${fixture.eventId}/checkins?state=in`,
        headers: staff.headers,
      });
      expect(
        list.json().items.map((i: { interviewCandidateId: string }) => i.interviewCandidateId),
      ).not.toContain(c.id);
    });

    it("checks in with a live desk token, only within the desk's interview event", async () => {
      const desk = await t.app.inject({
        method: 'POST',
        url: `/api/interview/events/${fixture.eventId}/checkin-desks`,
        headers: staff.headers,
        payload: { name: '一号签到台' },
      });
      expect(desk.statusCode).toBe(200);
      const { token } = desk.json();
      // The desk list never shows the token again: only its hash is stored.
      const desks = await t.app.inject({
        method: 'GET',
        url: `/api/interview/events/${fixture.eventId}/checkin-desks`,
        headers: staff.headers,
      });
      expect(JSON.stringify(desks.json())).not.toContain(token);
      const c = fixture.candidates[2]!;
      const res = await bridge({ idNumber: c.idNumber }, `Bearer ${token}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ interviewCandidateId: c.id, already: false });
      const elsewhere = await bridge(
        { idNumber: other.candidates[0]!.idNumber },
        `Bearer ${token}`,
      );
      expect(elsewhere.statusCode).toBe(404);
      expect((await bridge({ idNumber: '12345' }, `Bearer ${token}`)).statusCode).toBe(400);
    });
  });

  it('counts checked in against expected per session, group and position', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/interview/events/${fixture.eventId}/checkins/stats`,
      headers: staff.headers,
    });
    expect(res.json()).toMatchObject({
      checkedIn: 3,
      expected: 4,
      rows: [
        { sessionLabel: '2026-12-05 上午', groupName: '第1面试组', checkedIn: 3, expected: 4 },
      ],
    });
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/interview/events/${fixture.eventId}/checkins?state=missing`,
      headers: staff.headers,
    });
    expect(missing.json().items).toHaveLength(1);
    expect(missing.json().items[0].interviewCandidateId).toBe(fixture.candidates[3]!.id);
  });
});
