import { digestDrawInput } from '@kaolu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { buildExaminerDrawInput, loadSession } from './arrangement-input';
import { createArrangementFixture, type ArrangementFixture } from './arrangement.test-support';
import { runExaminerDraw } from './examiner-draw';
import { examinerAssignment, interviewExaminer } from './interview.table';

// Examiner arrangement (IVW-04, §7 回避) and verifiable draws (REG-08), through the HTTP routes.
describe('examiner arrangement 考官编排 (IVW-04, IVW-07, REG-08)', () => {
  let t: TestApp;
  let f: ArrangementFixture;
  let org: AuthHeaders;
  const api = '/api/admin/interviews';
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, h = org) =>
    t.app.inject({ method, url, headers: h, ...(payload ? { payload } : {}) });
  // The assignment rows as the rules speak of them: seat, examiner code, his unit key and district.
  const seatsOf = async (sessionId: string) => {
    const rows = await t.app.kaolu.database.db
      .select({ a: examinerAssignment, e: interviewExaminer })
      .from(examinerAssignment)
      .innerJoin(interviewExaminer, eq(interviewExaminer.id, examinerAssignment.examinerId))
      .where(eq(examinerAssignment.sessionId, sessionId));
    return rows.map((r) => ({
      group: r.a.groupId,
      seat: r.a.seat,
      code: r.e.code,
      unit: f.examiners.find((e) => e.code === r.e.code)!.unitKey,
      district: r.e.district,
    }));
  };
  // Both steps of a real draw through the routes: publish the hash, then draw.
  const drawSession = async (sessionId: string) => {
    const commit = await call('POST', `${api}/sessions/${sessionId}/examiner-draw/commit`, {});
    expect(commit.statusCode).toBe(200);
    const drawn = await call('POST', `${api}/sessions/${sessionId}/examiner-draw`);
    expect(drawn.statusCode).toBe(200);
    return { commit: commit.json(), table: drawn.json() };
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await createArrangementFixture(t.app);
    org = (await loginAs(t.app, 'org_admin')).headers;
    // Host district 黄浦 with at least two outside examiners per room: the outside-district rule is live.
    const rules = {
      maxRecruitingUnitPerGroup: 1,
      hostDistrict: '黄浦',
      minOutsideExaminers: 2,
      poolFactor: 1.2,
      professionalCountsAsStructured: true,
      noRepeatInGroup: true,
    };
    expect(
      (await call('PUT', `${api}/events/${f.event.id}/arrangement-rules`, rules)).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  it('refuses rules out of range in Chinese and keeps the saved ones', async () => {
    const bad = await call('PUT', `${api}/events/${f.event.id}/arrangement-rules`, {
      maxRecruitingUnitPerGroup: 9,
      hostDistrict: null,
      minOutsideExaminers: 0,
      poolFactor: 1.2,
      professionalCountsAsStructured: true,
      noRepeatInGroup: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const saved = (await call('GET', `${api}/events/${f.event.id}/arrangement-rules`)).json();
    expect(saved).toMatchObject({
      hostDistrict: '黄浦',
      minOutsideExaminers: 2,
      noRepeatInGroup: true,
    });
  });

  it('simulates before the real draw: every run meets the rules, and an impossible minimum is reported', async () => {
    const res = await call('POST', `${api}/sessions/${f.sessions[0]!.id}/examiner-simulation`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ succeeded: report.runs, failures: [], sampleProblems: [] });
    expect(report.sample.map((g: { seats: string[] }) => g.seats.length)).toEqual([5, 5]);
    // Five seats per room, the chief never from outside (no district): five outside examiners cannot be met.
    const rules = (await call('GET', `${api}/events/${f.event.id}/arrangement-rules`)).json();
    await call('PUT', `${api}/events/${f.event.id}/arrangement-rules`, {
      ...rules,
      minOutsideExaminers: 5,
    });
    const impossible = (
      await call('POST', `${api}/sessions/${f.sessions[0]!.id}/examiner-simulation`)
    ).json();
    expect(impossible.succeeded).toBe(0);
    expect(impossible.failures).toContainEqual(
      expect.objectContaining({ code: 'EXAMINER.UNSATISFIABLE', label: '无法满足全部回避规则' }),
    );
    // The real draw is refused too, and the published hash stays for the draw once the pool is fixed.
    await call('POST', `${api}/sessions/${f.sessions[0]!.id}/examiner-draw/commit`, {});
    const refused = await call('POST', `${api}/sessions/${f.sessions[0]!.id}/examiner-draw`);
    expect(refused.json().error.code).toBe('ARRANGEMENT.INFEASIBLE');
    expect(await seatsOf(f.sessions[0]!.id)).toEqual([]);
    await call('PUT', `${api}/events/${f.event.id}/arrangement-rules`, rules);
  });

  it('draws the morning within every 回避 rule, the hash published before the seed', async () => {
    const session = f.sessions[0]!;
    const before = (await call('GET', `${api}/sessions/${session.id}/arrangement`)).json();
    // The committed draw from the refused attempt: hash shown, no seat yet.
    expect(before.draw).toMatchObject({ status: 'committed', drawnAt: null });
    expect(before.draw.seedHash).toMatch(/^[0-9a-f]{64}$/);
    const publicBefore = (
      await t.app.inject({ url: `/api/public/draws/${before.draw.drawId}` })
    ).json();
    expect(publicBefore).toMatchObject({ seed: null, seedHash: before.draw.seedHash, summary: [] });
    const drawn = await call('POST', `${api}/sessions/${session.id}/examiner-draw`);
    expect(drawn.statusCode).toBe(200);
    expect(drawn.json().draw).toMatchObject({ status: 'drawn', seedHash: before.draw.seedHash });
    const seats = await seatsOf(session.id);
    expect(seats).toHaveLength(10);
    const [g1, g2] = f.groups.map((g) => seats.filter((s) => s.group === g.id));
    for (const [room, own] of [
      [g1!, 'A'],
      [g2!, 'B'],
    ] as const) {
      // At most one examiner of the recruiting unit per group, and it is the rotating seat.
      expect(room.filter((s) => s.unit === own).map((s) => s.seat)).toEqual(['rotating']);
      // Never two examiners of one unit in a room.
      expect(new Set(room.map((s) => s.unit)).size).toBe(room.length);
      // At least two examiners from outside the host district.
      expect(room.filter((s) => s.district === '徐汇').length).toBeGreaterThanOrEqual(2);
    }
    // C1 belongs to unit A: never chief of the room keeping A's position.
    expect(g1!.find((s) => s.seat === 'chief')!.code).not.toBe('C1');
    // Declared conflicts: O0 with position P1 (room 1), O1 with unit B (room 2).
    expect(g1!.map((s) => s.code)).not.toContain('O0');
    expect(g2!.map((s) => s.code)).not.toContain('O1');
  });

  it('never seats an examiner twice in a row in the same group', async () => {
    // The afternoon uses the same groups (same day), so the morning's seats are the previous session.
    const am = await seatsOf(f.sessions[0]!.id);
    await drawSession(f.sessions[1]!.id);
    const pm = await seatsOf(f.sessions[1]!.id);
    expect(pm).toHaveLength(10);
    for (const g of f.groups) {
      const before = am.filter((s) => s.group === g.id).map((s) => s.code);
      expect(pm.filter((s) => s.group === g.id && before.includes(s.code))).toEqual([]);
    }
  });

  it('replays: same seed gives the same draw, changed input a different digest', async () => {
    const table = (await call('GET', `${api}/sessions/${f.sessions[0]!.id}/arrangement`)).json();
    const view = await t.app.inject({ url: `/api/public/draws/${table.draw.drawId}` });
    expect(view.statusCode).toBe(200);
    const draw = view.json();
    expect(draw).toMatchObject({ kind: 'examiners', kindLabel: '考官抽签', status: 'drawn' });
    expect(draw.scopeLabel).toContain('2026-12-10 上午');
    expect(draw.summary.map((l: { label: string }) => l.label)).toEqual(['第1组', '第2组']);
    // Public: codes only, never a name.
    for (const e of f.examiners) expect(view.body).not.toContain(e.name);
    const replay = await t.app.inject({ url: `/api/public/draws/${draw.id}/replay` });
    expect(replay.json()).toEqual({ seedMatchesHash: true, resultMatches: true });
    // The replayer registered for kind 'examiners' recomputes the stored result byte for byte.
    const row = (await t.app.kaolu.draws.find(draw.id))!;
    expect(runExaminerDraw(row.input, row.seed!)).toEqual(row.result);
    const db = t.app.kaolu.database.db;
    const session = await loadSession(db, f.sessions[0]!.id);
    const input = await buildExaminerDrawInput(db, session);
    expect(digestDrawInput(input)).toBe(draw.inputDigest);
    // One examiner moved to another district: the input, and so its digest, is different.
    await db
      .update(interviewExaminer)
      .set({ district: '静安' })
      .where(eq(interviewExaminer.code, 'O2'));
    expect(digestDrawInput(await buildExaminerDrawInput(db, session))).not.toBe(draw.inputDigest);
    await db
      .update(interviewExaminer)
      .set({ district: '黄浦' })
      .where(eq(interviewExaminer.code, 'O2'));
  });

  it('redraws only with a reason, and keeps both draws in the chain', async () => {
    const session = f.sessions[1]!;
    const first = (await call('GET', `${api}/sessions/${session.id}/arrangement`)).json().draw;
    const silent = await call('POST', `${api}/sessions/${session.id}/examiner-draw/commit`, {});
    expect(silent.statusCode).toBe(409);
    expect(silent.json().error.code).toBe('DRAW.REDRAW_NEEDS_REASON');
    const again = await call('POST', `${api}/sessions/${session.id}/examiner-draw/commit`, {
      redrawReason: '考官 O3 临时请假',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().seedHash).not.toBe(first.seedHash);
    await call('POST', `${api}/sessions/${session.id}/examiner-draw`);
    const old = (await t.app.inject({ url: `/api/public/draws/${first.drawId}` })).json();
    expect(old).toMatchObject({ status: 'superseded', supersededBy: again.json().drawId });
    const now = (await t.app.inject({ url: `/api/public/draws/${again.json().drawId}` })).json();
    expect(now).toMatchObject({ supersedes: first.drawId, redrawReason: '考官 O3 临时请假' });
    expect(await seatsOf(session.id)).toHaveLength(10);
  });

  it('keeps staff of another interview event out, and checks an examiner in to the seat drawn', async () => {
    // A grant scoped to another interview event reaches neither check-in nor the draw.
    const other = await loginAs(t.app, [
      { role: 'interview_staff', eventId: '00000000-0000-4000-8000-00000000ee01' },
    ]);
    const session = f.sessions[0]!.id;
    const denied = await call(
      'POST',
      `${api}/examiner-checkin`,
      { sessionId: session, examinerCode: 'C2' },
      other.headers,
    );
    expect(denied.statusCode).toBe(403);
    const denyDraw = await call(
      'POST',
      `${api}/sessions/${session}/examiner-draw/commit`,
      { redrawReason: '试图重抽' },
      other.headers,
    );
    expect(denyDraw.statusCode).toBe(403);
    const staff = await loginAs(t.app, [{ role: 'interview_staff', eventId: f.event.id }]);
    const seats = await seatsOf(session);
    const seat = seats.find((s) => s.seat === 'chief')!;
    const res = await call(
      'POST',
      `${api}/examiner-checkin`,
      { sessionId: session, examinerCode: seat.code },
      staff.headers,
    );
    expect(res.statusCode).toBe(200);
    const group = f.groups.find((g) => g.id === seat.group)!;
    expect(res.json()).toMatchObject({
      examinerCode: seat.code,
      seat: 'chief',
      groupName: group.name,
      roomName: group.name === '第1组' ? '101 室' : '102 室',
      // The name is masked on the desk screen: surname and last character only.
      examinerName: `${f.examiners.find((e) => e.code === seat.code)!.name[0]}*考`,
    });
    const table = (
      await call('GET', `${api}/sessions/${session}/arrangement`, undefined, staff.headers)
    ).json();
    const row = table.groups
      .flatMap((g: { seats: { examinerCode: string }[] }) => g.seats)
      .find((s: { examinerCode: string }) => s.examinerCode === seat.code);
    expect(row.checkedInAt).toBe(res.json().checkedInAt);
    const unknown = await call(
      'POST',
      `${api}/examiner-checkin`,
      { sessionId: session, examinerCode: 'ZZ9' },
      staff.headers,
    );
    expect(unknown.json().error.code).toBe('ARRANGEMENT.EXAMINER_NOT_FOUND');
    // Three chiefs for two rooms: the one not drawn has no seat to check in to.
    const spare = ['C1', 'C2', 'C3'].find((c) => !seats.some((s) => s.code === c))!;
    const notDrawn = await call(
      'POST',
      `${api}/examiner-checkin`,
      { sessionId: session, examinerCode: spare },
      staff.headers,
    );
    expect(notDrawn.json().error.code).toBe('ARRANGEMENT.EXAMINER_NOT_ASSIGNED');
  });

  it('exports the arrangement table to Excel with the seed hash', async () => {
    const res = await call('GET', `${api}/sessions/${f.sessions[0]!.id}/arrangement/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    // An xlsx is a zip: a real workbook, not an error body with the Excel content type.
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(res.rawPayload.length).toBeGreaterThan(1000);
  });
});
