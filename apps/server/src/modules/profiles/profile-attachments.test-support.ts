import type { KaoluApp } from '../../app';

// Keeps multipart boundaries unique within a test run.
let serial = 0;

/** A small PDF-looking file: the %PDF- signature, a recognisable marker, padded to `bytes`. */
export function pdfOf(marker: string, bytes = 4096): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% ${marker}\n`);
  return Buffer.concat([
    head,
    Buffer.alloc(Math.max(0, bytes - head.length - 6), 0x20),
    Buffer.from('\n%%EOF'),
  ]);
}

/** The eight PNG signature bytes and some body. */
export function pngOf(bytes = 1024): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(bytes - 8, 7),
  ]);
}

/** A multipart/form-data body with one file field, sent with whatever type the browser claims. */
export function multipartFile(file: Buffer, filename: string, contentType = 'application/pdf') {
  const boundary = `----kaoluatt${serial++}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      'utf8',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads one material as the candidate would; answers the inject response. */
// Through the real route, so type detection, limits and audit run as in production.
export function uploadAttachment(
  app: KaoluApp,
  headers: Record<string, string>,
  file: Buffer,
  filename = '学位证书.pdf',
  contentType = 'application/pdf',
) {
  const body = multipartFile(file, filename, contentType);
  return app.inject({
    method: 'POST',
    url: '/api/candidate/profile/attachments',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}
