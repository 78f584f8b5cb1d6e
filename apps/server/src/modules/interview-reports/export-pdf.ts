import type { ExportFormat } from '@kaolu/contracts';
import { createCjkDocument, pdfBuffer, type CjkDocument } from '../../platform/pdf';
import type { ExportCandidate } from './export-data';
import {
  detailPairs,
  examinerTable,
  resultTable,
  scoreLine,
  sheetTable,
  summaryTable,
} from './export-rows';

// Printable PDF of the exports (INT-09b), in the Chinese font: the full format prints one A4 page
// per candidate, the two list formats a landscape table that carries its header onto every page.

type Cell = string | number | null;
// Inner padding of a table cell, in points.
const PAD = 3;

/** Draws a bordered table from the current y, breaking pages and repeating the header. */
function table(
  doc: CjkDocument,
  header: ReadonlyArray<Cell> | null,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  size = 9,
) {
  const columns = (header ?? rows[0] ?? []).length;
  // Equal columns across the printable width; long texts wrap inside their cell.
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colWidth = width / Math.max(columns, 1);
  const drawRow = (cells: ReadonlyArray<Cell>, weight: 'regular' | 'bold') => {
    doc.cjk(weight, size);
    const texts = cells.map((v) => (v === null ? '' : String(v)));
    const height =
      Math.max(...texts.map((t) => doc.heightOfString(t || ' ', { width: colWidth - 2 * PAD }))) +
      2 * PAD;
    // A row that would cross the bottom margin starts the next page, header first.
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (weight === 'regular' && header) drawRow(header, 'bold');
      doc.cjk(weight, size);
    }
    // Border first, then the text inside the padding.
    const top = doc.y;
    texts.forEach((t, i) => {
      const x = left + i * colWidth;
      doc.rect(x, top, colWidth, height).stroke('#999999');
      doc.fillColor('#000000').text(t, x + PAD, top + PAD, { width: colWidth - 2 * PAD });
    });
    doc.x = left;
    doc.y = top + height;
  };
  if (header) drawRow(header, 'bold');
  for (const r of rows) drawRow(r, 'regular');
  doc.moveDown(0.6);
}

/** A section heading at the left margin. */
function heading(doc: CjkDocument, text: string, size = 11) {
  doc.x = doc.page.margins.left;
  doc.cjk('bold', size).text(text);
  doc.moveDown(0.3);
}

/** One candidate's page. */
function candidatePage(doc: CjkDocument, title: string, c: ExportCandidate) {
  doc.addPage({ size: 'A4', layout: 'portrait', margin: 40 });
  doc.cjk('bold', 15).text(`${title} · 一人一表`, { align: 'center' });
  doc.moveDown(0.6);
  const pairs = detailPairs(c);
  const lines: Cell[][] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [a, b] = [pairs[i]!, pairs[i + 1]];
    lines.push([a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
  }
  table(doc, null, lines, 10);
  heading(doc, `考官评分（${c.typeName}）`);
  const sheets = sheetTable(c);
  table(doc, sheets.header, sheets.rows.length ? sheets.rows : [['尚无已提交的评分表']]);
  heading(doc, '成绩计算');
  const results = resultTable(c);
  if (results.rows.length) table(doc, results.header, results.rows);
  heading(doc, scoreLine(c), 10);
  heading(doc, '心理测评');
  const psych = Object.entries(c.psych ?? {});
  table(doc, ['项目', '结果'], psych.length ? psych : [['未导入', '']]);
}

/** The PDF of one format for the candidates; 503 before any work when the font is missing. */
export async function exportPdf(
  title: string,
  format: ExportFormat,
  list: readonly ExportCandidate[],
  fontDirs?: readonly string[],
): Promise<Buffer> {
  const doc = createCjkDocument({ title, dirs: fontDirs });
  if (format === 'full') for (const c of list) candidatePage(doc, title, c);
  else {
    doc.addPage({ size: 'A4', layout: 'landscape', margin: 30 });
    const name = format === 'summary' ? '成绩汇总' : '考官评分明细';
    doc.cjk('bold', 14).text(`${title} · ${name}`, { align: 'center' });
    doc.moveDown(0.5);
    const t = format === 'summary' ? summaryTable(list) : examinerTable(list);
    table(doc, t.header, t.rows, 8);
  }
  return pdfBuffer(doc);
}
