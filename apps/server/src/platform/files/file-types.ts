import type { StoredFileMime } from './stored-file.table';

// Leading bytes of each allowed type. The browser's Content-Type and the file name are both
// chosen by the uploader, so neither decides what a file is.
const SIGNATURES: Array<{ mime: StoredFileMime; bytes: number[] }> = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export const FILE_TYPE_LABELS: Record<StoredFileMime, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

/** The type of a file by its magic bytes among the allowed ones (PDF, JPEG, PNG), or null. */
export function detectFileType(
  bytes: Uint8Array,
  allowed: readonly StoredFileMime[] = ['application/pdf', 'image/jpeg', 'image/png'],
): StoredFileMime | null {
  const hit = SIGNATURES.find(
    (s) => s.bytes.length <= bytes.length && s.bytes.every((b, i) => bytes[i] === b),
  );
  return hit && allowed.includes(hit.mime) ? hit.mime : null;
}

/**
 * A file name safe to keep and to show: no directories, no control or bidi-override characters,
 * at most 100 characters (the extension kept). Empty names become "附件".
 */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!clean) return '附件';
  if (clean.length <= 100) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, 100 - ext.length) + ext;
}

/** A Content-Disposition value that carries a Chinese file name (RFC 6266 / 5987) with an ASCII fallback. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
