import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { insertTestListEntry } from '../lists/list.test-support';
import { findTestPaymentNotices, findTestRefundNotices } from '../payments/payment.test-support';
import {
  createCandidate,
  createOpenEvent,
  prepareCandidate,
  profileDocument,
} from '../registrations/registration.test-support';
import { decide, fileCase } from './problems.test-support';

// Approved cases take effect (ONL-01, REG-11): appeals let the next registration pass the check,
// a fee waiver settles the fee once, a name change renames through the profile.
describe('effects of approved cases', () => {
  let t: TestApp;
  let eventId: string;
  let org: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    t = await createTestApp();
    eventId = (await createOpenEvent(t.app)).id;
    org = await loginAs(t.app, 'org_admin');
  });
  afterAll(() => t.close());

  const register = (headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/candidate/registrations',
      headers,
      payload: { eventId, examCategory: 'comprehensive' },
    });
  /** Accepts and approves a case with a reply, as the org department does. */
  async function approve(id: string) {
    expect((await decide(t.app, org.headers, id, 'in_review')).statusCode).toBe(200);
    return decide(t.app, org.headers, id, 'approved', '经核实，申诉成立');
  }
  async function registeredWithShanghaiHukou() {
    const c = await createCandidate(t.app);
    await prepareCandidate(t.app, c.headers);
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: true, district: '黄浦区' },
    });
    return c;
  }

  it('lets a greylisted candidate register once his greylist appeal is approved', async () => {
    const c = await registeredWithShanghaiHukou();
    const { crypto } = t.app.kaolu;
    await insertTestListEntry(t.database.db, {
      eventId,
      kind: 'greylist',
      idNumberBidx: crypto.blindIndex('id_number', c.idNumber),
      idNumberEnc: crypto.encryptField(c.idNumber, {
        table: 'list_entry',
        column: 'id_number',
        rowId: 'x',
      }),
      idNumberMasked: '310***********0000',
      note: '2024年考试违纪',
    });
    // Refused first, with the appeal link the candidate portal follows.
    const refused = await register(c.headers);
    expect(refused.json().error.code).toBe('REGISTRATION.GREYLISTED');
    const filed = await fileCase(t.app, c.headers, {
      type: 'greylist_appeal',
      eventId,
      refusalCode: 'REGISTRATION.GREYLISTED',
    });
    // Rejected or still open, the appeal changes nothing.
    expect((await register(c.headers)).statusCode).toBe(403);
    expect((await approve(filed.id)).json().status).toBe('approved');
    const ok = await register(c.headers);
    expect(ok.statusCode).toBe(200);
    // The frozen checks name the case as the evidence for passing.
    expect(ok.json().checks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'APPEAL.GREYLIST_APPROVED', result: 'passed' }),
      ]),
    );
    expect(JSON.stringify(ok.json().checks)).toContain(filed.caseNumber);
  });

  // The platform's permit answer is what the appeal disputes; the education rule still applies.
  it('lets a residence appeal pass the permit checks it answers', async () => {
    const c = await createCandidate(t.app);
    await prepareCandidate(
      t.app,
      c.headers,
      // A master's degree: the non-hukou education rule passes, only the permit lines fail.
      profileDocument({
        hukou: { type: 'other', place: '江苏省南京市' },
        education: [
          {
            level: 'master',
            degree: 'master',
            school: '复旦大学',
            major: '法学',
            startDate: '2019-09-01',
            endDate: '2022-07-01',
            fullTime: true,
          },
        ],
      }),
    );
    // The platform knows no permit: the permit line fails.
    t.app.kaolu.exchange.simulators.city!.setPerson(c.idNumber, {
      hukou: { shanghaiHukou: false, district: null },
      permit: { held: false },
      points: { held: false },
    });
    const refused = await register(c.headers);
    expect(refused.json().error.code).toBe('REGISTRATION.NOT_ELIGIBLE');
    const filed = await fileCase(t.app, c.headers, { type: 'residence_appeal', eventId });
    await approve(filed.id);
    const ok = await register(c.headers);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  // REG-11: two staff pressing 通过 at once must not refund twice; the case row lock decides.
  it('waives a paid fee with exactly one refund notice, also when two approvals race', async () => {
    const c = await registeredWithShanghaiHukou();
    const reg = (await register(c.headers)).json();
    await t.app.kaolu.jobs.drain();
    const notice = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/registrations/${reg.id}/payment`,
        headers: c.headers,
      })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: `/api/candidate/payments/${notice.id}/simulate`,
      headers: c.headers,
    });
    const filed = await fileCase(t.app, c.headers, { type: 'fee_waiver', eventId });
    await decide(t.app, org.headers, filed.id, 'in_review');
    const other = await loginAs(t.app, 'org_admin');
    // A second org user approves at the same moment: one wins, the other finds it decided.
    const results = await Promise.all([
      decide(t.app, org.headers, filed.id, 'approved', '符合减免条件'),
      decide(t.app, other.headers, filed.id, 'approved', '符合减免条件'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refunds = await findTestRefundNotices(t.database.db, notice.id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.amountCents).toBe(5000);
  });

  it('sets the fee to zero before payment: the notice is waived and the registration confirmed', async () => {
    const c = await registeredWithShanghaiHukou();
    const reg = (await register(c.headers)).json();
    await t.app.kaolu.jobs.drain();
    // Not paid yet: the waiver closes the notice instead of refunding anything.
    const filed = await fileCase(t.app, c.headers, { type: 'fee_waiver', eventId });
    expect((await approve(filed.id)).statusCode).toBe(200);
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/candidate/registrations',
      headers: c.headers,
    });
    expect(mine.json().items.find((r: { id: string }) => r.id === reg.id).status).toBe('confirmed');
    const [n] = await findTestPaymentNotices(t.database.db, reg.id);
    expect(n!.status).toBe('waived');
  });

  // The name belongs to the candidates module; the profile records the change as a new version.
  it('renames the candidate through the profile when a name change is approved', async () => {
    const c = await createCandidate(t.app, { name: '王小明' });
    await prepareCandidate(t.app, c.headers);
    const filed = await fileCase(t.app, c.headers, {
      type: 'name_change',
      eventId,
      requestedName: '王晓明',
    });
    await approve(filed.id);
    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/candidate/profile',
      headers: c.headers,
    });
    expect(profile.json().identity.name).toBe('王晓明');
    // A new profile version records the change (the first save was version 1).
    expect(profile.json().version).toBe(2);
  });
});
