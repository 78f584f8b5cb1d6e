import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { interviewPosition } from './interview.table';
import { createInterviewEvent, post, STRUCTURED_TYPE } from './setup.test-support';

describe('interview setup 面试设置 (IVW-01) and its scope', () => {
  let t: TestApp;
  let org: AuthHeaders;
  const audit = createAuditRecorder();
  let eventId: string;
  let typeId: string;
  let venueA: string;
  let venueB: string;
  let roomA: string;
  let roomB: string;

  // One event with a structured type and two venues of one room each: the scope tests need two
  // venues, the validation tests a type whose panel is known (7 examiners).
  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    org = (await loginAs(t.app, 'org_admin')).headers;
    eventId = (await createInterviewEvent(t.app, org)).id;
    const type = await t.app.inject({
      method: 'PUT',
      url: `/api/interview/events/${eventId}/types`,
      headers: org,
      payload: STRUCTURED_TYPE,
    });
    expect(type.statusCode).toBe(200);
    typeId = type.json().id;
    venueA = (
      await post(t.app, org, `/api/interview/events/${eventId}/venues`, { name: '考点甲' })
    ).json().id;
    venueB = (
      await post(t.app, org, `/api/interview/events/${eventId}/venues`, { name: '考点乙' })
    ).json().id;
    roomA = (
      await post(t.app, org, `/api/interview/events/${eventId}/rooms`, {
        venueId: venueA,
        name: '101',
      })
    ).json().id;
    roomB = (
      await post(t.app, org, `/api/interview/events/${eventId}/rooms`, {
        venueId: venueB,
        name: '201',
      })
    ).json().id;
  });
  afterAll(() => t.close());

  // A valid group of the fixture: 1 chief + 4 fixed + 2 rotating = the type's 7 examiners.
  const group = (roomId: string, extra: object = {}) => ({
    roomId,
    day: '2026-12-20',
    name: `第${roomId.slice(0, 4)}组`,
    typeId,
    fixedSeats: 4,
    rotatingSeats: 2,
    ...extra,
  });

  // The happy path end to end, and one audit entry per change (REG-08).
  it('sets up types, sessions, venues, rooms and groups, auditing every change', async () => {
    const session = await post(t.app, org, `/api/interview/events/${eventId}/sessions`, {
      day: '2026-12-20',
      halfDay: 'am',
    });
    expect(session.statusCode).toBe(200);
    const created = await post(t.app, org, `/api/interview/events/${eventId}/groups`, group(roomA));
    expect(created.statusCode).toBe(200);
    const setup = await t.app.inject({
      url: `/api/interview/events/${eventId}/setup`,
      headers: org,
    });
    expect(setup.statusCode).toBe(200);
    const body = setup.json();
    expect(body.types).toHaveLength(1);
    expect(body.sessions).toEqual([expect.objectContaining({ day: '2026-12-20', halfDay: 'am' })]);
    expect(body.venues.map((v: { rooms: unknown[] }) => v.rooms.length)).toEqual([1, 1]);
    expect(body.groups[0]).toMatchObject({ roomId: roomA, venueId: venueA, fixedSeats: 4 });
    expect(audit.actions()).toEqual(
      expect.arrayContaining([
        'interview_event.created',
        'interview_type.created',
        'interview_venue.created',
        'interview_room.created',
        'interview_session.created',
        'interview_group.created',
      ]),
    );
  });

  // Every problem at once and in Chinese, so the org fixes the form in one pass (IVW-01, §7).
  it('refuses a type whose weights do not sum to 1, with an even panel and bands past the maximum', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/interview/events/${eventId}/types`,
      headers: org,
      payload: {
        ...STRUCTURED_TYPE,
        kind: 'professional',
        examinerCount: 6,
        indicators: [
          {
            code: 'A',
            name: '专业知识',
            weight: 0.5,
            max: 50,
            bands: [{ name: '好', min: 40, max: 60 }],
          },
          { code: 'B', name: '专业能力', weight: 0.3, max: 50, bands: [] },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const messages = res.json().error.details.problems.map((p: { message: string }) => p.message);
    expect(messages).toEqual([
      '考官人数须为 5 至 9 之间的奇数',
      '各指标权重之和须为 1，当前为 0.8',
      '第1个指标「专业知识」的档次「好」上限超过该指标满分 50',
    ]);
    // Nothing was written: the event still has one type only.
    const setup = await t.app.inject({
      url: `/api/interview/events/${eventId}/setup`,
      headers: org,
    });
    expect(setup.json().types).toHaveLength(1);
  });

  // The panel is the type's: a group cannot silently sit fewer examiners than the type needs.
  it('refuses a group whose seats do not make the type’s panel', async () => {
    const res = await post(
      t.app,
      org,
      `/api/interview/events/${eventId}/groups`,
      group(roomB, { fixedSeats: 2 }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('与面试类型要求的 7 名考官不符');
  });

  // IVW-05 scope per account: a venue-narrowed administrator works in his venue only.
  it('lets staff of venue A change venue A and never venue B', async () => {
    const staffA = (await loginAs(t.app, [{ role: 'interview_admin', eventId, venueId: venueA }]))
      .headers;
    const inA = await post(t.app, staffA, `/api/interview/events/${eventId}/rooms`, {
      venueId: venueA,
      name: '102',
    });
    expect(inA.statusCode).toBe(200);
    // The same request for venue B is refused, and so is a group in venue B's room.
    const inB = await post(t.app, staffA, `/api/interview/events/${eventId}/rooms`, {
      venueId: venueB,
      name: '202',
    });
    expect(inB.statusCode).toBe(403);
    const groupB = await post(
      t.app,
      staffA,
      `/api/interview/events/${eventId}/groups`,
      group(roomB),
    );
    expect(groupB.statusCode).toBe(403);
    // Event-wide setup (types, sessions) is beyond a venue-narrowed grant.
    const session = await post(t.app, staffA, `/api/interview/events/${eventId}/sessions`, {
      day: '2026-12-21',
      halfDay: 'pm',
    });
    expect(session.statusCode).toBe(403);
  });

  // Grants name one interview event; the portal home lists only the events a grant names.
  it('keeps an event’s staff out of another event, and shows each his own events', async () => {
    const other = await createInterviewEvent(t.app, org);
    const staff = await loginAs(t.app, [{ role: 'interview_admin', eventId: other.id }]);
    const venue = await post(t.app, staff.headers, `/api/interview/events/${eventId}/venues`, {
      name: '越权',
    });
    expect(venue.statusCode).toBe(403);
    const read = await t.app.inject({
      url: `/api/interview/events/${eventId}/candidates`,
      headers: staff.headers,
    });
    expect(read.statusCode).toBe(403);
    // The portal home lists exactly the granted event, with what the role allows there.
    const mine = await t.app.inject({ url: '/api/interview/my-events', headers: staff.headers });
    expect(mine.json().map((e: { id: string }) => e.id)).toEqual([other.id]);
    expect(mine.json()[0].permissions).toEqual(
      expect.arrayContaining(['interview.read', 'interview.manage', 'interview.checkin']),
    );
  });

  // 三权分立: only sec_admin grants; a venue narrows interview roles and nothing else.
  it('lets sec_admin grant an interview role narrowed to a venue, and no other role so', async () => {
    const sec = (await loginAs(t.app, 'sec_admin')).headers;
    const target = await loginAs(t.app);
    const grant = (payload: object) =>
      post(t.app, sec, '/api/role-grants', { staffUserId: target.userId, ...payload });
    const venueGrant = await grant({ role: 'interview_staff', eventId, venueId: venueA });
    expect(venueGrant.statusCode).toBe(200);
    const list = await t.app.inject({
      url: `/api/role-grants?staffUserId=${target.userId}`,
      headers: sec,
    });
    expect(JSON.stringify(list.json())).toContain(venueA);
    expect(audit.entries.find((e) => e.action === 'role.granted')?.details).toMatchObject({
      venueId: venueA,
    });
    expect((await grant({ role: 'interview_staff' })).json().error.code).toBe(
      'IDENTITY.SCOPE_REQUIRED',
    );
    const unitRole = await grant({ role: 'unit_user', unitId: venueB, venueId: venueA });
    expect(unitRole.statusCode).toBe(400);
  });

  // §7 continuity: a position stays with one group all day; moving it is an explicit release.
  it('refuses to take a position another group keeps all day', async () => {
    const positions = await t.app.kaolu.database.db
      .insert(interviewPosition)
      .values({ interviewEventId: eventId, code: 'X01', title: '综合', unitName: '测试单位' })
      .returning();
    const id = positions[0]!.id;
    const first = await post(
      t.app,
      org,
      `/api/interview/events/${eventId}/groups`,
      group(roomB, { day: '2026-12-22', positionIds: [id] }),
    );
    expect(first.statusCode).toBe(200);
    const second = await post(
      t.app,
      org,
      `/api/interview/events/${eventId}/groups`,
      group(roomA, { day: '2026-12-22', name: '第二组', positionIds: [id] }),
    );
    expect(second.statusCode).toBe(400);
    expect(second.json().error.message).toContain('职位 X01 已由');
  });

  // 监督员 watch; they change nothing (least privilege).
  it('gives a supervisor reading and supervising but no setup', async () => {
    const supervisor = (await loginAs(t.app, [{ role: 'supervisor', eventId }])).headers;
    const read = await t.app.inject({
      url: `/api/interview/events/${eventId}/setup`,
      headers: supervisor,
    });
    expect(read.statusCode).toBe(200);
    const write = await post(t.app, supervisor, `/api/interview/events/${eventId}/venues`, {
      name: '监督',
    });
    expect(write.statusCode).toBe(403);
  });
});
