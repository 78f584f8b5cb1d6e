import type { PaymentStatus } from '@kaolu/contracts';
import { PAYMENT_STATUS_LABELS } from '@kaolu/contracts';
import ExcelJS from 'exceljs';
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { maskName } from '../../platform/masking';
import { examCategoriesOf } from '../registrations';
import { yuanOf } from './money';
import { paymentNotice, refundNotice } from './payment.table';

export type ReconciliationQuery = {
  eventId: string;
  page: number;
  pageSize: number;
  status?: PaymentStatus;
};

// Refunded amount per notice, summed in the database so the page query stays one round trip.
// The outer notice id is written table-qualified: in a one-table select Drizzle leaves columns bare,
// and a bare "id" inside the subquery would be the refund's own id.
const refunded =
  sql<number>`coalesce((select sum(${refundNotice.amountCents}) from ${refundNotice} where ${refundNotice.paymentNoticeId} = ${paymentNotice}.${sql.identifier(paymentNotice.id.name)}), 0)`.mapWith(
    Number,
  );

/** The event, and the status when one is chosen: the same filter for page, totals and export. */
function filtersOf(q: Pick<ReconciliationQuery, 'eventId' | 'status'>): SQL {
  const filters: SQL[] = [eq(paymentNotice.eventId, q.eventId)];
  if (q.status) filters.push(eq(paymentNotice.status, q.status));
  return and(...filters)!;
}

/** Reconciliation rows, oldest notice first; without a limit, every row (the Excel export). */
async function rowsOf(db: Db, where: SQL, limit?: number, offset?: number) {
  const query = db
    .select({ n: paymentNotice, refundedCents: refunded })
    .from(paymentNotice)
    .where(where)
    .orderBy(asc(paymentNotice.createdAt), asc(paymentNotice.id));
  const rows = limit === undefined ? await query : await query.limit(limit).offset(offset ?? 0);
  // Every notice belongs to a registration (foreign key); its category comes from the registrations module.
  const categories = await examCategoriesOf(
    db,
    rows.map((r) => r.n.registrationId),
  );
  return rows.map(({ n, refundedCents }) => ({
    noticeNumber: n.noticeNumber,
    payerNameMasked: maskName(n.payerName),
    examCategory: categories.get(n.registrationId) ?? '',
    status: n.status,
    // A cancelled or waived notice was never due, so it expects nothing (the totals agree).
    expectedYuan: yuanOf(n.status === 'cancelled' || n.status === 'waived' ? 0 : n.amountCents),
    paidYuan: yuanOf(n.paidCents),
    refundedYuan: yuanOf(refundedCents),
    paidAt: n.paidAt?.toISOString() ?? null,
    transactionId: n.transactionId,
  }));
}

/** Finance reconciliation (REG-11): expected, paid and refunded per notice, with the event's totals. */
export async function findReconciliation(db: Db, q: ReconciliationQuery) {
  const where = filtersOf(q);
  const [items, [totals]] = await Promise.all([
    rowsOf(db, where, q.pageSize, (q.page - 1) * q.pageSize),
    db
      .select({
        notices: count(),
        expected:
          sql<number>`coalesce(sum(case when ${paymentNotice.status} in ('cancelled', 'waived') then 0 else ${paymentNotice.amountCents} end), 0)`.mapWith(
            Number,
          ),
        paid: sql<number>`coalesce(sum(${paymentNotice.paidCents}), 0)`.mapWith(Number),
        refunded: sql<number>`coalesce(sum(${refunded}), 0)`.mapWith(Number),
      })
      .from(paymentNotice)
      .where(where),
  ]);
  return {
    items,
    total: totals?.notices ?? 0,
    totals: {
      notices: totals?.notices ?? 0,
      expectedYuan: yuanOf(totals?.expected ?? 0),
      paidYuan: yuanOf(totals?.paid ?? 0),
      refundedYuan: yuanOf(totals?.refunded ?? 0),
    },
  };
}

// The characters Excel reads as the start of a formula (CSV / formula injection).
const FORMULA_START = /^[=+\-@\t\r]/;
// A leading quote keeps text that looks like a formula from running when the sheet is opened.
const safe = (v: string | null): string => (v === null ? '' : FORMULA_START.test(v) ? `'${v}` : v);

/** The reconciliation list as an .xlsx workbook for the finance office. */
export async function exportReconciliation(
  db: Db,
  q: Pick<ReconciliationQuery, 'eventId' | 'status'>,
): Promise<Buffer> {
  const rows = await rowsOf(db, filtersOf(q));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('缴费对账');
  sheet.columns = [
    { header: '通知书编号', key: 'noticeNumber', width: 24 },
    { header: '缴款人', key: 'payer', width: 10 },
    { header: '考试类别', key: 'examCategory', width: 16 },
    { header: '状态', key: 'status', width: 12 },
    { header: '应缴（元）', key: 'expected', width: 12 },
    { header: '实缴（元）', key: 'paid', width: 12 },
    { header: '已退（元）', key: 'refunded', width: 12 },
    { header: '缴费时间', key: 'paidAt', width: 26 },
    { header: '交易流水号', key: 'transactionId', width: 28 },
  ];
  for (const r of rows) {
    sheet.addRow({
      noticeNumber: safe(r.noticeNumber),
      payer: safe(r.payerNameMasked),
      examCategory: safe(r.examCategory),
      status: PAYMENT_STATUS_LABELS[r.status],
      // Amounts as numbers, so the finance office can sum the columns in Excel.
      expected: Number(r.expectedYuan),
      paid: Number(r.paidYuan),
      refunded: Number(r.refundedYuan),
      paidAt: safe(r.paidAt),
      transactionId: safe(r.transactionId),
    });
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
