import type { ExportFormat } from '@kaolu/contracts';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/excel/excel-cells';
import type { ExportCandidate } from './export-data';
import {
  detailPairs,
  examinerTable,
  resultTable,
  scoreLine,
  sheetTable,
  summaryTable,
} from './export-rows';

// Excel files of the exports (INT-09b): the full format is one worksheet per candidate (a page
// each when printed), the two list formats one worksheet each. Every cell is sanitised against
// formula injection (CONVENTIONS: Excel export cells).

type Cell = string | number | null;
// Labels and headers in bold, values plain.
const bold = { bold: true } as const;

/** Worksheet names must be unique, ≤ 31 chars and free of []:*?/\ (Excel refuses others). */
function sheetName(book: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '考生';
  let name = base;
  for (let n = 2; book.getWorksheet(name); n++) name = `${base}_${n}`;
  return name;
}

const addRow = (sheet: ExcelJS.Worksheet, cells: readonly Cell[]) =>
  sheet.addRow(cells.map((v) => safeCell(v)));

/** One candidate's worksheet: details, sheets, computation, scores and psych results. */
function candidateSheet(book: ExcelJS.Workbook, title: string, c: ExportCandidate) {
  const sheet = book.addWorksheet(sheetName(book, c.ticketNumber), {
    // One printed page per candidate: fit the sheet to one A4 page.
    pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 },
  });
  addRow(sheet, [`${title} · 一人一表`]).font = { bold: true, size: 14 };
  // Details two pairs to a line, as the paper form prints them.
  const pairs = detailPairs(c);
  for (let i = 0; i < pairs.length; i += 2) {
    const [a, b] = [pairs[i]!, pairs[i + 1]];
    const row = addRow(sheet, [a[0], a[1], b?.[0] ?? '', b?.[1] ?? '']);
    row.getCell(1).font = bold;
    row.getCell(3).font = bold;
  }
  sheet.addRow([]);
  addRow(sheet, [`考官评分（${c.typeName}）`]).font = bold;
  const sheets = sheetTable(c);
  addRow(sheet, sheets.header).font = bold;
  if (sheets.rows.length === 0) addRow(sheet, ['尚无已提交的评分表']);
  for (const r of sheets.rows) addRow(sheet, r);
  sheet.addRow([]);
  addRow(sheet, ['成绩计算']).font = bold;
  const results = resultTable(c);
  addRow(sheet, results.header).font = bold;
  for (const r of results.rows) addRow(sheet, r);
  addRow(sheet, [scoreLine(c)]).font = bold;
  sheet.addRow([]);
  addRow(sheet, ['心理测评']).font = bold;
  const psych = Object.entries(c.psych ?? {});
  if (psych.length === 0) addRow(sheet, ['未导入']);
  for (const [k, v] of psych) addRow(sheet, [k, v]);
  sheet.columns.forEach((col) => (col.width = 16));
}

/** A list worksheet: bold header, one row per line. */
function listSheet(
  book: ExcelJS.Workbook,
  name: string,
  table: { header: string[]; rows: Cell[][] },
) {
  const sheet = book.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  addRow(sheet, table.header).font = bold;
  for (const r of table.rows) addRow(sheet, r);
  sheet.columns.forEach((col) => (col.width = 14));
}

/** The workbook of one format for the candidates, as a buffer. */
export async function exportWorkbook(
  title: string,
  format: ExportFormat,
  list: readonly ExportCandidate[],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.title = title;
  if (format === 'full') for (const c of list) candidateSheet(book, title, c);
  else if (format === 'summary') listSheet(book, '成绩汇总', summaryTable(list));
  else listSheet(book, '考官评分明细', examinerTable(list));
  return Buffer.from(await book.xlsx.writeBuffer());
}
