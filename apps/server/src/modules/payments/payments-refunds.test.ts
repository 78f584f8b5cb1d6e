import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import {
  createOpenEvent,
  findTestRegistrationsOf,
} from '../registrations/registration.test-support';
import { paymentCallback, paymentNotice, refundNotice } from './payment.table';
import { paymentSteps } from './payment-steps.test-support';

describe('payment notices and callbacks (REG-11)', () => {
  let t: TestApp;
  let eventId: string;
  const audit = createAuditRecorder();
  const { registered, signed, callback, statusOf } = paymentSteps(() => ({ t, eventId }));

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    eventId = (await createOpenEvent(t.app)).id;
  });
  afterAll(() => t.close());

  it('refunds a paid fee when the registration is cancelled, and charges a re-registration only once more', async () => {
    const r = await registered();
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${r.notice.id}/simulate`,
      headers: r.headers,
    });
    expect(await statusOf(r.registrationId)).toBe('confirmed');
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/candidate/registrations/${r.registrationId}/cancel`,
      headers: r.headers,
    });
    expect(cancelled.statusCode).toBe(200);
    const refunds = await t.database.db
      .select()
      .from(refundNotice)
      .where(eq(refundNotice.paymentNoticeId, r.notice.id));
    expect(refunds).toEqual([
      expect.objectContaining({ amountCents: 5000, reason: '考生撤销报名' }),
    ]);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers: r.headers,
      payload: { eventId, examCategory: 'comprehensive' },
    });
    expect(again.statusCode).toBe(200);
    const newId = again.json().id as string;
    expect(newId).not.toBe(r.registrationId);
    await t.app.kaolu.jobs.drain();
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${newId}/payment`,
        headers: r.headers,
      })
    ).json();
    expect(second).toMatchObject({ status: 'issued', amountYuan: '50.00' });
    expect(second.noticeNumber).not.toBe(r.notice.noticeNumber);
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${second.id}/simulate`,
      headers: r.headers,
    });
    expect(await statusOf(newId)).toBe('confirmed');
    // A late bank confirmation for the old notice is refunded, never kept.
    const stray = await callback(
      signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: 'T-500',
        amountCents: 5000,
        paidAt: new Date().toISOString(),
      }),
    );
    expect(stray.json()).toEqual({ result: 'refunded' });

    // Across both registrations the candidate paid three times and got two back: one fee kept.
    const registrations = await findTestRegistrationsOf(t.database.db, r.candidateId);
    const notices = await t.database.db
      .select()
      .from(paymentNotice)
      .where(
        inArray(
          paymentNotice.registrationId,
          registrations.map((x) => x.id),
        ),
      );
    const calls = await t.database.db
      .select()
      .from(paymentCallback)
      .where(
        inArray(
          paymentCallback.noticeNumber,
          notices.map((n) => n.noticeNumber!),
        ),
      );
    const back = await t.database.db
      .select()
      .from(refundNotice)
      .where(
        inArray(
          refundNotice.paymentNoticeId,
          notices.map((n) => n.id),
        ),
      );
    const net =
      calls.reduce((s, c) => s + c.amountCents, 0) - back.reduce((s, c) => s + c.amountCents, 0);
    expect(net).toBe(5000);
  });

  it('refunds a payment confirmed after its unpaid registration was cancelled', async () => {
    const r = await registered();
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${r.notice.id}/start`,
      headers: r.headers,
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/registrations/${r.registrationId}/cancel`,
      headers: r.headers,
    });
    const [closed] = await t.database.db
      .select()
      .from(paymentNotice)
      .where(eq(paymentNotice.id, r.notice.id));
    expect(closed!.status).toBe('cancelled');
    const late = await callback(
      signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: 'T-600',
        amountCents: 5000,
        paidAt: new Date().toISOString(),
      }),
    );
    expect(late.json()).toEqual({ result: 'refunded' });
    expect(await statusOf(r.registrationId)).toBe('cancelled');
  });

  it('never keeps the fee of a registration cancelled while the bank confirmation arrives, and never deadlocks', async () => {
    for (let n = 0; n < 4; n += 1) {
      const r = await registered();
      const body = signed({
        noticeNumber: r.notice.noticeNumber,
        transactionId: `T-RACE-${n}`,
        amountCents: 5000,
        paidAt: new Date().toISOString(),
      });
      const [cancel, paid] = await Promise.all([
        t.app.inject({
          method: 'POST',
          url: `/api/candidate/registrations/${r.registrationId}/cancel`,
          headers: r.headers,
        }),
        callback(body),
      ]);
      expect([cancel.statusCode, paid.statusCode]).not.toContain(500);
      const refunds = await t.database.db
        .select()
        .from(refundNotice)
        .where(eq(refundNotice.transactionId, `T-RACE-${n}`));
      // Either the cancel won (the payment is refunded) or the payment did (confirmed; the cancel may be retried).
      if ((await statusOf(r.registrationId)) === 'cancelled') expect(refunds).toHaveLength(1);
      else expect([await statusOf(r.registrationId), refunds.length]).toEqual(['confirmed', 0]);
    }
  });

  it('lists expected, paid and refunded amounts for finance and exports them to Excel', async () => {
    const admin = await loginAs(t.app, 'org_admin');
    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/payments/reconciliation?eventId=${eventId}&pageSize=100`,
        headers: admin.headers,
      })
    ).json();
    const rows = page.items as Array<{
      paidYuan: string;
      refundedYuan: string;
      expectedYuan: string;
    }>;
    const sum = (key: 'paidYuan' | 'refundedYuan' | 'expectedYuan') =>
      rows.reduce((s, r) => s + Math.round(Number(r[key]) * 100), 0);
    expect(page.totals.notices).toBe(rows.length);
    expect(Math.round(Number(page.totals.paidYuan) * 100)).toBe(sum('paidYuan'));
    expect(Math.round(Number(page.totals.refundedYuan) * 100)).toBe(sum('refundedYuan'));
    expect(sum('refundedYuan')).toBeGreaterThanOrEqual(15_000);
    expect(JSON.stringify(page)).not.toContain('王小明');
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/admin/payments/reconciliation/export?eventId=${eventId}`,
      headers: admin.headers,
    });
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(rows.length + 1);
    expect(audit.actions()).toContain('payment.exported');
    const unit = await loginAs(t.app, 'unit_user');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/admin/payments/reconciliation?eventId=${eventId}`,
          headers: unit.headers,
        })
      ).statusCode,
    ).toBe(403);
  });
});
