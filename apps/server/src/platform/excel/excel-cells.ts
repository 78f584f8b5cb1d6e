import ExcelJS from 'exceljs';
import { AppError } from '../errors/app-error';
import { assertStorableText } from '../errors/validation';

// Text starting with these could run as a formula when the sheet is opened (CSV/DDE injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Cell text safe against formula injection: a leading quote makes Excel show it as text. */
export function safeCell(value: string | number | boolean | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A cell's text as the person typed it: formulas read as their result, a protective quote removed.
 * ExcelJS decodes OOXML escapes such as `_x0000_` into NUL or lone surrogates, which PostgreSQL
 * refuses: every uploaded cell passes the same edge rule as JSON text (NFR-SEC-1).
 */
export function cellText(cell: ExcelJS.Cell): string {
  const text = (cell.text ?? '').trim();
  assertStorableText({ [`body.file.${cell.address}`]: text });
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** The first worksheet of an uploaded .xlsx (base64), or IMPORT.INVALID_FILE. */
export async function readFirstSheet(fileBase64: string): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(fileBase64, 'base64') as unknown as ArrayBuffer);
  } catch (error) {
    throw new AppError('IMPORT.INVALID_FILE', { cause: error });
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new AppError('IMPORT.INVALID_FILE', { message: '文件中没有工作表' });
  return sheet;
}

/** Maps each header label of row 1 to its column number; reports required headers that are missing. */
export function headerColumns(
  sheet: ExcelJS.Worksheet,
  labels: readonly string[],
): { columns: Map<string, number>; missing: string[] } {
  const columns = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell).replace(/[*＊]$/, '');
    if (labels.includes(text)) columns.set(text, col);
  });
  return { columns, missing: labels.filter((l) => !columns.has(l)) };
}

/** A one-sheet workbook with a bold header row and sanitised cells, as a buffer. */
export async function writeSheet(
  title: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title);
  sheet.addRow(header.map((h) => safeCell(h))).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => safeCell(v)));
  sheet.columns.forEach((c) => {
    c.width = 16;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
