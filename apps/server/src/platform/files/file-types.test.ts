import { describe, expect, it } from 'vitest';
import { formatBytes } from './file-store';
import { cleanFileName, contentDisposition, detectFileType } from './file-types';

describe('file types and names', () => {
  it('recognises PDF, JPEG and PNG by their leading bytes only', () => {
    expect(detectFileType(Buffer.from('%PDF-1.4 ...'))).toBe('application/pdf');
    expect(detectFileType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(detectFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(detectFileType(Buffer.from('PK\x03\x04 docx'))).toBeNull();
    expect(detectFileType(Buffer.from('%PDF'))).toBeNull();
    expect(detectFileType(Buffer.from('%PDF-1.4'), ['image/png'])).toBeNull();
  });

  it('keeps a file name without directories, control or bidi characters, at most 100 characters', () => {
    expect(cleanFileName('C:\\Users\\x\\学位证书.pdf')).toBe('学位证书.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('abc\u202Efdp.exe')).toBe('abcfdp.exe');
    expect(cleanFileName('   ')).toBe('附件');
    const long = cleanFileName(`${'长'.repeat(150)}.pdf`);
    expect([long.length, long.endsWith('.pdf')]).toEqual([100, true]);
  });

  it('writes a Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', '证书 "a".pdf')).toBe(
      `attachment; filename="__ _a_.pdf"; filename*=UTF-8''${encodeURIComponent('证书 "a".pdf')}`,
    );
  });

  it('rounds sizes up so a file over the limit never reads as the limit', () => {
    expect([
      formatBytes(5 * 1024 * 1024),
      formatBytes(5 * 1024 * 1024 + 1),
      formatBytes(1000),
    ]).toEqual(['5MB', '5.1MB', '1KB']);
  });
});
