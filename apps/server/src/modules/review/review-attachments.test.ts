import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRecorder, loginAs, type AuthHeaders } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import {
  createExaminee,
  createPublishedPosition,
  createReviewUnit,
  createSelectionEvent,
  publishScores,
} from '../applications/selection.test-support';
import { pdfOf, pngOf, uploadAttachment } from '../profiles/profile-attachments.test-support';
import { profileDocument } from '../registrations/registration.test-support';

describe('uploaded materials in unit review (INT-05)', () => {
  const audit = createAuditRecorder();
  let t: TestApp;
  let unitA: Awaited<ReturnType<typeof createReviewUnit>>;
  let unitB: Awaited<ReturnType<typeof createReviewUnit>>;
  let person: Awaited<ReturnType<typeof createExaminee>>;
  let applicationId: string;
  const degree = pdfOf('学位证书 扫描件');
  const files: Record<string, string> = {};
  const get = (headers: AuthHeaders | Record<string, string>, url: string) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (headers: AuthHeaders | Record<string, string>, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers, payload });
  const download = (headers: AuthHeaders, fileId: string, id = applicationId) =>
    get(headers, `/api/admin/reviews/${id}/attachments/${fileId}`);

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    const org = (await loginAs(t.app, 'org_admin')).headers;
    const event = await createSelectionEvent(t.app);
    unitA = await createReviewUnit(t.app, org, '市人力资源社会保障局');
    unitB = await createReviewUnit(t.app, org, '市商务委');
    person = await createExaminee(t.app, event.id);
    await publishScores(t.app, event.id, [[person.ticketNumber, 75, 70]]);
    const positionA = await createPublishedPosition(t.app, event.id, unitA.unitId);
    applicationId = (
      await post(person.headers, '/api/candidate/applications', {
        eventId: event.id,
        positionId: positionA.id,
      })
    ).json().id;
    // The reviewer asks for the degree certificate; the candidate uploads it, saves his profile and supplements.
    await post(unitA.reviewer, `/api/admin/reviews/${applicationId}/decision`, {
      outcome: 'return',
      reasonCode: 'materials_missing',
      reasonText: '请上传学位证书',
    });
    files.degree = (
      await uploadAttachment(t.app, person.headers, degree, '学位证书.pdf')
    ).json().fileId;
    files.photo = (
      await uploadAttachment(t.app, person.headers, pngOf(), '获奖证书.png', 'image/png')
    ).json().fileId;
    files.unsaved = (
      await uploadAttachment(t.app, person.headers, pdfOf('未保存'), '草稿.pdf')
    ).json().fileId;
    const attachments = [
      { fileId: files.degree!, name: '学位证书', note: '教育部学位网可查' },
      { fileId: files.photo!, name: '获奖证书', note: '' },
    ];
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers: person.headers,
      payload: { document: profileDocument({ attachments }), version: 1 },
    });
    expect(saved.statusCode).toBe(200);
    expect(
      (
        await post(person.headers, `/api/candidate/applications/${applicationId}/supplement`, {
          note: '已上传学位证书',
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  it('lists every submitted material with file id, name, note, size and type', async () => {
    const detail = (await get(unitA.reviewer, `/api/admin/reviews/${applicationId}`)).json();
    expect(detail.attachments).toEqual([
      {
        fileId: files.degree,
        name: '学位证书',
        note: '教育部学位网可查',
        size: degree.length,
        mime: 'application/pdf',
      },
      { fileId: files.photo, name: '获奖证书', note: '', size: 1024, mime: 'image/png' },
    ]);
  });

  it('lets the reviewer of the unit download exactly the submitted bytes, and audits it', async () => {
    const res = await download(unitA.reviewer, files.degree!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(degree)).toBe(true);
    const entry = audit.entries.find(
      (e) => e.action === 'attachment.downloaded' && e.targetId === files.degree,
    );
    expect(entry).toMatchObject({
      actor: { kind: 'staff' },
      targetType: 'stored_file',
      details: { applicationId, name: '学位证书' },
    });
  });

  it("never serves a material to another unit's reviewer, to a user without the review permission, or outside the snapshot", async () => {
    const before = audit.entries.filter((e) => e.action === 'attachment.downloaded').length;
    expect((await download(unitB.reviewer, files.degree!)).statusCode).toBe(404);
    const institute = (await loginAs(t.app, 'exam_institute')).headers;
    expect((await download(institute, files.degree!)).statusCode).toBe(403);
    expect(
      (await get(person.headers, `/api/admin/reviews/${applicationId}/attachments/${files.degree}`))
        .statusCode,
    ).toBe(403);
    expect((await download(unitA.reviewer, files.unsaved!)).statusCode).toBe(404);
    expect(audit.entries.filter((e) => e.action === 'attachment.downloaded')).toHaveLength(before);
  });

  it('keeps the frozen references when the candidate later changes his profile', async () => {
    const cleared = await t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers: person.headers,
      payload: { document: profileDocument({ attachments: [] }), version: 2 },
    });
    expect(cleared.statusCode).toBe(200);
    const detail = (await get(unitA.reviewer, `/api/admin/reviews/${applicationId}`)).json();
    expect(detail.attachments.map((a: { fileId: string }) => a.fileId)).toEqual([
      files.degree,
      files.photo,
    ]);
    expect((await download(unitA.reviewer, files.photo!)).statusCode).toBe(200);
  });
});
