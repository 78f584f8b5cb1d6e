import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createReportsFixture, insertSheet, type ReportsFixture } from './reports.test-support';

// Live monitoring (IVW-09): the first-paint snapshot, the event stream (first event carries the
// snapshot, a check-in is pushed without asking), and the monitor permission and event scope.
describe('interview monitoring', () => {
  let t: TestApp;
  let f: ReportsFixture;
  let other: ReportsFixture;
  let monitor: Awaited<ReturnType<typeof loginAs>>;
  let desk: Awaited<ReturnType<typeof loginAs>>;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = await createReportsFixture(t.app, { examiners: 5, perGroup: 3 });
    other = await createReportsFixture(t.app, { examiners: 5, perGroup: 1 });
    monitor = await loginAs(t.app, [{ role: 'monitor', eventId: f.eventId }]);
    desk = await loginAs(t.app, [{ role: 'interview_staff', eventId: f.eventId }]);
    // Two confirmed sheets of the first candidate: he is being scored.
    for (const examinerId of f.examinerIds.slice(0, 2))
      await insertSheet(t.app, f, {
        candidateId: f.candidates[0]!.id,
        examinerId,
        scores: { A: 4000, B: 4100 },
      });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  it('answers a snapshot per room of the current session with the event totals', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/interview/monitor/events/${f.eventId}`,
      headers: monitor.headers,
    });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.session.id).toBe(f.sessionId);
    expect(s.rooms).toHaveLength(1);
    expect(s.rooms[0]).toMatchObject({
      groupId: f.groupId,
      expected: 3,
      checkedIn: 0,
      examiners: 5,
      sheetsIn: 2,
      sheetsExpected: 15,
      confirmed: 2,
      scoring: 1,
      computed: 0,
    });
    expect(s.totals.expected).toBe(3);
    // The picker lists only the event the monitor's grant names.
    const events = await t.app.inject({
      method: 'GET',
      url: '/api/interview/monitor/events',
      headers: monitor.headers,
    });
    expect(events.json().items.map((e: { id: string }) => e.id)).toEqual([f.eventId]);
  });

  it('refuses without interview.monitor and outside the grant’s event', async () => {
    for (const url of [
      `/api/interview/monitor/events/${f.eventId}`,
      `/api/interview/monitor/events/${f.eventId}/stream`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: desk.headers });
      expect(res.statusCode).toBe(403);
    }
    for (const url of [
      `/api/interview/monitor/events/${other.eventId}`,
      `/api/interview/monitor/events/${other.eventId}/stream`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: monitor.headers });
      expect(res.statusCode).toBe(403);
    }
  });

  it('streams the snapshot first, pushes a check-in, and stops polling when the monitor leaves', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/interview/monitor/events/${f.eventId}/stream`, {
      headers: { cookie: monitor.headers.cookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    // The next `snapshot` event's data, parsed.
    const nextSnapshot = async () => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith('event: snapshot'))
            return JSON.parse(block.split('\ndata: ')[1]!) as {
              rooms: { checkedIn: number }[];
              totals: { checkedIn: number };
            };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    const first = await nextSnapshot();
    expect(first.rooms[0]!.checkedIn).toBe(0);
    expect(t.app.kaolu.modules['interview-reports'].monitor.hub.activePolls()).toBe(1);
    // A desk checks a candidate in: the stream pushes the change without being asked.
    const checkin = await t.app.inject({
      method: 'POST',
      url: `/api/interview/events/${f.eventId}/checkins`,
      headers: desk.headers,
      payload: { code: f.candidates[1]!.ticketNumber, via: 'manual' },
    });
    expect(checkin.statusCode).toBe(200);
    const pushed = await nextSnapshot();
    expect(pushed.rooms[0]!.checkedIn).toBe(1);
    expect(pushed.totals.checkedIn).toBe(1);
    abort.abort();
    await expect
      .poll(() => t.app.kaolu.modules['interview-reports'].monitor.hub.activePolls())
      .toBe(0);
  }, 20_000);
});
