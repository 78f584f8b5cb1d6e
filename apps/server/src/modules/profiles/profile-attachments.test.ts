import { ATTACHMENT_MAX_BYTES } from '@kaolu/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedFile } from '../../platform/files';
import { createAuditRecorder } from '../../test-support/login-as';
import { createTestApp, type TestApp } from '../../test-support/test-app';
import { createCandidate, profileDocument } from '../registrations/registration.test-support';
import { pdfOf, pngOf, uploadAttachment } from './profile-attachments.test-support';

type Person = Awaited<ReturnType<typeof createCandidate>>;

describe('profile attachments 附件材料 (INT-05)', () => {
  const audit = createAuditRecorder();
  let t: TestApp;
  let me: Person;
  let other: Person;
  const save = (person: Person, attachments: unknown[], version: number) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/candidate/profile',
      headers: person.headers,
      payload: { document: { ...profileDocument(), attachments }, version },
    });

  beforeAll(async () => {
    t = await createTestApp({}, { audit });
    me = await createCandidate(t.app);
    other = await createCandidate(t.app, { name: '李四' });
  });
  afterAll(() => t.close());

  it('refuses a file whose content is not PDF, JPG or PNG, whatever its name and declared type say', async () => {
    const res = await uploadAttachment(
      t.app,
      me.headers,
      Buffer.from('MZ\x90\x00 this is an executable'),
      '学位证书.pdf',
      'application/pdf',
    );
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: 'FILE.TYPE_NOT_ALLOWED',
      message:
        '「学位证书.pdf」不是 PDF、JPG、PNG 文件，仅支持 PDF、JPG、PNG 格式（按文件内容识别）',
    });
  });

  it('refuses a file over 5MB and an empty one, in Chinese', async () => {
    const big = await uploadAttachment(t.app, me.headers, pdfOf('big', ATTACHMENT_MAX_BYTES + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'FILE.TOO_LARGE', message: '文件不能超过 5MB' });
    const empty = await uploadAttachment(t.app, me.headers, Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('文件内容为空，请重新选择文件');
    const edge = await uploadAttachment(t.app, me.headers, pdfOf('edge', ATTACHMENT_MAX_BYTES));
    expect(edge.statusCode).toBe(200);
  });

  it('stores the bytes encrypted, gives them back unchanged only to their owner, and audits the upload', async () => {
    const file = pdfOf('DEGREE-CERT-0001 王小明 学位证书');
    const res = await uploadAttachment(t.app, me.headers, file, '学位证书.pdf');
    expect(res.statusCode).toBe(200);
    const uploaded = res.json();
    expect(uploaded).toMatchObject({
      name: '学位证书.pdf',
      size: file.length,
      mime: 'application/pdf',
    });

    const [row] = await t.app.kaolu.database.db
      .select()
      .from(storedFile)
      .where(eq(storedFile.id, uploaded.fileId));
    expect(row).toMatchObject({
      ownerKind: 'candidate',
      ownerId: me.candidateId,
      sizeBytes: file.length,
      sm3: t.app.kaolu.crypto.sm3(file),
    });
    for (const clear of [
      file.toString('latin1'),
      file.toString('base64'),
      file.toString('hex'),
      'DEGREE-CERT-0001',
    ])
      expect(row!.contentEnc).not.toContain(clear.slice(0, 40));

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/candidate/profile/attachments/${uploaded.fileId}?disposition=inline`,
      headers: me.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(file)).toBe(true);
    expect(download.headers).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
    });
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('学位证书.pdf')}`,
    );
    expect(String(download.headers['content-disposition'])).toMatch(/^inline;/);
    const stranger = await t.app.inject({
      method: 'GET',
      url: `/api/candidate/profile/attachments/${uploaded.fileId}`,
      headers: other.headers,
    });
    expect(stranger.statusCode).toBe(404);

    expect(
      audit.entries.find(
        (e) => e.action === 'attachment.uploaded' && e.targetId === uploaded.fileId,
      ),
    ).toMatchObject({
      actor: { kind: 'candidate', id: me.candidateId },
      details: { mime: 'application/pdf', size: file.length },
    });
  });

  it('keeps stored files immutable in the database itself, letting key rotation re-encrypt the content only', async () => {
    const png = pngOf();
    const uploaded = (
      await uploadAttachment(t.app, me.headers, png, '照片.png', 'image/png')
    ).json();
    expect(uploaded.mime).toBe('image/png');
    const db = t.app.kaolu.database.db;
    await expect(
      db.execute(sql`update stored_file set file_name = 'x.pdf' where id = ${uploaded.fileId}`),
    ).rejects.toThrow();
    await expect(
      db.execute(
        sql`update stored_file set size_bytes = 1, sm3 = 'x' where id = ${uploaded.fileId}`,
      ),
    ).rejects.toThrow();
    const [row] = await db.select().from(storedFile).where(eq(storedFile.id, uploaded.fileId));
    const resealed = t.app.kaolu.crypto.reencryptField(row!.contentEnc, {
      table: 'stored_file',
      column: 'content',
      rowId: uploaded.fileId,
    });
    await db.execute(
      sql`update stored_file set content_enc = ${resealed} where id = ${uploaded.fileId}`,
    );
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/candidate/profile/attachments/${uploaded.fileId}`,
      headers: me.headers,
    });
    expect(download.rawPayload.equals(png)).toBe(true);
  });

  it('saves attachment entries that reference own uploads, with size and type taken from the stored file', async () => {
    const uploaded = (
      await uploadAttachment(t.app, me.headers, pdfOf('transcript', 2048), '成绩单.pdf')
    ).json();
    const res = await save(
      me,
      [
        {
          fileId: uploaded.fileId,
          name: '本科成绩单',
          note: '教务处盖章',
          size: 1,
          mime: 'image/png',
        },
      ],
      0,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().document.attachments).toEqual([
      {
        fileId: uploaded.fileId,
        name: '本科成绩单',
        note: '教务处盖章',
        size: 2048,
        mime: 'application/pdf',
      },
    ]);
  });

  it("refuses a profile that references another candidate's file or an unknown one, naming the entry in Chinese", async () => {
    const theirs = (
      await uploadAttachment(t.app, other.headers, pdfOf('theirs'), '他人证书.pdf')
    ).json();
    const res = await save(me, [{ fileId: theirs.fileId, name: '学位证书', note: '' }], 1);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'PROFILE.ATTACHMENT_NOT_OWNED',
      message: '附件文件不存在或不是您上传的，请重新上传',
      details: { fields: [{ field: 'document.attachments.0.fileId', label: '附件「学位证书」' }] },
    });
    const unknown = await save(
      me,
      [{ fileId: '00000000-0000-4000-8000-000000000000', name: '学位证书', note: '' }],
      1,
    );
    expect(unknown.json().error.code).toBe('PROFILE.ATTACHMENT_NOT_OWNED');
    const profile = (
      await t.app.inject({ method: 'GET', url: '/api/candidate/profile', headers: me.headers })
    ).json();
    expect(profile.version).toBe(1);
  });

  it('refuses the same file twice and an entry without a file', async () => {
    const uploaded = (await uploadAttachment(t.app, me.headers, pdfOf('twice'))).json();
    const twice = await save(
      me,
      [
        { fileId: uploaded.fileId, name: 'A', note: '' },
        { fileId: uploaded.fileId, name: 'B', note: '' },
      ],
      1,
    );
    expect(twice.statusCode).toBe(400);
    expect(JSON.stringify(twice.json().error.details)).toContain('同一附件文件不能重复添加');
    const bare = await save(me, [{ name: '学位证书', note: '' }], 1);
    expect(bare.statusCode).toBe(400);
  });
});
