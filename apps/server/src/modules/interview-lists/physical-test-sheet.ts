import type { ImportProblem } from '@kaolu/contracts';
import { validateIdNumber } from '@kaolu/domain';
import type ExcelJS from 'exceljs';
import { cellText, headerColumns } from '../../platform/excel/excel-cells';

// The 体测 result sheet (INT-02): who (准考证号 or 身份证号), 结果 合格 / 不合格, 说明.
export const PHYSICAL_TEST_HEADERS = ['准考证号', '身份证号', '结果', '说明'] as const;
const RESULTS = new Map([
  ['合格', true],
  ['不合格', false],
]);
// The reason is shown to the candidate: long enough for a test item and its measure.
const DETAIL_MAX = 200;

/** One row as typed, with how it names the candidate; resolved against the event afterwards. */
export type PhysicalTestRow = {
  row: number;
  ticket: string | null;
  idNumber: string | null;
  passed: boolean;
  detail: string | null;
};

/**
 * Reads the sheet row by row: each row names a candidate once and gives a valid result; every bad
 * field is reported with its row. Who the names resolve to is checked by the import.
 */
export function readPhysicalTestSheet(sheet: ExcelJS.Worksheet): {
  rows: PhysicalTestRow[];
  problems: ImportProblem[];
} {
  const { columns } = headerColumns(sheet, PHYSICAL_TEST_HEADERS);
  const problems: ImportProblem[] = [];
  const report = (row: number, field: string, message: string) =>
    void problems.push({ row, field, message });
  if (!columns.has('准考证号') && !columns.has('身份证号'))
    report(1, '准考证号', '缺少“准考证号”或“身份证号”列');
  if (!columns.has('结果')) report(1, '结果', '缺少“结果”列');
  // Missing columns make every row wrong: reported once instead of once per row.
  if (problems.length) return { rows: [], problems };
  const rows: PhysicalTestRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (h: string) => (columns.has(h) ? cellText(row.getCell(columns.get(h)!)) : '');
    // Blank rows (often left at the end of a sheet) are skipped, not reported.
    if (PHYSICAL_TEST_HEADERS.every((h) => text(h) === '')) continue;
    const before = problems.length;
    const ticket = text('准考证号') || null;
    let idNumber: string | null = null;
    if (!ticket) {
      const raw = text('身份证号');
      if (!raw) report(r, '准考证号', '准考证号和身份证号至少填一项');
      else {
        // Validated first so a typo is reported as such, not as "no such candidate".
        const valid = validateIdNumber(raw);
        if (valid.ok) idNumber = valid.value.idNumber;
        else
          report(
            r,
            '身份证号',
            `身份证号码不正确：${valid.reasons.map((x) => x.message).join('；')}`,
          );
      }
    }
    const passed = RESULTS.get(text('结果'));
    if (passed === undefined) report(r, '结果', `结果“${text('结果')}”无效：应为“合格”或“不合格”`);
    const detail = text('说明') || null;
    if (detail && detail.length > DETAIL_MAX) report(r, '说明', `说明不能超过${DETAIL_MAX}字`);
    if (problems.length === before)
      rows.push({ row: r, ticket, idNumber, passed: passed!, detail });
  }
  if (rows.length === 0 && problems.length === 0) report(2, '准考证号', '文件中没有体测结果');
  return { rows, problems };
}
