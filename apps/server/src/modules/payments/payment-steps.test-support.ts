import type { StageWindow } from '@kaolu/contracts';
import { signPaymentCallback } from '../data-exchange';
import { findEventById } from '../events';
import { updateTestEvent } from '../events/events.test-support';
import type { TestApp } from '../../test-support/test-app';
import { createCandidate, prepareCandidate } from '../registrations/registration.test-support';
import { registrationStatusOf } from '../registrations';

/**
 * The steps the payment test files share (REG-11): a registered candidate with an issued notice,
 * signed bank callbacks, moving the payment deadline and reading a registration's status.
 * `current` answers the app and event of the calling describe, which exist only after beforeAll.
 */
export function paymentSteps(current: () => { t: TestApp; eventId: string }) {
  /** A registered candidate with an issued notice. */
  async function registered(inEvent = current().eventId) {
    const { t } = current();
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '黄浦区' },
    });
    const reg = (
      await t.app.inject({
        method: 'POST',
        url: '/api/candidate/registrations',
        headers: c.headers,
        payload: { eventId: inEvent, examCategory: 'comprehensive' },
      })
    ).json();
    await t.app.kaolu.jobs.drain();
    const notice = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${reg.id}/payment`,
        headers: c.headers,
      })
    ).json();
    return { ...c, registrationId: reg.id as string, notice };
  }
  const signed = (fields: {
    noticeNumber: string;
    transactionId: string;
    amountCents: number;
    paidAt: string;
  }) => ({
    ...fields,
    signature: signPaymentCallback(
      current().t.app.kaolu.crypto,
      current().t.app.kaolu.exchange.callbackSecret,
      fields,
    ),
  });
  const callback = (payload: object) =>
    current().t.app.inject({ method: 'POST', url: '/api/payments/callback', payload });
  /** Ends the event's payment window at `at`, as staff moving the deadline would. */
  async function closePayment(id: string, at: Date) {
    const { t } = current();
    const event = await findEventById(t.database.db, id);
    const schedule = (event!.schedule as StageWindow[]).map((w) =>
      w.stage === 'payment' ? { ...w, endsAt: at.toISOString() } : w,
    );
    await updateTestEvent(t.database.db, id, { schedule });
  }
  const statusOf = async (id: string) => (await registrationStatusOf(current().t.database.db, id))!;
  return { registered, signed, callback, closePayment, statusOf };
}
