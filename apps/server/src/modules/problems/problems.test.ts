import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsMessage } from '../../platform/sms/sms.table';
import { storedFile } from '../../platform/files';
import { loginAs } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCandidate, createOpenEvent } from '../registrations/registration.test-support';
import { problemEntry } from './problem.table';
import { decide, fileCase, pdfBytes, uploadEvidence } from './problems.test-support';

describe('problem center 报名问题处理中心 (ONL-01)', () => {
  let t: TestApp;
  let eventId: string;
  let org: Awaited<ReturnType<typeof loginAs>>;

  beforeAll(async () => {
    t = await createTestApp();
    eventId = (await createOpenEvent(t.app)).id;
    org = await loginAs(t.app, 'org_admin');
  });
  afterAll(() => t.close());

  // Texts of the problem center only: other purposes (codes, notices) do not count as replies.
  const smsCount = async () =>
    Number(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)` })
          .from(smsMessage)
          .where(eq(smsMessage.purpose, 'problem_reply'))
      )[0]!.n,
    );

  it('stores evidence encrypted by its content type and refuses a forged one', async () => {
    const c = await createCandidate(t.app);
    const ok = await uploadEvidence(t.app, c.headers, pdfBytes(), '户口簿.pdf');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '户口簿.pdf', mime: 'application/pdf' });
    // The stored bytes are ciphertext: the PDF signature does not appear in the database.
    const [row] = await t.database.db
      .select()
      .from(storedFile)
      .where(eq(storedFile.id, ok.json().fileId));
    expect(row!.purpose).toBe('problem_evidence');
    expect(row!.contentEnc).not.toContain('%PDF');
    // An HTML page named .pdf and sent as application/pdf is still refused: the bytes decide.
    // Forged: the name and the declared Content-Type say PDF, the bytes are an HTML page.
    const forged = await uploadEvidence(
      t.app,
      c.headers,
      Buffer.from('<html><script>alert(1)</script></html>'),
      '证明.pdf',
      'application/pdf',
    );
    expect(forged.statusCode).toBe(415);
    expect(forged.json().error.code).toBe('FILE.TYPE_NOT_ALLOWED');
    // One byte past 5MB is cut off by the multipart limit and answered as too large.
    const tooLarge = await uploadEvidence(
      t.app,
      c.headers,
      Buffer.concat([pdfBytes(), Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(tooLarge.statusCode).toBe(413);
  });

  // A case holds personal documents: another candidate gets "not found", exactly as for no case.
  it('never shows a candidate another candidate’s case, its files or lets him act on it', async () => {
    const owner = await createCandidate(t.app);
    const other = await createCandidate(t.app);
    const filed = await fileCase(t.app, owner.headers, { type: 'technical' });
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/candidate/problems/${filed.id}`,
      headers: owner.headers,
    });
    const fileId = detail.json().entries[0].files[0].fileId as string;
    for (const [method, url] of [
      ['GET', `/api/candidate/problems/${filed.id}`],
      ['GET', `/api/candidate/problems/${filed.id}/files/${fileId}`],
      ['POST', `/api/candidate/problems/${filed.id}/withdraw`],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: other.headers });
      expect(res.statusCode, url).toBe(404);
    }
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/candidate/problems',
      headers: other.headers,
    });
    expect(list.json()).toEqual([]);
    // Nor may he attach the owner's upload to a case of his own.
    const stolen = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/problems',
      headers: other.headers,
      payload: { type: 'technical', title: '问题', body: '说明', fileIds: [fileId] },
    });
    expect(stolen.json().error.code).toBe('PROBLEM.EVIDENCE_NOT_OWNED');
  });

  it('follows the status flow, refuses illegal transitions and sends one SMS per reply', async () => {
    const c = await createCandidate(t.app);
    const filed = await fileCase(t.app, c.headers, {
      type: 'greylist_appeal',
      eventId,
      refusalCode: 'REGISTRATION.GREYLISTED',
    });
    expect(filed.status).toBe('submitted');
    const before = await smsCount();
    // Straight from submitted to approved skips the review: refused, nothing changes.
    const skip = await decide(t.app, org.headers, filed.id, 'approved', '通过');
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('PROBLEM.INVALID_TRANSITION');
    expect((await decide(t.app, org.headers, filed.id, 'in_review')).statusCode).toBe(200);
    // Asking for more information needs a reply the candidate reads.
    const silent = await decide(t.app, org.headers, filed.id, 'more_info_needed');
    expect(silent.json().error.code).toBe('PROBLEM.REPLY_REQUIRED');
    const ask = await decide(t.app, org.headers, filed.id, 'more_info_needed', '请补充户口簿');
    expect(ask.json()).toMatchObject({
      status: 'more_info_needed',
      nextStatuses: ['in_review', 'closed'],
    });
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/admin/problems/${filed.id}/notes`,
      headers: org.headers,
      payload: { body: '内部：已电话核实' },
    });
    expect(note.statusCode).toBe(200);
    // The candidate's answer sends the case back to review without any SMS (he wrote it).
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/candidate/problems/${filed.id}/answer`,
      headers: c.headers,
      payload: { body: '已补充户口簿', fileIds: [] },
    });
    expect(answer.json().status).toBe('in_review');
    const rejected = await decide(t.app, org.headers, filed.id, 'rejected', '申诉理由不成立');
    expect(rejected.json().status).toBe('rejected');
    // A decided case cannot be decided again, nor answered.
    expect((await decide(t.app, org.headers, filed.id, 'approved', '改判')).statusCode).toBe(409);
    expect((await decide(t.app, org.headers, filed.id, 'closed')).json().status).toBe('closed');
    expect((await decide(t.app, org.headers, filed.id, 'in_review')).statusCode).toBe(409);

    await t.app.kaolu.jobs.drain();
    // Two replies (more info, rejection): exactly two texts, whatever the status changes.
    expect((await smsCount()) - before).toBe(2);
    const seen = (
      await t.app.inject({
        method: 'GET',
        url: `/api/candidate/problems/${filed.id}`,
        headers: c.headers,
      })
    ).json();
    // The candidate reads the replies but never the internal note or a staff account name.
    const bodies = seen.entries.map((e: { body: string | null }) => e.body);
    expect(bodies).toContain('请补充户口簿');
    expect(bodies).not.toContain('内部：已电话核实');
    expect(JSON.stringify(seen)).not.toContain(org.username);
  });

  // Withdrawing is final: a second withdrawal of the closed case is an illegal transition.
  it('lets a candidate withdraw an open case, and keeps it in his list', async () => {
    const c = await createCandidate(t.app);
    const filed = await fileCase(t.app, c.headers, { type: 'technical' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/candidate/problems/${filed.id}/withdraw`,
      headers: c.headers,
    });
    expect(res.json()).toMatchObject({ status: 'closed', canWithdraw: false });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/candidate/problems/${filed.id}/withdraw`,
      headers: c.headers,
    });
    expect(again.statusCode).toBe(409);
  });

  // 留痕: not the service but the database refuses to rewrite history, whoever connects to it.
  it('keeps the history append-only in the database itself', async () => {
    const c = await createCandidate(t.app);
    const filed = await fileCase(t.app, c.headers, { type: 'technical' });
    const where = eq(problemEntry.caseId, filed.id);
    await expect(
      t.database.db.update(problemEntry).set({ body: '改写' }).where(where),
    ).rejects.toThrow();
    await expect(t.database.db.delete(problemEntry).where(where)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate problem_entry cascade`)).rejects.toThrow();
    const rows = await t.database.db.select().from(problemEntry).where(where);
    expect(rows.map((r) => r.body)).toEqual(['本人情况说明，详见附件。']);
  });

  // An appeal is about one event's checks; duplicates would split one conversation in two.
  it('refuses an appeal without its event and a second open case of the same kind', async () => {
    const c = await createCandidate(t.app);
    const noEvent = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/problems',
      headers: c.headers,
      payload: { type: 'hukou_appeal', title: '户籍', body: '说明' },
    });
    expect(noEvent.json().error.code).toBe('PROBLEM.EVENT_REQUIRED');
    await fileCase(t.app, c.headers, { type: 'hukou_appeal', eventId });
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/candidate/problems',
      headers: c.headers,
      payload: { type: 'hukou_appeal', eventId, title: '户籍', body: '说明' },
    });
    expect(twice.json().error.code).toBe('PROBLEM.ALREADY_OPEN');
  });
});
