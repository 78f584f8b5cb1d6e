import type { HospitalOrder, HospitalSubmission, PhysicalExamBoard } from '@kaolu/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import {
  ageResult,
  createHospital,
  createPublishedCompositeEvent,
} from './physical-exam.test-support';

// Physical exam 体检, re-check 复检 and change approval through the exchange store (§7, REG-04,
// INT-09g). Two positions of one place each: A and C (80 points written) enter the physical exam.
const APPLICANTS = [
  { position: 0, xingce: 80, shenlun: 80 }, // A
  { position: 0, xingce: 70, shenlun: 70 }, // B
  { position: 1, xingce: 80, shenlun: 80 }, // C
  { position: 1, xingce: 70, shenlun: 70 }, // D
];

describe('physical exam, hospitals and re-check (§7, REG-04, INT-09g)', () => {
  let t: TestApp;
  let f: Awaited<ReturnType<typeof createPublishedCompositeEvent>>;
  let h1: { hospitalId: string; headers: AuthHeaders };
  let h2: { hospitalId: string; headers: AuthHeaders };
  const call = (method: 'GET' | 'POST', url: string, headers: AuthHeaders, payload?: object) =>
    t.app.inject({ method, url, headers, payload });
  const admin = (path = '') => `/api/admin/events/${f.event.id}/physical-exam${path}`;
  const board = async (): Promise<PhysicalExamBoard> => (await call('GET', admin(), f.org)).json();
  const ordersOf = async (h: AuthHeaders): Promise<HospitalOrder[]> =>
    (await call('GET', '/api/hospital/physical-exam/orders', h)).json().items;
  const submissionsOf = async (h: AuthHeaders): Promise<HospitalSubmission[]> =>
    (await call('GET', '/api/hospital/physical-exam/submissions', h)).json().items;
  const sync = () => t.app.kaolu.modules['physical-exam'].exchange.sync();
  const entryOf = async (person: number) =>
    (await board()).items.find((e) => e.ticketNumber === f.people[person]!.ticketNumber)!;
  const sheet = async (rows: string[][]) => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('体检结果');
    ws.addRow(['准考证号', '体检结论', '不合格项目', '备注']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  };
  const WHEN = '2027-03-01T08:30:00+08:00';

  beforeAll(async () => {
    t = await createTestApp();
    f = await createPublishedCompositeEvent(t.app, {
      positions: [{ headcount: 1 }, { headcount: 1 }],
      applicants: APPLICANTS,
    });
    h1 = await createHospital(t.app, f.org, '市第一人民医院');
    h2 = await createHospital(t.app, f.org, '市第六人民医院');
  }, 120_000);
  afterAll(() => t.close());

  it('builds the list from the published composite and assigns each candidate to a hospital', async () => {
    const built = await call('POST', admin('/build'), f.org);
    expect(built.json()).toEqual({ added: 2, total: 2 });
    const a = await entryOf(0);
    const c = await entryOf(2);
    expect([a, c].map((e) => e.rank)).toEqual([1, 1]);
    // A unit is no hospital: the assignment names one of kind 'hospital'.
    const wrong = await call('POST', admin('/assign'), f.org, {
      entryIds: [a.id],
      round: 'initial',
      hospitalId: f.unit.unitId,
      examAt: WHEN,
      place: '门诊楼三楼体检中心',
    });
    expect(wrong.json().error.code).toBe('PHYSICAL_EXAM.NOT_HOSPITAL');
    for (const [entry, h] of [
      [a, h1],
      [c, h2],
    ] as const) {
      const res = await call('POST', admin('/assign'), f.org, {
        entryIds: [entry.id],
        round: 'initial',
        hospitalId: h.hospitalId,
        examAt: WHEN,
        place: '门诊楼三楼体检中心',
      });
      expect(res.json()).toEqual({ assigned: 1 });
    }
    // The candidate reads his 体检通知 in the portal (the SMS is queued with it).
    const inbox = await call('GET', '/api/candidate/messages', f.people[0]!.headers);
    expect(JSON.stringify(inbox.json())).toContain('体检通知');
    const mine = await call('GET', '/api/candidate/physical-exam', f.people[0]!.headers);
    expect(mine.json().items[0].initial).toMatchObject({ hospitalName: '市第一人民医院' });
  });

  it("lets a hospital see and write only its own candidates' orders", async () => {
    const own = await ordersOf(h1.headers);
    expect(own.map((o) => o.ticketNumber)).toEqual([f.people[0]!.ticketNumber]);
    expect(own[0]!.candidateNameMasked).toMatch(/\*/);
    const other = (await ordersOf(h2.headers))[0]!;
    const res = await call(
      'POST',
      `/api/hospital/physical-exam/orders/${other.id}/result`,
      h1.headers,
      {
        result: 'qualified',
      },
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PHYSICAL_EXAM.ORDER_NOT_FOUND');
    // Staff without the hospital permission reach none of it.
    const org = await call('GET', '/api/hospital/physical-exam/orders', f.unit.reviewer);
    expect(org.statusCode).toBe(403);
  });

  it('refuses a result sheet with bad rows as a whole and lists every problem', async () => {
    const res = await call('POST', '/api/hospital/physical-exam/import', h1.headers, {
      fileBase64: await sheet([
        [f.people[0]!.ticketNumber, '不合格', '', ''], // row 2: no failed item
        [f.people[2]!.ticketNumber, '合格', '', ''], // row 3: another hospital's candidate
        [f.people[0]!.ticketNumber, '良好', '', ''], // row 4: same candidate, bad conclusion
      ]),
    });
    expect(res.statusCode).toBe(400);
    const problems = res.json().error.details.problems as Array<{ row: number; field: string }>;
    expect(problems.map((p) => [p.row, p.field])).toEqual([
      [2, '不合格项目'],
      [3, '准考证号'],
      [4, '准考证号'],
      [4, '体检结论'],
    ]);
    expect(await submissionsOf(h1.headers)).toEqual([]);
    expect((await entryOf(0)).initial!.outcome).toBeNull();
  });

  it('records an imported result only once the exchange job has moved it', async () => {
    const res = await call('POST', '/api/hospital/physical-exam/import', h1.headers, {
      fileBase64: await sheet([[f.people[0]!.ticketNumber, '合格', '', '各项正常']]),
    });
    expect(res.json()).toEqual({ imported: 1 });
    expect((await entryOf(0)).initial!.outcome).toBeNull();
    expect(await sync()).toEqual({ recorded: 1, pending: 0, rejected: 0 });
    expect((await entryOf(0)).initial!.outcome).toMatchObject({ result: 'qualified' });
    expect((await submissionsOf(h1.headers))[0]!.status).toBe('recorded');
  });

  it('changes a recorded result only when the org approves the request', async () => {
    const order = (await ordersOf(h1.headers))[0]!;
    const again = await call(
      'POST',
      `/api/hospital/physical-exam/orders/${order.id}/result`,
      h1.headers,
      {
        result: 'unqualified',
      },
    );
    expect(again.json().error.code).toBe('PHYSICAL_EXAM.ALREADY_RECORDED');
    const change = {
      result: 'unqualified',
      items: [{ name: '血压', outcome: 'unqualified', remark: '160/100 mmHg' }],
      reason: '复核血压记录有误',
    };
    const asked = await call(
      'POST',
      `/api/hospital/physical-exam/orders/${order.id}/change`,
      h1.headers,
      change,
    );
    expect(asked.statusCode).toBe(200);
    expect(await sync()).toEqual({ recorded: 0, pending: 1, rejected: 0 });
    // Moved to the management side, still waiting: the result is unchanged.
    expect((await entryOf(0)).initial!.outcome!.result).toBe('qualified');
    const [pending] = (await call('GET', '/api/admin/physical-exam/changes', f.org)).json().items;
    expect(pending).toMatchObject({
      status: 'pending',
      from: { result: 'qualified' },
      to: { result: 'unqualified' },
    });
    expect((await submissionsOf(h1.headers))[0]!.status).toBe('pending');
    // A hospital cannot decide, only the org.
    const self = await call(
      'POST',
      `/api/admin/physical-exam/changes/${pending.id}/decision`,
      h1.headers,
      {
        approve: true,
      },
    );
    expect(self.statusCode).toBe(403);
    const decided = await call(
      'POST',
      `/api/admin/physical-exam/changes/${pending.id}/decision`,
      f.org,
      {
        approve: true,
        note: '同意',
      },
    );
    expect(decided.json()).toEqual({ status: 'approved' });
    expect((await entryOf(0)).initial!.outcome).toMatchObject({ result: 'unqualified' });
    expect((await submissionsOf(h1.headers))[0]).toMatchObject({
      status: 'approved',
      note: '同意',
    });
    expect((await ordersOf(h1.headers))[0]!.outcome!.result).toBe('unqualified');
    const twice = await call(
      'POST',
      `/api/admin/physical-exam/changes/${pending.id}/decision`,
      f.org,
      {
        approve: false,
      },
    );
    expect(twice.json().error.code).toBe('PHYSICAL_EXAM.CHANGE_DECIDED');
  });

  it('takes a re-check request within 7 days once only, and refuses it after 7 days', async () => {
    const a = await entryOf(0);
    const url = `/api/candidate/physical-exam/${a.id}/recheck`;
    expect((await call('POST', url, f.people[0]!.headers)).statusCode).toBe(200);
    const second = await call('POST', url, f.people[0]!.headers);
    expect(second.json().error).toMatchObject({ code: 'PHYSICAL_EXAM.RECHECK_TWICE' });
    expect(second.json().error.message).toContain('只能申请一次');
    // C: 不合格 recorded 8 days ago.
    const c = await entryOf(2);
    const order = (await ordersOf(h2.headers))[0]!;
    await call('POST', `/api/hospital/physical-exam/orders/${order.id}/result`, h2.headers, {
      result: 'unqualified',
      items: [{ name: '视力', outcome: 'unqualified' }],
    });
    await sync();
    await ageResult(t.app, order.id, 8);
    const late = await call(
      'POST',
      `/api/candidate/physical-exam/${c.id}/recheck`,
      f.people[2]!.headers,
    );
    expect(late.json().error.code).toBe('PHYSICAL_EXAM.RECHECK_EXPIRED');
    // Another candidate's entry is not his to ask for.
    const foreign = await call(
      'POST',
      `/api/candidate/physical-exam/${c.id}/recheck`,
      f.people[0]!.headers,
    );
    expect(foreign.statusCode).toBe(404);
    // The org assigns the re-check; the candidate gets the REG-04 复检通知.
    const assigned = await call('POST', admin('/assign'), f.org, {
      entryIds: [a.id],
      round: 'recheck',
      hospitalId: h2.hospitalId,
      examAt: WHEN,
      place: '二号楼体检中心',
    });
    expect(assigned.json()).toEqual({ assigned: 1 });
    const inbox = await call('GET', '/api/candidate/messages', f.people[0]!.headers);
    expect(JSON.stringify(inbox.json())).toContain('复检通知');
    const refused = await call('POST', admin('/assign'), f.org, {
      entryIds: [c.id],
      round: 'recheck',
      hospitalId: h2.hospitalId,
      examAt: WHEN,
      place: '二号楼体检中心',
    });
    expect(refused.json().error.code).toBe('PHYSICAL_EXAM.RECHECK_NOT_REQUESTED');
  });
});
