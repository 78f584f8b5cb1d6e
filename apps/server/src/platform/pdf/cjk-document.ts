import { existsSync, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../errors/app-error';

// Where fonts-noto-cjk puts its collections on Debian / Ubuntu; other hosts can link them here.
const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/noto-cjk'];
// The Simplified Chinese face inside the collection (a .ttc holds SC, TC, JP, KR faces).
const SC_REGULAR = 'NotoSansCJKsc-Regular';
const SC_BOLD = 'NotoSansCJKsc-Bold';

/** The regular and bold font collections, or a clear 503 naming the missing package. */
export function cjkFontFiles(dirs: readonly string[] = FONT_DIRS): {
  regular: string;
  bold: string;
} {
  for (const dir of dirs) {
    const regular = `${dir}/NotoSansCJK-Regular.ttc`;
    if (!existsSync(regular)) continue;
    const bold = `${dir}/NotoSansCJK-Bold.ttc`;
    // Bold is optional: headings fall back to the regular face rather than failing the export.
    return { regular, bold: existsSync(bold) ? bold : regular };
  }
  throw new AppError('REPORT.PDF_FONT_MISSING', {
    details: { package: 'fonts-noto-cjk', searched: [...dirs] },
  });
}

// The collections are read once per process: each is about 20 MB, and every export needs them.
const fontBytes = new Map<string, Buffer>();
const bytesOf = (file: string) => {
  let bytes = fontBytes.get(file);
  if (!bytes) fontBytes.set(file, (bytes = readFileSync(file)));
  return bytes;
};

export type CjkDocument = PDFKit.PDFDocument & {
  /** Switches to the regular or bold Chinese face at a size. */
  cjk(weight: 'regular' | 'bold', size: number): CjkDocument;
};

/**
 * An A4 document whose fonts are the Chinese faces; throws before any page when the font is missing.
 * The document is not compressed away from the font: pdfkit embeds only the glyphs used.
 */
export function createCjkDocument(options: { title: string; dirs?: readonly string[] }) {
  const files = cjkFontFiles(options.dirs);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    info: { Title: options.title, Producer: 'kaolu' },
    autoFirstPage: false,
  }) as CjkDocument;
  doc.registerFont('cjk', bytesOf(files.regular), SC_REGULAR);
  doc.registerFont(
    'cjk-bold',
    bytesOf(files.bold),
    files.bold === files.regular ? SC_REGULAR : SC_BOLD,
  );
  doc.cjk = (weight, size) => doc.font(weight === 'bold' ? 'cjk-bold' : 'cjk').fontSize(size);
  return doc;
}

/** Ends the document and collects its bytes (exports are a few hundred pages, held in memory). */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
