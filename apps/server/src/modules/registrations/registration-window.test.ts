import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { updateTestEvent } from '../events/events.test-support';
import { createCandidate, createOpenEvent, prepareCandidate } from './registration.test-support';

// States that never contradict (NFR-UX-1): an event whose registration window is not set must not
// pass the precheck (可以提交报名) and then refuse the submission; both answer the same refusal.
describe('registration window in precheck and submit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses the precheck exactly as the submission when the window is not scheduled', async () => {
    const event = await createOpenEvent(t.app);
    await updateTestEvent(t.app.kaolu.database.db, event.id, { schedule: [] });
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    const payload = { eventId: event.id, examCategory: 'comprehensive' };
    const answers = [];
    for (const url of ['/api/candidate/registrations/precheck', '/api/candidate/registrations'])
      answers.push(await t.app.inject({ method: 'POST', url, headers: c.headers, payload }));
    for (const res of answers) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'EVENT.STAGE_CLOSED',
        message: '「笔试报名」阶段尚未安排时间',
      });
    }
  });
});
