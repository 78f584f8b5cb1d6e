import type { ImportProblem, PhysicalExamItem } from '@kaolu/contracts';
import type ExcelJS from 'exceljs';
import { cellText, headerColumns } from '../../platform/excel/excel-cells';

// The hospitals' result sheet (HOS, INT-09g): one row per candidate, named by 准考证号, with the
// conclusion, the failed items and remarks. Read in one pass; every bad field is reported by row.

/** The template's headers; 姓名, 类别 and 体检时间 are there for the reader and are not imported. */
export const RESULT_SHEET_HEADERS = [
  '准考证号',
  '姓名',
  '类别',
  '体检时间',
  '体检结论',
  '不合格项目',
  '备注',
] as const;
const CONCLUSIONS: Record<string, 'qualified' | 'unqualified'> = {
  合格: 'qualified',
  不合格: 'unqualified',
};

/** A row that names an order of the hospital still waiting for its result. */
export type SheetTarget = { orderId: string; ticketNumber: string };
export type SheetRow = {
  orderId: string;
  result: 'qualified' | 'unqualified';
  items: PhysicalExamItem[];
  remarks: string;
};

/**
 * Failed items are written "项目：说明" and separated by ；or ; (e.g. "血压：160/100；视力"), so a
 * hospital fills one cell per candidate.
 */
export function parseFailedItems(text: string): PhysicalExamItem[] {
  return text
    .split(/[；;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, ...rest] = part.split(/[：:]/);
      return {
        name: name!.trim(),
        outcome: 'unqualified' as const,
        remark: rest.join('：').trim(),
      };
    });
}

/**
 * Reads the sheet against the hospital's open orders (by ticket number). Problems: unknown or
 * closed ticket, a candidate twice, a conclusion other than 合格 / 不合格, 不合格 without a failed
 * item or 合格 with one, over-long text.
 */
export function readResultSheet(
  sheet: ExcelJS.Worksheet,
  byTicket: ReadonlyMap<string, SheetTarget>,
): { rows: SheetRow[]; problems: ImportProblem[] } {
  const { columns } = headerColumns(sheet, RESULT_SHEET_HEADERS);
  const problems: ImportProblem[] = [];
  const report = (row: number, field: string, message: string) =>
    void problems.push({ row, field, message });
  for (const h of ['准考证号', '体检结论']) if (!columns.has(h)) report(1, h, `缺少“${h}”列`);
  if (problems.length) return { rows: [], problems };
  const rows: SheetRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (h: string) => (columns.has(h) ? cellText(row.getCell(columns.get(h)!)) : '');
    // Trailing blank rows are common in filled-in sheets: skipped, not reported.
    if (RESULT_SHEET_HEADERS.every((h) => text(h) === '')) continue;
    const ticket = text('准考证号');
    const target = ticket ? byTicket.get(ticket) : undefined;
    if (!ticket) report(r, '准考证号', '缺少准考证号');
    else if (!target) report(r, '准考证号', `准考证号“${ticket}”不是本医院待录入结果的考生`);
    else if (seen.has(ticket)) report(r, '准考证号', `与第${seen.get(ticket)}行是同一考生`);
    else seen.set(ticket, r);
    const result = CONCLUSIONS[text('体检结论')];
    if (!result) report(r, '体检结论', '体检结论应为“合格”或“不合格”');
    const items = parseFailedItems(text('不合格项目'));
    if (result === 'unqualified' && items.length === 0)
      report(r, '不合格项目', '结论为不合格时须填写不合格项目');
    if (result === 'qualified' && items.length > 0)
      report(r, '不合格项目', '结论为合格时不应填写不合格项目');
    if (items.some((i) => i.name.length > 40 || i.remark.length > 200))
      report(r, '不合格项目', '项目名称不超过40字、说明不超过200字');
    const remarks = text('备注');
    if (remarks.length > 500) report(r, '备注', '备注不超过500字');
    if (target && result && seen.get(ticket) === r)
      rows.push({ orderId: target.orderId, result, items, remarks });
  }
  return { rows, problems };
}
