import type {
  HospitalOrder,
  HospitalSubmission,
  PhysicalExamChangeInput,
  PhysicalExamResultInput,
} from '@kaolu/contracts';
import { PHYSICAL_EXAM_ROUND_LABELS, PhysicalExamResultInputSchema } from '@kaolu/contracts';
import type { Database } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeCondition, scopeOf } from '../../platform/auth/permission-scope';
import type { ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { readFirstSheet, writeSheet } from '../../platform/excel/excel-cells';
import {
  findOrder,
  findOrders,
  findSubmissions,
  insertSubmissions,
  openSubmissionsOf,
  orderHospitalColumn,
  submissionHospitalColumn,
  withExchangeRole,
  type OrderRow,
} from './hospital-exchange.repository';
import { RESULT_SHEET_HEADERS, readResultSheet } from './hospital-result-sheet';

// The hospital portal's use cases (HOS, INT-09g). They read and write the exchange store only
// (hospital-exchange.repository.ts): a first result and every change request are submissions that
// the exchange job moves to the management side; a change takes effect only when the org approves.

const PERMISSION = 'physical_exam.record' as const;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
// The sheet shows the exam time as Shanghai wall time, the way the hospital's staff read it.
const shanghaiMinute = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The name a submission records for the hospital user who made it. */
function submitter(ctx: ChangeContext): string {
  const a = ctx.actor;
  return a.kind === 'staff'
    ? a.username
    : a.kind === 'anonymous'
      ? 'anonymous'
      : `${a.kind}:${a.id}`;
}

/** The hospital side of the physical exam, bound to the exchange store. */
export function createHospitalResults(deps: { database: Database; now: () => Date }) {
  const { database, now } = deps;
  // A hospital user's grant names his hospital; only its orders and submissions are ever read.
  const ordersOf = (p: Principal | undefined) =>
    scopeCondition(scopeOf(p, PERMISSION), { unitId: orderHospitalColumn });

  /** The order if it is one of the caller's hospital's, else ORDER_NOT_FOUND (never another's). */
  function ownOrder(principal: Principal | undefined, order: OrderRow | undefined): OrderRow {
    if (!order || !scopeAllows(scopeOf(principal, PERMISSION), { unitId: order.hospitalId }))
      throw new AppError('PHYSICAL_EXAM.ORDER_NOT_FOUND');
    return order;
  }

  async function orders(principal: Principal | undefined): Promise<HospitalOrder[]> {
    return withExchangeRole(database, async (tx) => {
      const rows = await findOrders(tx, ordersOf(principal));
      const open = await openSubmissionsOf(
        tx,
        rows.map((r) => r.id),
      );
      return rows.map((o) => ({
        id: o.id,
        round: o.round,
        eventName: o.eventName,
        ticketNumber: o.ticketNumber,
        candidateNameMasked: o.candidateNameMasked,
        positionName: o.positionName,
        unitName: o.unitName,
        examAt: o.examAt.toISOString(),
        place: o.place,
        outcome: o.result ? { result: o.result, items: o.items, remarks: o.remarks } : null,
        resultAt: iso(o.resultAt),
        openSubmission: open.get(o.id) ?? null,
      }));
    });
  }

  /**
   * Writes one submission after the checks every path shares: the order is the hospital's, no
   * other submission of it is open, and a first result only while none is recorded (a change only
   * once one is).
   */
  async function submit(
    orderId: string,
    kind: 'result' | 'change',
    input: PhysicalExamResultInput & { reason?: string },
    ctx: ChangeContext,
  ): Promise<void> {
    const outcome = PhysicalExamResultInputSchema.parse(input);
    await withExchangeRole(database, async (tx) => {
      const order = ownOrder(ctx.principal, await findOrder(tx, orderId, true));
      if ((await openSubmissionsOf(tx, [order.id])).size > 0)
        throw new AppError('PHYSICAL_EXAM.SUBMISSION_OPEN');
      if (kind === 'result' && order.result) throw new AppError('PHYSICAL_EXAM.ALREADY_RECORDED');
      if (kind === 'change' && !order.result) throw new AppError('PHYSICAL_EXAM.NOT_RECORDED');
      await insertSubmissions(tx, [
        {
          ...outcome,
          orderId: order.id,
          hospitalId: order.hospitalId,
          kind,
          reason: input.reason ?? null,
          submittedAt: now(),
          submittedBy: submitter(ctx),
        },
      ]);
    });
  }

  /** The hospital's open orders (no result, nothing waiting) by ticket: what a sheet may name. */
  async function openByTicket(principal: Principal | undefined) {
    return withExchangeRole(database, async (tx) => {
      const rows = await findOrders(tx, ordersOf(principal));
      const open = await openSubmissionsOf(
        tx,
        rows.map((r) => r.id),
      );
      const list = rows.filter((o) => !o.result && !open.has(o.id));
      return new Map(list.map((o) => [o.ticketNumber, o]));
    });
  }

  return {
    orders,
    submitResult: (id: string, input: PhysicalExamResultInput, ctx: ChangeContext) =>
      submit(id, 'result', input, ctx),
    submitChange: (id: string, input: PhysicalExamChangeInput, ctx: ChangeContext) =>
      submit(id, 'change', input, ctx),

    /** The result sheet, listing the candidates still waiting for a result. */
    async template(principal: Principal | undefined): Promise<Buffer> {
      const open = await openByTicket(principal);
      return writeSheet(
        '体检结果',
        RESULT_SHEET_HEADERS,
        [...open.values()].map((o) => [
          o.ticketNumber,
          o.candidateNameMasked,
          PHYSICAL_EXAM_ROUND_LABELS[o.round],
          shanghaiMinute(o.examAt),
          '',
          '',
          '',
        ]),
      );
    },

    /** All or nothing: a sheet with any bad row is refused with every problem and writes nothing. */
    async importResults(fileBase64: string, ctx: ChangeContext): Promise<{ imported: number }> {
      const sheet = await readFirstSheet(fileBase64);
      const open = await openByTicket(ctx.principal);
      const targets = new Map([...open].map(([t, o]) => [t, { orderId: o.id, ticketNumber: t }]));
      const { rows, problems } = readResultSheet(sheet, targets);
      if (rows.length === 0 && problems.length === 0)
        problems.push({ row: 2, field: '准考证号', message: '文件中没有考生的体检结果' });
      if (problems.length) throw new AppError('IMPORT.ROWS_INVALID', { details: { problems } });
      const hospitalOf = new Map([...open.values()].map((o) => [o.id, o.hospitalId]));
      await withExchangeRole(database, async (tx) => {
        // Checked again inside the transaction: another user may have entered one meanwhile.
        const waiting = await openSubmissionsOf(
          tx,
          rows.map((r) => r.orderId),
        );
        if (waiting.size > 0) throw new AppError('PHYSICAL_EXAM.SUBMISSION_OPEN');
        const at = now();
        await insertSubmissions(
          tx,
          rows.map((r) => ({
            ...r,
            hospitalId: hospitalOf.get(r.orderId)!,
            kind: 'result' as const,
            reason: null,
            submittedAt: at,
            submittedBy: submitter(ctx),
          })),
        );
      });
      return { imported: rows.length };
    },

    /** The hospital's submissions with the decision on each (INT-09g: the hospital sees it). */
    async submissions(principal: Principal | undefined): Promise<HospitalSubmission[]> {
      const where = scopeCondition(scopeOf(principal, PERMISSION), {
        unitId: submissionHospitalColumn,
      });
      return withExchangeRole(database, async (tx) =>
        (await findSubmissions(tx, where)).map(({ s, o }) => ({
          id: s.id,
          kind: s.kind,
          ticketNumber: o.ticketNumber,
          candidateNameMasked: o.candidateNameMasked,
          round: o.round,
          outcome: { result: s.result, items: s.items, remarks: s.remarks },
          reason: s.reason,
          submittedAt: s.submittedAt.toISOString(),
          status: s.status,
          note: s.note,
          decidedAt: iso(s.decidedAt),
        })),
      );
    },
  };
}

export type HospitalResults = ReturnType<typeof createHospitalResults>;
