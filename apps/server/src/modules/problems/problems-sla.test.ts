import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessage } from '../../platform/sms/sms.table';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { setTestStaffPhone } from '../identity/staff.test-support';
import { createCandidate, createOpenEvent } from '../registrations/registration.test-support';
import { problemCase } from './problem.table';
import { fileCase } from './problems.test-support';

// ONL-01: SLA reminders reach the handlers whose grant covers the case, once per deadline, and the
// queues of an org user scoped to one recruitment event hold only that event's cases.
describe('problem center SLA reminders and event-scoped queues', () => {
  let t: TestApp;
  let eventA: string;
  let eventB: string;

  beforeAll(async () => {
    t = await createTestApp();
    eventA = (await createOpenEvent(t.app)).id;
    eventB = (await createOpenEvent(t.app)).id;
  });
  afterAll(() => t.close());

  /** Staff of the org department scoped to one event, with a phone the reminder goes to. */
  async function orgOf(eventId: string, phone: string) {
    const user = await loginAs(t.app, [{ role: 'org_admin', eventId }]);
    await setTestStaffPhone(t.database.db, t.app.kaolu.crypto, user.userId, phone);
    return user;
  }

  const textsTo = async (phone: string) =>
    (
      await t.database.db
        .select({ content: smsMessage.content })
        .from(smsMessage)
        .where(eq(smsMessage.phoneBidx, t.app.kaolu.crypto.blindIndex('phone', phone)))
    ).map((r) => r.content);

  const dueIn = (id: string, minutes: number) =>
    t.database.db
      .update(problemCase)
      .set({ dueAt: new Date(Date.now() + minutes * 60_000) })
      .where(eq(problemCase.id, id));

  it('keeps an event-scoped org user to his event: queue, case, statistics and handlers', async () => {
    const ofA = await orgOf(eventA, '13700000101');
    const ofB = await orgOf(eventB, '13700000102');
    const c = await createCandidate(t.app);
    const appeal = await fileCase(t.app, c.headers, { type: 'greylist_appeal', eventId: eventA });
    const tech = await fileCase(t.app, c.headers, { type: 'technical' });
    const queueOf = async (user: typeof ofA) =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/admin/problems?pageSize=200',
          headers: user.headers,
        })
      )
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await queueOf(ofA)).toContain(appeal.id);
    // A technical question names no event: only unscoped support or org staff answer it.
    expect(await queueOf(ofA)).not.toContain(tech.id);
    expect(await queueOf(ofB)).not.toContain(appeal.id);
    const read = (user: typeof ofA, id: string) =>
      t.app.inject({ method: 'GET', url: `/api/admin/problems/${id}`, headers: user.headers });
    expect((await read(ofB, appeal.id)).statusCode).toBe(404);
    expect((await read(ofA, appeal.id)).statusCode).toBe(200);
    const stats = await t.app.inject({
      method: 'GET',
      url: '/api/admin/problems/stats',
      headers: ofB.headers,
    });
    expect(stats.statusCode).toBe(200);
    expect(stats.json().byType).toEqual([]);
    const handlers = await t.app.inject({
      method: 'GET',
      url: `/api/admin/problems/${appeal.id}/handlers`,
      headers: ofA.headers,
    });
    const ids = handlers.json().map((h: { id: string }) => h.id);
    expect(ids).toContain(ofA.userId);
    expect(ids).not.toContain(ofB.userId);
  });

  it('texts the handlers once when the deadline nears, again when it moves, never the candidate', async () => {
    const phoneA = '13700000201';
    const phoneB = '13700000202';
    await orgOf(eventA, phoneA);
    await orgOf(eventB, phoneB);
    const c = await createCandidate(t.app);
    const appeal = await fileCase(t.app, c.headers, { type: 'greylist_appeal', eventId: eventA });
    const reminders = t.app.kaolu.modules.problems.slaReminders;
    // Filed just now, 72 h to answer: not yet in its last quarter.
    await reminders.tick();
    expect(await textsTo(phoneA)).toEqual([]);
    await dueIn(appeal.id, 60);
    expect((await reminders.tick()).cases).toBeGreaterThanOrEqual(1);
    const texts = await textsTo(phoneA);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(appeal.caseNumber);
    // The user of the other event is not a handler of this case.
    expect(await textsTo(phoneB)).toEqual([]);
    // A second tick for the same deadline sends nothing more.
    await reminders.tick();
    expect(await textsTo(phoneA)).toHaveLength(1);
    const org = await loginAs(t.app, 'org_admin');
    const staffView = await t.app.inject({
      method: 'GET',
      url: `/api/admin/problems/${appeal.id}`,
      headers: org.headers,
    });
    const kinds = staffView.json().entries.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'sla_reminder')).toHaveLength(1);
    const candidateView = await t.app.inject({
      method: 'GET',
      url: `/api/candidate/problems/${appeal.id}`,
      headers: c.headers,
    });
    expect(candidateView.json().entries.map((e: { kind: string }) => e.kind)).not.toContain(
      'sla_reminder',
    );
    // A moved deadline (the candidate answered a request for more information) is reminded anew.
    await dueIn(appeal.id, 30);
    await reminders.tick();
    expect(await textsTo(phoneA)).toHaveLength(2);
  });
});
