import type { KaoluApp } from '../../app';
import type { AuthHeaders } from '../../test-support/login-as';

// Fixtures of problem-center tests (ONL-01): a real-looking PDF, its upload, and a filed case.

let serial = 0;

/** A minimal PDF: the %PDF- signature the file store detects, then a body and %%EOF. */
export function pdfBytes(text = '证明材料'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n`,
  );
}

/** A multipart/form-data body with one file part named `file`. */
// The browser's Content-Type is sent as given: the forged-type test sets it to lie on purpose.
export function multipartFile(bytes: Buffer, filename: string, contentType = 'application/pdf') {
  const boundary = `----kaoluproblem${serial++}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads one evidence file as the candidate; answers the raw response. */
export function uploadEvidence(
  app: KaoluApp,
  headers: AuthHeaders,
  bytes: Buffer,
  filename = '证明.pdf',
  contentType?: string,
) {
  const body = multipartFile(bytes, filename, contentType);
  return app.inject({
    method: 'POST',
    url: '/api/candidate/problems/evidence',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

/** Files a case with one uploaded PDF; answers the created case (throws on refusal). */
export async function fileCase(
  app: KaoluApp,
  headers: AuthHeaders,
  input: { type: string; eventId?: string; refusalCode?: string; requestedName?: string },
) {
  // Every filed case carries one PDF, as a real appeal would.
  const file = (await uploadEvidence(app, headers, pdfBytes())).json() as { fileId: string };
  const res = await app.inject({
    method: 'POST',
    url: '/api/candidate/problems',
    headers,
    payload: { title: '申诉', body: '本人情况说明，详见附件。', fileIds: [file.fileId], ...input },
  });
  if (res.statusCode !== 200) throw new Error(`filing failed: ${res.body}`);
  return res.json() as { id: string; caseNumber: string; status: string };
}

/** A staff status change with an optional reply; answers the raw response. */
export function decide(
  app: KaoluApp,
  headers: AuthHeaders,
  id: string,
  status: string,
  reply?: string,
) {
  return app.inject({
    method: 'POST',
    url: `/api/admin/problems/${id}/status`,
    headers,
    payload: reply === undefined ? { status } : { status, reply },
  });
}
